// Hostile configuration over stdio: a .postmortem.json that is not JSON or has wrong types, an unknown
// profile, bad globs, bad zones, in the file and in the client's settings. Each problem is said once
// (a log line and a notification), and the defaults keep working. (There is no regular-expression
// setting to break.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestServer } from './lspClient';

const DOC = '# Postmortem\n\n## Issue Summary\n\nFrom 10:00 UTC to 11:00 UTC users could not log in, due to a bad deploy.\n\n## Timeline\n\n- 10:30 UTC fixed\n- 10:00 UTC deploy\n';

async function withServer(config: string | null, settings: Record<string, unknown>, run: (server: TestServer) => Promise<void>): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'pm-config-'));
  if (config !== null) writeFileSync(join(workspace, '.postmortem.json'), config);
  const server = new TestServer(workspace);
  server.settings = settings;
  try {
    await server.initialize();
    await run(server);
  } finally {
    await server.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** The diagnostics of DOC under the defaults work: the classic profile's sections and the timeline's order. */
function defaultsWork(codes: string[]): void {
  assert.ok(codes.includes('timeline-out-of-order'), codes.join());
  assert.equal(codes.filter((code) => code === 'section-missing').length, 2, codes.join());
}

const codesOf = (published: { diagnostics: Array<{ code: string }> }) => published.diagnostics.map((d) => d.code);
const mentions = (server: TestServer, text: string) => server.logs.filter((line) => line.includes(text));

test('a .postmortem.json that is not JSON: one message, and the defaults', async () => {
  await withServer('{ "profile": "google-sre", ', {}, async (server) => {
    const first = await server.open('a-postmortem.md', DOC);
    await server.open('b-postmortem.md', DOC);
    defaultsWork(codesOf(first.diagnostics));
    const messages = mentions(server, 'not valid JSON');
    assert.ok(messages.length >= 1 && messages.length <= 2, `said once (log and notification): ${JSON.stringify(server.logs)}`);
    assert.equal(new Set(messages).size, 1);
  });
});

test('wrong types, an unknown profile, bad globs, a bad zone in .postmortem.json: each said once, defaults used', async () => {
  const config = JSON.stringify({
    profile: 'no-such-profile',
    include: ['[unclosed', '**/*.md', ''],
    severity: { 'no-such-code': 'error', 'section-missing': 3 },
    durationTolerance: '5',
    timeZone: 'Mars/Olympus_Mons',
    inlayHints: 1,
    sections: 'not a list',
  });
  await withServer(config, {}, async (server) => {
    const first = await server.open('c-postmortem.md', DOC);
    await server.open('d-postmortem.md', DOC);
    defaultsWork(codesOf(first.diagnostics));
    for (const expected of ['profile must be one of', 'is not a valid glob', 'unknown code "no-such-code"', 'severity of section-missing', 'durationTolerance', 'Mars/Olympus_Mons', 'inlayHints.enabled', 'sections must be']) {
      const lines = mentions(server, expected);
      assert.ok(lines.length >= 1, `${expected}: ${JSON.stringify(server.logs)}`);
      assert.ok(lines.length <= 2, `${expected} said more than once: ${lines.length}`);
    }
    const globs = mentions(server, 'is not a valid glob').join('\n');
    assert.match(globs, /\[unclosed/);
    // The valid glob is kept: a Markdown file without "postmortem" in its name or title is one.
    const plain = await server.open('notes.md', '## Timeline\n\n- 10:30 UTC b\n- 10:00 UTC a\n');
    assert.ok(codesOf(plain.diagnostics).includes('timeline-out-of-order'), 'the valid include glob still applies');
  });
});

test('bad values in the client settings: said once, however many documents ask; defaults used', async () => {
  const settings = { profile: 42, severity: 'loud', durationTolerance: -1, timeZone: ['UTC'], include: 'docs/**', sections: [null, 7, { title: '' }] };
  await withServer(null, settings, async (server) => {
    let published = null;
    for (let i = 0; i < 4; i++) published = (await server.open(`e${i}-postmortem.md`, DOC)).diagnostics;
    defaultsWork(codesOf(published!));
    for (const expected of ['profile must be one of', 'severity must be an object', 'durationTolerance', 'timeZone', 'include must be a list']) {
      const lines = mentions(server, expected);
      assert.ok(lines.length >= 1 && lines.length <= 2, `${expected}: ${lines.length} times in ${JSON.stringify(server.logs)}`);
    }
    // Hover, symbols and code actions still work under the defaults.
    const uri = server.uriOf('e0-postmortem.md');
    const symbols = await server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
  });
});

test('a settings object that is not an object at all, then a fix: diagnostics follow the new settings', async () => {
  await withServer(null, 'not an object' as unknown as Record<string, unknown>, async (server) => {
    const { uri, diagnostics } = await server.open('f-postmortem.md', DOC);
    defaultsWork(codesOf(diagnostics));
    assert.ok(mentions(server, 'expected an object').length >= 1, JSON.stringify(server.logs));
    server.settings = { severity: { 'timeline-out-of-order': 'off' } };
    const next = server.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'timeline-out-of-order'));
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.ok(!codesOf(await next).includes('timeline-out-of-order'));
  });
});
