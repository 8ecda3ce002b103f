// Chunked and incremental parsing must read every line exactly as one parse of the whole document
// does. Thousands of random edits, on generated postmortems, on tricky Markdown (fences, HTML blocks,
// loose lists, tables, setext headings, lazy continuation, front matter) and on the real corpus.
// PM_FUZZ_RUNS=2000 runs a longer search (each run is a sequence of edits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { analyzeLines, ChunkCache, type MarkdownLines } from '../../server/src/core/markdown';
import { referenceLines } from './referenceLines';
import { analyzeDocument } from '../../server/src/core/analyze';
import { AnalysisCache } from '../../server/src/core/incremental';
import { LineIndex } from '../../server/src/core/text';
import { generatePostmortem } from '../../bench/generate';
import { CORPUS, corpusAvailable, joinLines, readCorpus, settingsWith } from '../helpers';

const RUNS = Number(process.env.PM_FUZZ_RUNS ?? 350);

const TRICKY = joinLines(
  '---', 'title: Incident report', 'type: postmortem', '', 'notes: a blank line inside', '---', '',
  '# Postmortem: queue outage', '', 'Setext title', '============', '', 'Lazy paragraph', 'continued here',
  '', '## Timeline', '', '- 14:00 UTC first', '', '- 14:05 UTC loose list item', '', '  indented continuation',
  '', '1. 14:10 UTC ordered', '2. 14:12 UTC tight', '', '3. 14:15 UTC after a blank', '', '```', 'code with a blank', '',
  '14:20 UTC not an entry', '```', '', '~~~js', '', '~~~', '', '<!--', '', 'a comment over blank lines', '', '-->', '',
  '<div>', 'html block', '</div>', '', '| Time | Event |', '| --- | --- |', '| 14:30 | table row |', '', '> 14:40 quoted',
  '> > nested', '', '    14:50 indented code', '', '- item', '  ```', '  fenced in a list', '', '  ```', '', '[^1]: footnote',
  '', '    footnote continuation', '', '[ref]: https://example.com', '', '***', '', 'Text', '---', '', '<pre>', '', '</pre>', '',
  '## Root Cause and Resolution', '', 'Words.', '',
  // Bullets right after other blocks, where a chunk may be cut with no blank line before it.
  '- 15:00 UTC tight item', '- 15:01 UTC next', 'lazy line', '- 15:02 UTC after it', '```', '- in a fence', '```', '- after the fence',
  '<div>', '- in an html block', '</div>', '- after the html', '| Time | Event |', '| --- | --- |', '| 15:05 | row |',
  '- a row or an item', 'a | b', '- | -', '> quoted', '- after a quote', 'paragraph', '- interrupts it', '* * *', '- - -',
  '1. ordered', '- bullet after it', '- item', '  ```', '  fenced in the item', '- closes the item', '<!--', '- in a comment', '-->',
  '- last', '',
  // Ordered items right after other lines: an item of the list above, or the paragraph's next line.
  '1. 16:00 UTC ordered', '2. 16:01 UTC tight', 'lazy line', '3. 16:02 UTC after it', 'plain paragraph', '4. continues it',
  '1) paren', '2) paren two', '3. other delimiter', '- bullet', '2. after a bullet', '> 1. quoted', '2. after the quote',
  '1. item', '   1. nested', '2. back out', '10. ten', '```', '11. in a fence', '```', '12. after the fence', '',
  // After indented code micromark reads the next block differently from the same block alone.
  '    indented code', '', '2. no list here', '', '\tcode', '', '- 0. no nested list here', '    code', '- 2. tight after code',
);

const FRAGMENTS = [
  '\n', '\n\n', '\n\n\n', '```', '```\n', '~~~\n', '<!--', '-->', '<div>\n', '</div>', '<pre>', '</pre>\n', '<script>', '- ', '* ',
  '1. ', '2) ', '> ', '    ', '  ', '\t', '|', '| a | b |\n| --- | --- |\n', '---', '---\n', '===\n', '# ', '### ', '**', '`', '\r\n', '\r',
  '[^1]: ', '[a]: /b\n', '14:00 UTC ', '- 09:30 PM: ', 'words and words', '\\', '<', '&amp;', '- [ ] ', ' \n', '$$\n', '+++\n',
  '\n- ', '\n* x ', '\n+ y', '- | -\n', '\n- - -\n', '\n-\n', '\n3. ', '\n2) x', '\n1. y\n2. z',
];

function documents(): Array<[string, string]> {
  const docs: Array<[string, string]> = [
    ['tricky', TRICKY],
    // TOML front matter ("+++") with a blank line and a table inside: a chunk is never cut in it.
    ['tricky-toml', TRICKY.replace(/^---\ntitle: Incident report\ntype: postmortem\n\nnotes: a blank line inside\n---/, '+++\ntitle = "Incident report"\n\n[extra]\n- not = "a list item"\n+++')],
    ['generated-40', generatePostmortem(40, 3).text],
    ['generated-120', generatePostmortem(120, 5).text],
  ];
  if (corpusAvailable) {
    for (const file of readdirSync(CORPUS).filter((name) => name.endsWith('.md')).sort()) docs.push([file, readCorpus(file)]);
  }
  return docs;
}

function comparable(lines: MarkdownLines) {
  return { info: lines.info, listItems: lines.listItems, frontMatter: lines.frontMatter, parseError: lines.parseError };
}

function firstDifference(actual: MarkdownLines, expected: MarkdownLines): string {
  const line = actual.info.findIndex((info, i) => JSON.stringify(info) !== JSON.stringify(expected.info[i]));
  return line < 0
    ? `list items ${JSON.stringify(actual.listItems)} vs ${JSON.stringify(expected.listItems)}`
    : `line ${line} ${JSON.stringify(expected.index.lines[line]?.text)}: ${JSON.stringify(actual.info[line])} vs ${JSON.stringify(expected.info[line])}`;
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 4 }).map((parts) => parts.join('')),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

test('chunked parsing reads every line as one whole parse does (generated, tricky and corpus documents)', () => {
  for (const [name, text] of documents()) {
    const whole = referenceLines(text);
    assert.deepEqual(comparable(referenceLines(text, undefined, true)), comparable(whole), `${name}: block structure alone reads as a full parse`);
    // As the server cuts, and cut at every boundary the chunker considers safe (the strictest check).
    for (const everyBoundary of [false, true]) {
      const chunked = analyzeLines(text, new LineIndex(text), undefined, everyBoundary);
      assert.deepEqual(comparable(chunked), comparable(whole), `${name}${everyBoundary ? ' (every boundary)' : ''}: ${firstDifference(chunked, whole)}`);
    }
  }
});

test('incremental re-analysis equals a fresh whole parse over thousands of random edits', () => {
  const docs = documents();
  let edits = 0;
  fc.assert(
    fc.property(fc.nat({ max: docs.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 20 }), fc.boolean(), (doc, steps, everyBoundary) => {
      const cache = new ChunkCache();
      let text = docs[doc][1];
      analyzeLines(text, new LineIndex(text), cache, everyBoundary);
      for (const step of steps) {
        text = apply(text, step);
        const incremental = analyzeLines(text, new LineIndex(text), cache, everyBoundary);
        // Against one parse made as the chunks are (block structure only): what chunking changes, and
        // only that. (Documents as written are checked against a full parse above.)
        const whole = referenceLines(text, undefined, true);
        edits++;
        if (JSON.stringify(comparable(incremental)) !== JSON.stringify(comparable(whole))) {
          assert.fail(`${docs[doc][0]} after ${JSON.stringify(step)}: ${firstDifference(incremental, whole)}`);
        }
      }
    }),
    { numRuns: RUNS, seed: Number(process.env.PM_FUZZ_SEED ?? 20240410) },
  );
  assert.ok(edits >= RUNS * 5, `${edits} edits`);
  console.log(`# ${edits} random edits checked`);
});

test('the incremental model equals a fresh full analysis after edits inside a long timeline', () => {
  const settings = settingsWith();
  const cache = new AnalysisCache();
  let text = generatePostmortem(300, 11).text;
  const first = analyzeDocument(text, settings, 'big-postmortem.md', false, cache);
  assert.ok(first.timeline.length >= 295, `${first.timeline.length} entries`);
  // A one-line edit in the timeline parses one chunk again, and reuses all the others.
  const middle = text.indexOf('\n- ', text.length >> 1) + 1;
  text = `${text.slice(0, middle)}- 12:00 UTC${text.slice(middle + 1)}`;
  const before = { hits: cache.chunks.hits, misses: cache.chunks.misses };
  analyzeDocument(text, settings, 'big-postmortem.md', false, cache);
  assert.equal(cache.chunks.misses - before.misses, 1, 'one chunk parsed again');
  assert.equal(cache.chunks.hits - before.hits, cache.chunks.size - 1, 'every other chunk reused');
  assert.ok(cache.chunks.size > 5, `${cache.chunks.size} chunks`);
  // The readings of unchanged lines are the ones the last analysis made (kept in their chunks), not read again.
  const second = analyzeDocument(`${text} `, settings, 'big-postmortem.md', false, cache);
  const reused = second.timeline.filter((entry, i) => entry.stamp !== null && entry.stamp === first.timeline[i]?.stamp && entry.line === first.timeline[i].line);
  assert.ok(reused.length > first.timeline.length / 2, `${reused.length} of ${first.timeline.length} readings reused`);
  fc.assert(
    fc.property(fc.double({ min: 0.1, max: 0.9, noNaN: true }), fc.constantFrom('- 23:59 UTC late entry\n', 'x', '\n\n', '```\n', '| 1:00 | row |\n'), (at, insert) => {
      const offset = text.indexOf('\n', Math.floor(at * text.length)) + 1;
      text = text.slice(0, offset) + insert + text.slice(offset);
      const incremental = analyzeDocument(text, settings, 'big-postmortem.md', false, cache);
      const fresh = analyzeDocument(text, settings, 'big-postmortem.md', false);
      assert.deepEqual(incremental, fresh);
    }),
    { numRuns: 15, seed: 7 },
  );
});

test('a long tight list, bulleted or numbered, is cut into chunks: an edit in it parses one chunk again', () => {
  for (const marker of [(_i: number) => '- ', (i: number) => `${i + 1}. `, (i: number) => `${i + 1}) `]) {
    const items = Array.from({ length: 2000 }, (_, i) => `${marker(i)}${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} UTC step ${i} of the rollout`);
    let text = joinLines('# Postmortem', '', '## Timeline', '', ...items, '', '## Root Cause', '', 'Words.');
    const cache = new ChunkCache();
    analyzeLines(text, new LineIndex(text), cache);
    assert.ok(cache.size > 40, `${marker(0)}: ${cache.size} chunks`);
    const at = text.indexOf('step 1000 ');
    text = `${text.slice(0, at)}step one thousand ${text.slice(at + 'step 1000 '.length)}`;
    const before = cache.misses;
    const lines = analyzeLines(text, new LineIndex(text), cache);
    assert.equal(cache.misses - before, 1, `${marker(0)}: one chunk parsed again`);
    assert.deepEqual(comparable(lines), comparable(referenceLines(text)));
  }
});

test("micromark's events give the spans remark's tree does: front matter, task items, containers, paragraphs read flat", () => {
  const cases = [
    '---\n\nA: 1\n  \n\n---\n# Title\n', '---\r\na: 1\r\n---\r\n', '---\n---\n', '---\n  a  \n---  \nx', '\ufeff---\na: 1\n---\n- x\n',
    '- [ ] a\n- [x]\n  b\n- [ ]\n_lazy_\n- [ ]  \n  c\n- [X] d\n\n  [e]: /f\n', '1. [ ] one\r\n2. [x]\r\n   two\r\n',
    '> - a\n>   - b\n>\n> c\n\n- > d\n  > e\n- f\n\n\n  g\n', '[^1]: note\n    - item\n\n    more\n', '- a\n\n\n',
    '* a\n*\n* b\n  ***\n', 'Title\n===\n\nSub\n---\n- x\n  y\n  ---\n',
    // Paragraphs, headings and cells are read flat (no inline parse) unless they open with "[".
    '> a\tb\r\n> c\rlazy\n> d\n', '[a]: /b\n[c]: /d "t"\ntext after\n[not a]: definition?\n', '[link](/x) then\nmore\n- [link](/y) item\n  next\n',
    '- a\n  b\n  ---\n\tc\n', '| a | b |\n| - | - |\n| [x] | *y* |\n', '# [h] heading\n\n  indented\n  para\n', '  \t a\n\t  b\n',
  ];
  for (const text of cases) {
    const lines = analyzeLines(text, new LineIndex(text), undefined, true);
    const tree = referenceLines(text, undefined, true);
    assert.deepEqual(comparable(lines), comparable(tree), `${JSON.stringify(text)}: ${firstDifference(lines, tree)}`);
  }
});

test('an unclosed fence makes the rest of the document one block, and closing it splits it again', () => {
  const cache = new ChunkCache();
  const base = generatePostmortem(200, 2).text;
  const at = base.indexOf('## Timeline');
  const opened = `${base.slice(0, at)}\`\`\`\n\n${base.slice(at)}`;
  const lines = analyzeLines(opened, new LineIndex(opened), cache);
  assert.deepEqual(comparable(lines), comparable(referenceLines(opened)));
  assert.ok(lines.info.slice(lines.index.lineAt(at), -1).every((info) => info.kind === 'fenced-code'));
  const closed = `${base.slice(0, at)}\`\`\`\n\`\`\`\n\n${base.slice(at)}`;
  assert.deepEqual(comparable(analyzeLines(closed, new LineIndex(closed), cache)), comparable(referenceLines(closed)));
});

test('a document that is not a postmortem is not parsed, and gets an empty model', () => {
  const text = joinLines('# Project readme', '', '## Timeline', '', '- 14:00 UTC release');
  const model = analyzeDocument(text, settingsWith(), 'README.md');
  assert.equal(model.isPostmortem, false);
  assert.deepEqual(model.sections, []);
  assert.deepEqual(model.timeline, []);
  assert.ok(model.lines.info.every((info) => info.kind === 'blank' || info.kind === 'paragraph'));
  const front = joinLines('---', 'type: postmortem', '---', '', '# Queue', '', '## Timeline', '', '- 14:00 UTC release');
  assert.equal(analyzeDocument(front, settingsWith(), 'notes.md').isPostmortem, true);
});
