// The action items' code lenses over stdio: textDocument/codeLens, then workspace/executeCommand with a
// lens's command, which the server answers by asking the client to apply the edit (workspace/applyEdit).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { joinLines } from '../helpers';
import { TestServer } from './lspClient';

interface Lens { range: { start: { line: number } }; command?: { title: string; command: string; arguments?: unknown[] } }
interface AppliedEdit { label?: string; edit: { changes?: Record<string, Array<{ range: { start: { line: number; character: number } }; newText: string }>> } }

const TEXT = joinLines(
  '---', 'title: Checkout outage', 'status: in-review', '---', '# Checkout outage postmortem', '',
  '## Timeline', '', '- 14:00 UTC: alert', '- 15:00 UTC: resolved', '',
  '## Action Items', '', '| Action | Owner | Due |', '| --- | --- | --- |', '| Add a circuit breaker | alice | 2020-04-01 |', '| Load test the checkout | | |', '',
);

let server: TestServer;
const applied: AppliedEdit[] = [];

before(async () => {
  server = new TestServer(mkdtempSync(join(tmpdir(), 'postmortem-lens-')));
  server.connection.onRequest('workspace/applyEdit', (params: AppliedEdit) => {
    applied.push(params);
    return { applied: true };
  });
  server.settings = { actionItems: { display: 'codeLens' } };
  const result = (await server.initialize()) as { capabilities: { codeLensProvider?: unknown; executeCommandProvider?: { commands: string[] } } };
  assert.ok(result.capabilities.codeLensProvider);
  assert.deepEqual(result.capabilities.executeCommandProvider?.commands, ['postmortem.server.fillActionItem']);
});

after(() => server.shutdown());

test('each action item has its lens; "Add owner" runs on the server and the client is asked to apply the placeholder', async () => {
  const { uri } = await server.open('incidents/checkout.md', TEXT);
  const lenses = await server.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(lenses.map((lens) => `${lens.range.start.line} ${lens.command?.title}`), [
    '15 @alice · due 2020-04-01 ⚠ overdue',
    '16 + Add owner',
    '16 + Add due date',
  ]);
  const addOwner = lenses[1].command!;
  await server.request('workspace/executeCommand', { command: addOwner.command, arguments: addOwner.arguments });
  assert.equal(applied.length, 1);
  const edits = applied[0].edit.changes?.[uri] ?? [];
  assert.deepEqual(edits.map((edit) => [edit.range.start.line, edit.newText]), [[16, 'TBD ']]);

  // After an edit the lens is stale: running it changes nothing.
  await server.change(uri, TEXT.replace('Load test the checkout', 'Load test checkout'));
  await server.request('workspace/executeCommand', { command: addOwner.command, arguments: addOwner.arguments });
  await server.request('workspace/executeCommand', { command: addOwner.command, arguments: ['not', 'an', 'object'] });
  assert.equal(applied.length, 1);
});

test('with the default display, no lenses: the inlay hints say it', async () => {
  server.settings = {};
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const { uri } = await server.open('incidents/other.md', TEXT);
  assert.deepEqual(await server.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } }), []);
  const hints = await server.request<Array<{ label: string }>>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
  assert.ok(hints.some((hint) => hint.label === '@alice · due 2020-04-01 ⚠ overdue'), JSON.stringify(hints));
});
