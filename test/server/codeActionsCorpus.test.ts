// Every code action on every corpus document, through the server over stdio: apply it, let the
// server re-analyse, and check that the problem is gone and nothing else broke.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { CORPUS, CORPUS_SKIP, readCorpus, readFixture } from '../helpers';
import { applyEdits } from '../../server/src/features/fixAll';
import { TestServer } from './lspClient';

let server: TestServer;
let opened = 0;

before(async () => {
  server = new TestServer(mkdtempSync(join(tmpdir(), 'postmortem-fix-')));
  await server.initialize();
});

after(() => server.shutdown());

interface Action { title: string; edit?: { changes: Record<string, TextEdit[]> } }

async function fixEach(name: string, text: string): Promise<number> {
  const { uri, diagnostics } = await server.open(`doc${opened++}-postmortem.md`, text);
  let applied = 0;
  for (const diagnostic of diagnostics.diagnostics as unknown as Diagnostic[]) {
    const actions = await server.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    for (const action of actions) {
      const fixed = applyEdits(text, action.edit?.changes[uri] ?? []);
      const where = `${name}: "${action.title}" (${diagnostic.code}, line ${diagnostic.range.start.line + 1})`;
      assert.notEqual(fixed, text, `${where} changed nothing`);
      const { diagnostics: after } = await server.open(`doc${opened++}-postmortem.md`, fixed);
      const same = after.diagnostics.filter((d) => d.code === diagnostic.code && JSON.stringify(d.data) === JSON.stringify(diagnostic.data) && d.range.start.line === diagnostic.range.start.line);
      if (diagnostic.code !== 'timeline-out-of-order' && diagnostic.code !== 'timeline-missing-timezone') assert.deepEqual(same, [], `${where}: still reported`);
      if (diagnostic.code === 'timeline-out-of-order') assert.ok(!after.diagnostics.some((d) => d.code === 'timeline-out-of-order'), `${where}: still out of order`);
      const before = new Set(diagnostics.diagnostics.map((d) => d.code));
      // A summary inserted is read as one: each field it does not state yet is reported until it does.
      const insertsSummary = diagnostic.code === 'section-missing' && /Summary|Overview/.test(String((diagnostic.data as { title?: string }).title));
      assert.deepEqual(after.diagnostics.filter((d) => !before.has(d.code) && !(insertsSummary && d.code === 'summary-field-missing')).map((d) => d.code), [], `${where}: new problems`);
      applied++;
    }
  }
  return applied;
}

test('every code action on the fixtures, over stdio', async () => {
  let applied = 0;
  for (const file of ['problems.md', 'bold-midnight.md', 'not-a-postmortem.md']) applied += await fixEach(file, readFixture(file));
  assert.ok(applied >= 8, `${applied} applied`);
});

test('every code action on every corpus document, over stdio', { skip: CORPUS_SKIP }, async () => {
  let applied = 0;
  for (const file of readdirSync(CORPUS).filter((name) => /^\d+\.md$/.test(name))) applied += await fixEach(file, readCorpus(file));
  assert.ok(applied > 150, `${applied} applied`);
});
