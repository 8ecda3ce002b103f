// Editing features over stdio: completion, hover, inlay hints, fix-all and the commands' requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixture } from '../helpers';
import { TestServer } from './lspClient';

let server: TestServer;

before(async () => {
  server = new TestServer(mkdtempSync(join(tmpdir(), 'postmortem-edit-')));
  const result = (await server.initialize()) as { capabilities: Record<string, unknown> };
  assert.ok(result.capabilities.hoverProvider && result.capabilities.inlayHintProvider && result.capabilities.completionProvider);
});

after(() => server.shutdown());

interface Item { label: string; textEdit?: { newText: string }; additionalTextEdits?: Array<{ newText: string }> }

test('completion offers the missing sections at a line start and after "#"', async () => {
  const text = readFixture('classic-complete.md').replace(/## Corrective and Preventive Measures[\s\S]*$/, '##');
  const { uri } = await server.open('complete-postmortem.md', text);
  const line = text.split('\n').length - 1;
  const items = await server.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 } });
  assert.deepEqual(items.map((i) => i.label), ['## Corrective and Preventive Measures']);
  // The heading in the completion, the rest of the section after it as an additional edit.
  assert.equal(items[0].textEdit!.newText, '## Corrective and Preventive Measures');
  assert.match(`${items[0].textEdit!.newText}${items[0].additionalTextEdits![0].newText}`, /^## Corrective and Preventive Measures\n\n- \[ \]/);
});

test('completion in the summary offers the facts it lacks; in the timeline, an entry at the current time', async () => {
  const text = ['# Postmortem', '## Issue Summary', '- **Impact:** all users', '- ', '## Timeline', '- **10:00 AM UTC:** a', '- **10:05 AM UTC:** b', ''].join('\n');
  const { uri } = await server.open('facts-postmortem.md', text);
  const facts = await server.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 2 } });
  assert.deepEqual(facts.map((i) => i.label), ['Duration:', 'Start time:', 'End time:', 'Root cause:']);
  const entries = await server.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 0 } });
  const timed = entries.filter((i) => /^- \*\*\d{1,2}:\d{2} [AP]M UTC:\*\*$/.test(i.label));
  assert.equal(timed.length, 1, entries.map((i) => i.label).join(', '));
});

test('hover on a timeline time explains its instant, offset and sources; on a stated duration, the computed one', async () => {
  const { uri } = await server.open('hover-postmortem.md', readFixture('bold-midnight.md'));
  const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 5 } });
  assert.match(hover.contents.value, /\*\*12:10 AM\*\*/);
  assert.match(hover.contents.value, /T\+0:40\*\* since the incident start \(23:30 GMT\+1\)/);
  assert.match(hover.contents.value, /23:10 UTC on 2024-05-10/);
  assert.match(hover.contents.value, /Zone: GMT\+1, from the Timeline heading/);
  assert.match(hover.contents.value, /Date: 2024-05-11, the next day: the time went back past midnight/);
  const { uri: durationUri } = await server.open('hover2-postmortem.md', readFixture('classic-complete.md'));
  const duration = await server.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: durationUri }, position: { line: 4, character: 20 } });
  assert.match(duration.contents.value, /\*\*Computed:\*\* 2h 15m, from the summary's start and end/);
  // Issue 16: the title's hover names the profile in use and why.
  const title = await server.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: durationUri }, position: { line: 0, character: 3 } });
  assert.match(title.contents.value, /^\*\*Profile:\*\* classic \(chosen by the document's own sections\)/);
  assert.equal(await server.request('textDocument/hover', { textDocument: { uri: durationUri }, position: { line: 1, character: 0 } }), null);
});

test('inlay hints: T+h:mm after each timeline time, and none when the setting is off', async () => {
  const { uri } = await server.open('hints-postmortem.md', readFixture('classic-complete.md'));
  const range = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
  const hints = await server.request<Array<{ label: string; position: { line: number } }>>('textDocument/inlayHint', { textDocument: { uri }, range });
  assert.deepEqual(hints.map((h) => h.label), ['T+0:00', 'T+0:07', 'T+0:20', 'T+1:05', 'T+1:40', 'T+2:05', 'T+2:15']);
  server.settings = { inlayHints: { enabled: false } };
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  assert.deepEqual(await server.request('textDocument/inlayHint', { textDocument: { uri }, range }), []);
  server.settings = {};
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
});

test('fix-all over stdio is one edit, and a second request finds nothing to fix', async () => {
  const { uri } = await server.open('fixall-postmortem.md', readFixture('problems.md'));
  const actions = await server.request<Array<{ kind: string; edit: { changes: Record<string, unknown[]> } }>>('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.postmortem');
  assert.equal(actions[0].edit.changes[uri].length, 1);
});

test('the commands\' requests: sort the timeline, a new entry at a given time, a template', async () => {
  const { uri } = await server.open('sort-postmortem.md', readFixture('problems.md'));
  const edits = await server.request<Array<{ newText: string }>>('postmortem/sortTimeline', { textDocument: { uri } });
  assert.equal(edits.length, 1);
  assert.match(edits[0].newText, /- 10:20 Customers report errors\.\n- 10:30 On-call paged\./);
  const { uri: entryUri } = await server.open('entry-postmortem.md', readFixture('bold-midnight.md'));
  const entry = await server.request<{ edit: { newText: string }; cursor: { line: number } }>('postmortem/newTimelineEntry', { textDocument: { uri: entryUri }, now: '2024-05-11T00:15:00Z' });
  assert.equal(entry.edit.newText, '\n- **1:15 AM:** ');
  assert.equal(entry.cursor.line, 13);
  // The pickers list what the server offers, with the line each profile's description gives.
  const profiles = await server.request<Array<{ name: string; description: string }>>('postmortem/profiles', null);
  assert.deepEqual(profiles.map((profile) => profile.name), ['auto', 'classic', 'google-sre', 'pagerduty', 'atlassian']);
  assert.match(profiles[3].description, /^PagerDuty's template: Overview, What Happened/);
  const template = await server.request<string>('postmortem/template', { profile: 'pagerduty', title: 'DB failover', date: '2024-05-10' });
  assert.match(template, /^---\ntype: postmortem\nprofile: pagerduty\ndate: 2024-05-10\n---\n\n# Postmortem: DB failover\n\n## Overview/);
  // A date that is no day stays in the body, as written.
  assert.match(await server.request<string>('postmortem/template', { profile: 'classic', title: 'x', date: 'last Tuesday' }), /^---\ntype: postmortem\nprofile: classic\n---\n\n# Postmortem: x\n\n\*\*Date:\*\* last Tuesday\n\n## /);
  // Opened in a workspace whose profile is classic, it is checked as the pagerduty postmortem it is.
  const { diagnostics } = await server.open('new-pagerduty-postmortem.md', template);
  assert.deepEqual(diagnostics.diagnostics.filter((d) => d.code === 'section-missing' || d.code === 'section-order'), []);
});
