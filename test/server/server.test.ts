// The bundled server over stdio, as an editor would use it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixture } from '../helpers';
import { TestServer } from './lspClient';
import type { AnalysisResult } from '../../server/src/protocol';

let server: TestServer;
const workspace = mkdtempSync(join(tmpdir(), 'postmortem-ws-'));

before(async () => {
  server = new TestServer(workspace);
  const result = (await server.initialize()) as { capabilities: Record<string, unknown> };
  assert.ok(result.capabilities.documentSymbolProvider);
  assert.ok(result.capabilities.foldingRangeProvider);
  assert.ok(result.capabilities.codeActionProvider);
});

after(async () => {
  await server.shutdown();
});

test('publishes diagnostics with stable codes for a postmortem with problems', async () => {
  const { diagnostics } = await server.open('incidents/queue.md', readFixture('problems.md'));
  const codes = diagnostics.diagnostics.map((d) => d.code).sort();
  assert.deepEqual(codes, ['duration-mismatch', 'section-missing', 'section-order', 'summary-field-missing', 'summary-field-missing', 'timeline-missing-timezone', 'timeline-out-of-order', 'timeline-unparsed-time']);
  assert.ok(diagnostics.diagnostics.every((d) => d.source === 'postmortem' && d.data));
});

test('a complete postmortem gets no diagnostic at all', async () => {
  const { diagnostics } = await server.open('2024-04-10-login-postmortem.md', readFixture('classic-complete.md'));
  assert.deepEqual(diagnostics.diagnostics, []);
});

test('a plain README gets nothing: no diagnostics, symbols, folding or analysis', async () => {
  const { uri, diagnostics } = await server.open('README.md', readFixture('not-a-postmortem.md'));
  assert.deepEqual(diagnostics.diagnostics, []);
  assert.deepEqual(await server.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
  assert.deepEqual(await server.request('textDocument/foldingRange', { textDocument: { uri } }), []);
  const analysis = await server.request<AnalysisResult>('postmortem/analysis', { textDocument: { uri } });
  assert.equal(analysis.isPostmortem, false);
});

test('document symbols: sections, with timeline entries under the Timeline', async () => {
  const { uri } = await server.open('outline-postmortem.md', readFixture('classic-complete.md'));
  type Symbol = { name: string; children?: Symbol[]; selectionRange: { start: { line: number } } };
  const symbols = await server.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  // The title holds the sections, as the headings nest.
  assert.deepEqual(symbols.map((s) => s.name), ['Postmortem: Login outage on April 10th, 2024']);
  const sections = symbols[0].children!;
  assert.deepEqual(sections.map((s) => s.name), ['Issue Summary', 'Timeline', 'Root Cause and Resolution', 'Corrective and Preventive Measures']);
  const timeline = sections.find((s) => s.name === 'Timeline')!;
  assert.equal(timeline.children?.length, 7);
  assert.match(timeline.children![0].name, /^10:00 AM UTC Certificate on idp-internal expires/);
  assert.equal(timeline.children![0].selectionRange.start.line, 10);
});

test('folding ranges for sections and multi-line entries', async () => {
  const { uri } = await server.open('fold-postmortem.md', readFixture('heading-entries.md'));
  const ranges = await server.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri } });
  assert.ok(ranges.some((r) => r.startLine === 8), 'the Timeline section folds');
  assert.ok(ranges.some((r) => r.startLine === 12 && r.endLine === 14), 'a heading entry folds with its paragraph');
});

test('postmortem/analysis returns the model: sections, timeline with instants and offsets, the incident', async () => {
  const { uri } = await server.open('analysis-postmortem.md', readFixture('bold-midnight.md'));
  const analysis = await server.request<AnalysisResult>('postmortem/analysis', { textDocument: { uri } });
  assert.equal(analysis.isPostmortem, true);
  assert.equal(analysis.profile, 'classic');
  assert.deepEqual(analysis.sections.map((s) => s.id), ['summary', 'timeline', 'root-cause-and-resolution', 'corrective-and-preventive-measures']);
  assert.equal(analysis.timeline.length, 5);
  assert.deepEqual(analysis.timeline[2], {
    range: analysis.timeline[2].range,
    text: 'Memory graphs show every consumer crashing after five minutes.',
    timeText: '12:10 AM',
    time: '2024-05-10T23:10:00Z',
    offsetMinutes: 40,
    zone: 'GMT+1',
    zoneSource: 'timeline-heading',
    dateSource: 'rollover',
  });
  assert.equal(analysis.incident.start, '2024-05-10T22:30:00Z');
  assert.equal(analysis.incident.end, '2024-05-11T00:45:00Z');
  assert.equal(analysis.incident.durationMinutes, 135);
  assert.equal(analysis.incident.durationSource, 'summary');
});

test('diagnostics follow edits, and stale versions are never published last', async () => {
  const { uri } = await server.open('edit-postmortem.md', readFixture('classic-complete.md'));
  const broken = readFixture('classic-complete.md').replace('- **10:07 AM UTC:**', '- **09:07 AM UTC:**');
  const after = await server.change(uri, broken);
  assert.deepEqual(after.diagnostics.map((d) => d.code), ['timeline-out-of-order']);
  // A burst of edits: only the last version's diagnostics arrive.
  const versions: Promise<unknown>[] = [];
  for (let i = 0; i < 5; i++) versions.push(server.change(uri, broken + '\n'.repeat(i)));
  const last = await server.change(uri, readFixture('classic-complete.md'));
  assert.deepEqual(last.diagnostics, []);
});

test('quick fix inserts a missing section; re-analysed, that diagnostic is gone and no other appears', async () => {
  const text = readFixture('classic-complete.md').replace(/## Corrective and Preventive Measures[\s\S]*$/, '');
  const { uri, diagnostics } = await server.open('fix-postmortem.md', text);
  const missing = diagnostics.diagnostics.filter((d) => d.code === 'section-missing');
  assert.equal(missing.length, 1);
  const actions = await server.request<Array<{ title: string; kind: string; edit: { changes: Record<string, Array<{ range: { start: { line: number; character: number } }; newText: string }>> } }>>('textDocument/codeAction', {
    textDocument: { uri }, range: missing[0].range, context: { diagnostics: missing },
  });
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'quickfix');
  const [edit] = actions[0].edit.changes[uri];
  const lines = text.split('\n');
  const offset = lines.slice(0, edit.range.start.line).reduce((n, line) => n + line.length + 1, 0) + edit.range.start.character;
  const fixed = text.slice(0, offset) + edit.newText + text.slice(offset);
  assert.ok(fixed.startsWith(text.slice(0, offset)) && fixed.endsWith(text.slice(offset)), 'nothing the user wrote is lost');
  assert.match(fixed, /\n## Corrective and Preventive Measures\n/);
  const after = await server.change(uri, fixed);
  assert.deepEqual(after.diagnostics, []);
});

test('settings are read per document from the client and from .postmortem.json', async () => {
  server.settings = { severity: { 'timeline-out-of-order': 'off' } };
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const { diagnostics } = await server.open('settings-postmortem.md', readFixture('problems.md'));
  assert.ok(!diagnostics.diagnostics.some((d) => d.code === 'timeline-out-of-order'));
  server.settings = {};
  writeFileSync(join(workspace, '.postmortem.json'), JSON.stringify({ severity: { 'section-order': 'off' } }));
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uriOf('.postmortem.json'), type: 1 }] });
  const { diagnostics: fromFile } = await server.open('settings2-postmortem.md', readFixture('problems.md'));
  assert.ok(!fromFile.diagnostics.some((d) => d.code === 'section-order'));
  assert.ok(fromFile.diagnostics.some((d) => d.code === 'timeline-out-of-order'));
  writeFileSync(join(workspace, '.postmortem.json'), '{ not json');
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uriOf('.postmortem.json'), type: 2 }] });
  const { diagnostics: withDefaults } = await server.open('settings3-postmortem.md', readFixture('problems.md'));
  assert.ok(withDefaults.diagnostics.some((d) => d.code === 'section-order'), 'a broken config file falls back to the defaults');
  assert.ok(server.logs.some((line) => /not valid JSON/.test(line)), 'and says so');
});

test('requests for unknown documents get empty answers, and the server keeps serving', async () => {
  const uri = server.uriOf('never-opened.md');
  assert.deepEqual(await server.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
  const analysis = await server.request<AnalysisResult>('postmortem/analysis', { textDocument: { uri } });
  assert.equal(analysis.isPostmortem, false);
  const { diagnostics } = await server.open('still-alive-postmortem.md', readFixture('classic-complete.md'));
  assert.deepEqual(diagnostics.diagnostics, []);
});
