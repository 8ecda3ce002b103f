// The TextMate injection grammar, tokenized with VS Code's own engine (vscode-textmate + oniguruma)
// over real lines from the corpus and fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { CORPUS_SKIP, ROOT, readCorpus } from '../helpers';

const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'postmortem.injection.tmLanguage.json');
let grammarPromise: Promise<IGrammar> | undefined;

function grammar(): Promise<IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns), createOnigString: (text) => new oniguruma.OnigString(text) }),
      loadGrammar: async (scopeName) => (scopeName === 'markdown.postmortem.injection' ? parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null),
    });
    const loaded = await registry.loadGrammar('markdown.postmortem.injection');
    assert.ok(loaded);
    return loaded;
  })();
  return grammarPromise;
}

/** The pieces of `line` that got `scope`. */
async function scoped(line: string, scope: string): Promise<string[]> {
  const { tokens } = (await grammar()).tokenizeLine(line, INITIAL);
  return tokens.filter((token) => token.scopes.some((s) => s.startsWith(scope))).map((token) => line.slice(token.startIndex, token.endIndex));
}

test('the grammar is valid JSON, injected into Markdown and contributed', () => {
  const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));
  assert.match(raw.injectionSelector, /text\.html\.markdown/);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.grammars, [{ scopeName: raw.scopeName, path: './syntaxes/postmortem.injection.tmLanguage.json', injectTo: ['text.html.markdown'] }]);
});

test('timestamps, zones, durations and severities in the styles postmortems use', async () => {
  assert.deepEqual(await scoped('- **04:15 PM (UTC):** Alert fired', 'constant.numeric.time'), ['04:15 PM']);
  assert.deepEqual(await scoped('- **04:15 PM (UTC):** Alert fired', 'support.constant.timezone'), ['UTC']);
  assert.deepEqual(await scoped('## Timeline (GMT+ 1)', 'support.constant.timezone'), ['GMT+ 1']);
  assert.deepEqual(await scoped('2100hrs WAT the server went down', 'constant.numeric.time'), ['2100hrs']);
  assert.deepEqual(await scoped('_6 PM_ – engineers', 'constant.numeric.time'), ['6 PM']);
  assert.deepEqual(await scoped('lasted 2 hours and 15 minutes, then 45 min', 'constant.numeric.duration'), ['2 hours and 15 minutes', '45 min']);
  assert.deepEqual(await scoped('SEV1 incident, P2 follow-up, Sev-3', 'keyword.other.severity'), ['SEV1', 'P2', 'Sev-3']);
  assert.deepEqual(await scoped('| 2019-11-29 12:00 | Event |', 'constant.numeric.date'), ['2019-11-29']);
  assert.deepEqual(await scoped('At 3:15 PM Eastern time, support', 'support.constant.timezone'), ['Eastern time']);
  assert.deepEqual(await scoped('version 1.18 of nginx, 100% of users', 'constant.numeric.time'), []);
});

test('real corpus lines get their times scoped', { skip: CORPUS_SKIP }, async () => {
  const cases: Array<[string, number, string[]]> = [
    ['057.md', 11, ['22:00']],
    ['052.md', 11, ['4: 45 am']],
    ['006.md', 0, []],
  ];
  for (const [file, lineIndex, expected] of cases) {
    const line = readCorpus(file).split(/\r\n|\r|\n/)[lineIndex];
    if (expected.length) assert.deepEqual(await scoped(line, 'constant.numeric.time'), expected, `${file}:${lineIndex + 1}: ${line}`);
  }
  let timed = 0;
  for (const file of ['021.md', '040.md', '043.md', '054.md', '060.md']) {
    for (const line of readCorpus(file).split(/\r\n|\r|\n/)) if ((await scoped(line, 'constant.numeric.time')).length) timed++;
  }
  assert.ok(timed >= 40, `only ${timed} corpus lines with a scoped time`);
});
