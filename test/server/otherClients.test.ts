// What clients other than VS Code do (Neovim 0.7, Emacs eglot), over stdio: one test per bug they found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixture, ROOT } from '../helpers';
import { TestServer } from './lspClient';

interface Item { label: string; detail?: string; insertTextFormat?: number; textEdit?: { newText: string }; additionalTextEdits?: Array<{ newText: string }> }

/** A server in a fresh workspace, initialized with `overrides`, shut down after `body`. */
async function withServer(overrides: Parameters<TestServer['initialize']>[0], body: (server: TestServer) => Promise<void>, workspace = mkdtempSync(join(tmpdir(), 'postmortem-clients-'))): Promise<void> {
  const server = new TestServer(workspace);
  try {
    await server.initialize(overrides);
    await body(server);
  } finally {
    await server.shutdown();
  }
}

/** `promise`, or a failure naming `what` after 10 s: a missing notification fails the test, never hangs it. */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no ${what} within 10 s`)), 10_000); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const SNIPPETS = { textDocument: { completion: { completionItem: { snippetSupport: true } } } };
const TIMELINE_DOC = ['# Postmortem', '## Issue Summary', '- **Impact:** all users', '- ', '## Timeline', '- **10:00 UTC:** a', '- **10:05 UTC:** b', ''].join('\n');

test('a: a client without snippet support gets plain text completions, one with it gets snippets', async () => {
  const completions = async (capabilities: unknown) => {
    let items: Item[] = [];
    await withServer({ capabilities }, async (server) => {
      const { uri } = await server.open('a-postmortem.md', TIMELINE_DOC);
      items = [
        ...await server.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 2 } }),
        ...await server.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 0 } }),
      ];
    });
    return items.filter((item) => item.insertTextFormat !== undefined);
  };
  const plain = await completions({});
  assert.ok(plain.length >= 2);
  for (const item of plain) {
    assert.equal(item.insertTextFormat, 1, item.label);
    assert.doesNotMatch(item.textEdit!.newText, /\$\{?\d/, item.label);
  }
  const snippets = await completions(SNIPPETS);
  assert.ok(snippets.some((item) => item.insertTextFormat === 2 && /\$\{1:What happened\}$/.test(item.textEdit!.newText)));
});

test('b: a bad .postmortem.json is reported with window/showMessage, never a showMessageRequest that blocks the editor', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'postmortem-clients-'));
  writeFileSync(join(workspace, '.postmortem.json'), '{ "profile": ');
  const server = new TestServer(workspace);
  const requests: unknown[] = [];
  server.connection.onRequest('window/showMessageRequest', (params: unknown) => {
    requests.push(params);
    return null;
  });
  const shown = new Promise<{ type: number; message: string }>((resolve) => server.connection.onNotification('window/showMessage', resolve));
  try {
    await server.initialize();
    const { message, type } = await shown;
    assert.match(message, /\.postmortem\.json: not valid JSON/);
    assert.equal(type, 2);
    // The same problem again (opening a document re-reads the file) is not shown twice, and never asked.
    await server.open('b-postmortem.md', TIMELINE_DOC);
    assert.deepEqual(requests, []);
  } finally {
    await server.shutdown();
  }
});

test('c: the server exits when its standard input ends, though the processId it was given is alive', async () => {
  const server = new TestServer(mkdtempSync(join(tmpdir(), 'postmortem-clients-')));
  try {
    await server.initialize();
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
    server.process.stdin.end();
    const timeout = new Promise<'still running'>((resolve) => setTimeout(resolve, 5000, 'still running').unref());
    assert.equal(await Promise.race([exited, timeout]), 0);
  } finally {
    await server.shutdown();
  }
});

test('d: hover on a UTC entry with a date says "On <date>" once', async () => {
  await withServer({}, async (server) => {
    const text = ['# Postmortem', '## Timeline', '', '- **2024-03-14 10:00 UTC:** a', '- **2024-03-14 10:20 UTC:** b', ''].join('\n');
    const { uri } = await server.open('d-postmortem.md', text);
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 16 } });
    assert.match(hover.contents.value, /^- On 2024-03-14$/m);
    assert.doesNotMatch(hover.contents.value, /On on/);
  });
});

test('e: the "new entry now" completion writes the time the way most entries do, not the last one alone', async () => {
  await withServer({}, async (server) => {
    // Padded, bold, zone on each entry; the last entry alone is unpadded, plain and without a zone.
    const text = ['# Postmortem', '## Timeline', '', '- **09:10 UTC:** a', '- **09:40 UTC:** b', '- **10:05 UTC:** c', '- 11:00 d', ''].join('\n');
    const { uri } = await server.open('e-postmortem.md', text);
    const items = await server.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 0 } });
    const entry = items.find((item) => item.detail === 'Timeline entry at the current time');
    assert.match(entry?.textEdit?.newText ?? '', /^- \*\*\d\d:\d\d UTC:\*\* $/);
    const command = await server.request<{ edit: { newText: string } }>('postmortem/newTimelineEntry', { textDocument: { uri }, now: '2024-05-11T05:20:00Z' });
    assert.equal(command.edit.newText, '\n- **05:20 UTC:** ');
  });
});

test('f: section completions put one line in the completion and the rest of the section in an additional edit', async () => {
  await withServer({}, async (server) => {
    // Setext headings: the new heading itself takes two lines.
    const text = ['Postmortem', '==========', '', 'Issue Summary', '-------------', '', 'Timeline', '--------', '', '- 10:00 UTC a', '', ''].join('\n');
    const { uri } = await server.open('f-postmortem.md', text);
    const items = (await server.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: { line: 11, character: 0 } }))
      .filter((item) => item.additionalTextEdits);
    assert.ok(items.length >= 2, items.map((item) => item.label).join(', '));
    for (const item of items) assert.doesNotMatch(item.textEdit!.newText, /[\r\n]/, item.label);
    const measures = items.find((item) => item.label === 'Corrective and Preventive Measures')!;
    assert.equal(`${measures.textEdit!.newText}${measures.additionalTextEdits![0].newText}`,
      'Corrective and Preventive Measures\n----------------------------------\n\n- [ ] What we will change so that this does not happen again.');
  });
});

test('g: the duration fix is offered for a diagnostic sent back with byte columns (emoji and CJK before the duration)', async () => {
  await withServer({}, async (server) => {
    const text = ['# Postmortem 🔥', '## Issue Summary', '- **Duration:** 🔥 障害 3 hours', '## Timeline', '- 10:00 UTC a', '- 10:30 UTC b', ''].join('\n');
    const { uri, diagnostics } = await server.open('g-postmortem.md', text);
    const mismatch = diagnostics.diagnostics.find((d) => d.code === 'duration-mismatch');
    assert.ok(mismatch, JSON.stringify(diagnostics.diagnostics.map((d) => d.code)));
    const { range } = mismatch as unknown as { range: { start: { line: number; character: number }; end: { line: number; character: number } } };
    // As Neovim 0.7 sends it back: the columns counted in UTF-8 bytes.
    const bytes = (character: number) => Buffer.byteLength(text.split('\n')[range.start.line].slice(0, character));
    const asBytes = { ...mismatch, range: { start: { line: range.start.line, character: bytes(range.start.character) }, end: { line: range.end.line, character: bytes(range.end.character) } } };
    assert.notDeepEqual(asBytes.range, range);
    type Action = { title: string; edit: { changes: Record<string, Array<{ range: typeof range; newText: string }>> } };
    const actions = await server.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: asBytes.range, context: { diagnostics: [asBytes] } });
    const fix = actions.find((action) => /Replace the stated duration/.test(action.title));
    assert.ok(fix, JSON.stringify(actions.map((action) => action.title)));
    assert.deepEqual(fix.edit.changes[uri], [{ range, newText: '30 minutes' }]);
  });
});

test('h: a client without workspace/configuration sets the profile through initializationOptions and didChangeConfiguration', async () => {
  const sectionsMissing = (published: { diagnostics: Array<{ code: string; data?: unknown }> }) =>
    published.diagnostics.filter((d) => d.code === 'section-missing').map((d) => (d.data as { title: string }).title).sort();
  await withServer({ capabilities: {}, initializationOptions: { postmortem: { profile: 'google-sre' } } }, async (server) => {
    const { uri, diagnostics } = await server.open('h-postmortem.md', readFixture('classic-complete.md'));
    assert.ok(sectionsMissing(diagnostics).includes('Trigger'), JSON.stringify(sectionsMissing(diagnostics)));
    // Pushed as VS Code and most clients push it: the postmortem object inside `settings`.
    const classic = server.nextDiagnostics(uri, (published) => sectionsMissing(published).length === 0);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { postmortem: { profile: 'classic' } } });
    await within(classic, 'classic profile');
    const pagerduty = server.nextDiagnostics(uri, (published) => sectionsMissing(published).includes("How'd We Do?"));
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { postmortem: { profile: 'pagerduty' } } });
    await within(pagerduty, 'pagerduty profile');
  });
});

test('the postmortem-language-server command starts the server on stdio without a flag', async () => {
  const server = new TestServer(mkdtempSync(join(tmpdir(), 'postmortem-clients-')), [join(ROOT, 'dist', 'language-server.js')]);
  try {
    const result = (await server.initialize()) as { serverInfo: { name: string } };
    assert.equal(result.serverInfo.name, 'postmortem-writer');
    const { diagnostics } = await server.open('bin-postmortem.md', TIMELINE_DOC);
    assert.ok(diagnostics.diagnostics.length > 0);
  } finally {
    await server.shutdown();
  }
});
