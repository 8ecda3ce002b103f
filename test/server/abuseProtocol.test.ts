// Protocol abuse over stdio: broken frames and JSON, bodies that are not JSON-RPC, unknown methods,
// unknown and closed documents, changes out of range, a flood of changes, cancellation, hostile
// documents. After each the server must still be running and answer the next valid request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RawServer } from '../fuzz/rawServer';

const workspace = mkdtempSync(join(tmpdir(), 'pm-abuse-'));
const server = new RawServer(workspace);
const DOC = '# Postmortem\n\n## Issue Summary\n\nFrom 10:00 UTC to 11:00 UTC users could not log in, due to a bad deploy.\n\n## Timeline\n\n- 10:00 UTC deploy\n- 11:00 UTC fixed\n';
let uri = '';

before(async () => {
  await server.initialize();
  uri = server.uriOf('alive-postmortem.md');
  const version = server.open(uri, DOC);
  await server.diagnostics(uri, version);
});

after(async () => {
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
});

async function stillServing(what: string): Promise<void> {
  const symbols = await server.alive(uri);
  assert.ok(Array.isArray(symbols) && symbols.length > 0, `${what}: documentSymbol answered ${JSON.stringify(symbols)}`);
  assert.equal(server.exited, false, `${what}: the server exited`);
}

test('a body that is not JSON is dropped, and the server serves on', async () => {
  server.writeFrame('{"jsonrpc": "2.0", "id": 1, "method": ');
  await stillServing('invalid JSON');
});

// JSON-RPC wants a parse error response (-32700, id null): the server's own frame checker sends it.
test('a body that is not JSON gets a parse error response (-32700)', async () => {
  server.writeFrame('{not json');
  const error = await server.waitFor((m) => m.error?.code === -32700, 'a parse error', 2000);
  assert.equal(error.id, null);
});

test('a body that is JSON but not JSON-RPC, and a request for an unknown method (-32601)', async () => {
  server.writeFrame('[1, 2, 3]');
  server.writeFrame('"just a string"');
  server.writeFrame('{"jsonrpc": "2.0", "id": 77}');
  server.writeFrame('{"jsonrpc": "2.0", "id": {"an": "object"}, "method": "textDocument/hover"}');
  await stillServing('JSON that is not JSON-RPC');
  const unknown = await server.request('postmortem/noSuchMethod', {});
  assert.equal(unknown.error?.code, -32601);
  await stillServing('unknown method');
});

test('requests with wrong or missing parameters are answered (an error or an empty result), never ignored', async () => {
  for (const [method, params] of [
    ['textDocument/hover', null],
    ['textDocument/hover', { textDocument: { uri }, position: { line: -5, character: 1e9 } }],
    ['textDocument/hover', { textDocument: { uri }, position: { line: 'one', character: {} } }],
    ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [{ data: 'not an object', source: 'postmortem' }, null] } }],
    ['textDocument/completion', { textDocument: { uri }, position: { line: 1e9, character: 0 } }],
    ['textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } } }],
    ['postmortem/analysis', { textDocument: 42 }],
    ['postmortem/newTimelineEntry', { textDocument: { uri }, now: 'not a date' }],
    ['postmortem/template', { profile: { not: 'a string' }, title: ['x'], date: null }],
  ] as const) {
    const answer = await server.request(method, params);
    assert.ok('result' in answer || answer.error, `${method} ${JSON.stringify(params)}: ${JSON.stringify(answer)}`);
  }
  await stillServing('wrong parameters');
});

test('unknown and closed documents get empty results; changes to them are ignored', async () => {
  const ghost = server.uriOf('never-opened-postmortem.md');
  for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/inlayHint']) {
    const answer = await server.request(method, { textDocument: { uri: ghost }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } });
    assert.deepEqual(answer.result, [], method);
  }
  const closed = server.uriOf('closed-postmortem.md');
  const version = server.open(closed, DOC);
  await server.diagnostics(closed, version);
  server.notify('textDocument/didClose', { textDocument: { uri: closed } });
  const cleared = await server.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string; diagnostics: unknown[] }).uri === closed && (m.params as { diagnostics: unknown[] }).diagnostics.length === 0, 'diagnostics cleared on close');
  assert.ok(cleared);
  assert.deepEqual((await server.request('textDocument/documentSymbol', { textDocument: { uri: closed } })).result, []);
  assert.equal((await server.request('textDocument/hover', { textDocument: { uri: closed }, position: { line: 0, character: 0 } })).result, null);
  server.change(ghost, [{ text: 'x' }]);
  server.notify('textDocument/didClose', { textDocument: { uri: ghost } });
  server.notify('textDocument/didOpen', { textDocument: { uri: 42 } });
  await stillServing('unknown and closed documents');
});

test('changes with out-of-range positions are clamped, not fatal', async () => {
  const target = server.uriOf('ranges-postmortem.md');
  server.open(target, DOC);
  const version = server.change(target, [
    { range: { start: { line: 1000, character: 0 }, end: { line: 2000, character: 5 } }, text: '\n- 12:00 UTC appended' },
    { range: { start: { line: 0, character: 500 }, end: { line: 0, character: 900 } }, text: ' (draft)' },
    { range: { start: { line: 3, character: 10 }, end: { line: 1, character: 0 } }, text: '' },
  ]);
  const published = await server.diagnostics(target, version);
  assert.ok(Array.isArray((published.params as { diagnostics: unknown[] }).diagnostics));
  await stillServing('out-of-range changes');
});

test('a flood of 500 changes: the last version wins, and its diagnostics match a fresh open', async () => {
  const target = server.uriOf('flood-postmortem.md');
  server.open(target, DOC);
  let version = 0;
  let text = DOC;
  for (let i = 0; i < 500; i++) {
    const line = `- 11:${String(i % 60).padStart(2, '0')} UTC step ${i}\n`;
    const lines = text.split('\n');
    version = server.change(target, [{ range: { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 0 } }, text: line }]);
    text += line;
  }
  const flooded = await server.diagnostics(target, version, 60_000);
  const fresh = server.uriOf('fresh-postmortem.md');
  const freshVersion = server.open(fresh, text);
  const expected = await server.diagnostics(fresh, freshVersion);
  const codes = (m: typeof flooded) => (m.params as { diagnostics: Array<{ code: string; range: unknown }> }).diagnostics.map((d) => `${d.code} ${JSON.stringify(d.range)}`);
  assert.deepEqual(codes(flooded), codes(expected));
  const answer = await server.request('postmortem/analysis', { textDocument: { uri: target } });
  assert.equal((answer.result as { timeline: unknown[] }).timeline.length, 502);
  await stillServing('flood');
});

test('cancellation midway: each cancelled request is answered, with a result or -32800', async () => {
  const ids: number[] = [];
  for (let i = 0; i < 20; i++) {
    const id = 5000 + i;
    ids.push(id);
    server.send({ jsonrpc: '2.0', id, method: i % 2 ? 'textDocument/codeAction' : 'textDocument/documentSymbol', params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.postmortem'] } } });
    server.notify('$/cancelRequest', { id });
  }
  server.notify('$/cancelRequest', { id: 999_999 });
  for (const id of ids) {
    const answer = await server.response(id);
    assert.ok('result' in answer || answer.error?.code === -32800, `${id}: ${JSON.stringify(answer)}`);
  }
  await stillServing('cancellation');
});

test('hostile documents over stdio: deep nesting, a 2 MB line, binary, NUL and lone surrogates', async () => {
  const docs: Array<[string, string]> = [
    ['deep', `${DOC}\n${'>'.repeat(10_000)} 10:30 UTC deep\n`],
    ['long', `${DOC}\n- 10:30 UTC ${'x'.repeat(2_000_000)}\n`],
    ['binary', Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 2654435761) >>> 24)).toString('latin1')],
    ['odd', `${DOC}\u0000\ud800\udfff\ufeff\r\r\n\u2028- 10:45 UTC 😀\n`],
  ];
  for (const [name, text] of docs) {
    const target = server.uriOf(`${name}-postmortem.md`);
    const version = server.open(target, text);
    const published = await server.diagnostics(target, version, 60_000);
    const diagnostics = (published.params as { diagnostics: Array<{ code: string }> }).diagnostics;
    if (name === 'deep') assert.equal(diagnostics.filter((d) => d.code === 'document-too-deep').length, 1, JSON.stringify(diagnostics.map((d) => d.code)));
    const fixAll = await server.request('textDocument/codeAction', { textDocument: { uri: target }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.postmortem'] } });
    assert.ok(Array.isArray(fixAll.result), `${name}: ${JSON.stringify(fixAll.error)}`);
  }
  await stillServing('hostile documents');
});

test('broken frame headers: the server does not exit, and answers valid requests again', async () => {
  // Its own server: a reader that lost the frame boundary stays one chunk behind afterwards.
  const broken = new RawServer(workspace);
  try {
    await broken.initialize();
    const target = broken.uriOf('broken-postmortem.md');
    broken.open(target, DOC);
    broken.writeRaw('Content-Length: abc\r\n\r\n{}');
    broken.writeRaw('X-Whatever: 1\r\n\r\n');
    broken.writeRaw('\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(broken.exited, false, 'the server exited');
    // Each later write pushes the backlog on; valid requests are answered again once it has drained.
    let answered = false;
    for (let i = 0; i < 5 && !answered; i++) {
      answered = await Promise.race([broken.alive(target).then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000))]);
    }
    assert.ok(answered, 'answers valid requests again');
  } finally {
    await broken.stop();
  }
});
