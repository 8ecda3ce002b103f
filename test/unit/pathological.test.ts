// Documents no one writes on purpose: nesting thousands of levels deep, one 5 MB line, 100,000 timeline
// entries, a binary file, an empty one. The core must not throw, must answer in time that grows with the
// size (not its square: the time readers' regular expressions are tried against backtracking inputs),
// and must report what it could not parse once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsWith } from '../helpers';
import { checkDocument, counts } from '../fuzz/properties';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { analyzeDocument } from '../../server/src/core/analyze';
import { MAX_NESTING } from '../../server/src/core/markdown/nestingGuard';
import { findStamps, readStampAt } from '../../server/src/core/time/timestamp';
import { findZone } from '../../server/src/core/time/zones';
import { findDurations } from '../../server/src/core/time/duration';
import { plainText, skipLinePrefix, isStrongOnly } from '../../server/src/core/inline';

const settings = settingsWith();
const HEAD = '# Postmortem: queue outage\n\n## Issue Summary\n\nFrom 10:00 UTC to 11:00 UTC; users could not log in, due to a bad deploy.\n\n## Timeline\n\n- 10:00 UTC deploy; the login alert fires\n';
const TAIL = '\n\n- 11:00 UTC recovered\n\n## Root Cause and Resolution\n\nA bad deploy.\n\n## Corrective and Preventive Measures\n\n- [ ] Canary.\n';

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function codes(text: string): string[] {
  return computeDiagnostics(analyzeDocument(text, settings, null, true), settings).map((d) => String(d.code));
}

test('an empty file, blank lines only, a lone BOM, a lone CR: nothing throws, nothing is out of range', () => {
  for (const text of ['', '\n', '\r', '\r\n', '\ufeff', '   \n\t\n', '\u0000']) checkDocument(text, settings, { fixes: true });
});

test(`nesting deeper than ${MAX_NESTING} levels (10,000 block quotes, 10,000 list levels): one document-too-deep, the rest still works`, () => {
  for (const [name, deep] of [['block quotes', '>'.repeat(10_000)], ['spaced block quotes', '> '.repeat(10_000)], ['list levels', '- '.repeat(10_000)], ['ordered list levels', '1. '.repeat(10_000)], ['mixed', '> - 1) '.repeat(3_400)]]) {
    const text = `${HEAD}\n${deep}10:30 UTC nested\n${TAIL}`;
    const { value: model, ms } = timed(() => checkDocument(text, settings, { fixes: true }));
    const diagnostics = computeDiagnostics(model, settings);
    assert.deepEqual(diagnostics.map((d) => d.code), ['document-too-deep'], `${name}: ${diagnostics.map((d) => d.message).join('; ')}`);
    assert.match(String(diagnostics[0].message), /nested too deeply/);
    assert.deepEqual(model.sections.map((s) => s.id), ['summary', 'timeline', 'root-cause-and-resolution', 'corrective-and-preventive-measures'], name);
    assert.deepEqual(model.timeline.map((e) => e.timeText), ['10:00 UTC', '11:00 UTC'], name);
    assert.equal(model.incident.durationMinutes, 60, name);
    assert.ok(ms < 10_000, `${name}: ${Math.round(ms)} ms`);
  }
});

test('a thousand list levels by indentation are too deep too; nesting just under the limit parses as Markdown', () => {
  const indented = HEAD + Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- 10:${String(i % 60).padStart(2, '0')} UTC level ${i}`).join('\n') + TAIL;
  const { value, ms } = timed(() => codes(indented));
  assert.ok(value.includes('document-too-deep'), value.join());
  assert.ok(ms < 15_000, `${Math.round(ms)} ms`);
  const shallow = `${HEAD}\n${'> '.repeat(MAX_NESTING - 1)}note\n${TAIL}`;
  assert.deepEqual(codes(shallow), []);
});

test('one 5 MB line, in the timeline, in the summary, as the title, alone: in range, and in linear time', () => {
  const docs = (line: string): Array<[string, string]> => [
    ['timeline', `${HEAD}- 10:30 UTC ${line}${TAIL}`],
    ['summary', `# Postmortem\n\n## Issue Summary\n\n${line}\n\n## Timeline\n\n- 10:00 UTC a\n- 11:00 UTC b\n`],
    ['title', `# Postmortem ${line}\n\n## Timeline\n\n- 10:00 UTC a\n`],
    ['no line breaks', line],
  ];
  const quarter = docs('users could not log in at 10:00 '.repeat(40_000));
  docs('users could not log in at 10:00 '.repeat(160_000)).forEach(([name, text], i) => {
    const small = timed(() => checkDocument(quarter[i][1], settings)).ms;
    const big = timed(() => checkDocument(text, settings)).ms;
    console.log(`5 MB line (${name}): ${Math.round(big)} ms (1.25 MB: ${Math.round(small)} ms)`);
    assert.ok(big < small * 8 + 1000, `${name}: 4x the text took ${(big / small).toFixed(1)}x the time`);
  });
});

test('100,000 timeline entries: analysed in time proportional to their number', () => {
  const entries = (n: number) => HEAD + Array.from({ length: n }, (_, i) => `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} UTC entry ${i}`).join('\n') + TAIL;
  const small = timed(() => analyzeDocument(entries(25_000), settings, null, true));
  const big = timed(() => analyzeDocument(entries(100_000), settings, null, true));
  assert.equal(big.value.timeline.length, 100_002);
  const diagnostics = timed(() => computeDiagnostics(big.value, settings));
  assert.deepEqual(diagnostics.value.map((d) => d.code), []);
  console.log(`100,000 entries: ${Math.round(big.ms)} ms (25,000: ${Math.round(small.ms)} ms), diagnostics ${Math.round(diagnostics.ms)} ms`);
  assert.ok(big.ms < small.ms * 8 + 2000, `4x the entries took ${(big.ms / small.ms).toFixed(1)}x the time`);
});

test('a binary file opened as Markdown: no throw, every range in the document', () => {
  let state = 12345;
  const bytes = Buffer.alloc(300_000);
  for (let i = 0; i < bytes.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  for (const encoding of ['utf8', 'latin1', 'utf16le'] as const) {
    const { ms } = timed(() => checkDocument(bytes.toString(encoding), settings, { fixes: true }));
    assert.ok(ms < 20_000, `${encoding}: ${Math.round(ms)} ms`);
  }
});

/** The time of the fastest of three runs. */
function fastest(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) best = Math.min(best, timed(run).ms);
  return best;
}

/**
 * Times `small` and `big` and says whether `big` grew more than linearly (`tooSlow`). On a loaded machine
 * one pause can make a linear reader look quadratic, so a suspect is timed again: it only fails when it
 * is too slow on every one of three tries (a quadratic one always is).
 */
function superlinear(small: () => void, big: () => void, tooSlow: (small: number, big: number) => boolean): [number, number] | null {
  let times: [number, number] = [0, 0];
  for (let attempt = 0; attempt < 3; attempt++) {
    times = [fastest(small), fastest(big)];
    if (!tooSlow(...times)) return null;
  }
  return times;
}

test('the time readers and inline clean-up are linear on backtracking (ReDoS) inputs', () => {
  const readers: Array<[string, (text: string) => unknown]> = [
    ['findStamps', (t) => findStamps(t)],
    ['findDurations', (t) => findDurations(t)],
    ['findZone', (t) => findZone(t)],
    ['plainText', (t) => plainText(t)],
    ['skipLinePrefix', (t) => skipLinePrefix(t)],
    ['isStrongOnly', (t) => isStrongOnly(t)],
    ['readStampAt', (t) => { for (let i = 0; i < t.length; i += 97) readStampAt(t, i); }],
  ];
  const attacks = ['1', '1:', '1 ', '11', '1.', '1:1', '12:00 ', '1 h ', '1.5 hours and ', 'UTC+', 'GMT ', '+0', ' ', '\t', 'a', 'users ', 'May 1 ', 'Mon ', '1st ', '**', '__', '*', '[', '[](', '<a', '&#', ':a', '(', '- ', '> ', '😀', '\u00a0', 'at ', 'approx. ', '1/1/', '2024-01-', '{%', '{:', '![', '^[', '[x](', '</', '&amp'];
  const failures: string[] = [];
  let tried = 0;
  for (const attack of attacks) {
    const small = attack.repeat(Math.ceil(40_000 / attack.length));
    const big = attack.repeat(Math.ceil(160_000 / attack.length));
    for (const [name, read] of readers) {
      tried += 2;
      // Linear: 4x the text in about 4x the time; quadratic would be 16x. Tiny times are noise.
      const slow = superlinear(() => read(small), () => read(big), (a, b) => b > 40 && b > a * 10);
      if (slow) failures.push(`${name}(${JSON.stringify(attack)} x ${big.length}): ${slow[0].toFixed(1)} ms -> ${slow[1].toFixed(1)} ms`);
    }
  }
  counts.inputs += tried;
  assert.deepEqual(failures, []);
});

test('whole documents built from backtracking inputs are analysed in linear time', () => {
  const failures: string[] = [];
  for (const attack of ['users ', '1:', '12:00 UTC - ', '- ', '| ', '**a** ', 'Duration: ', 'from 10:00 to ', '\\', '`']) {
    const doc = (n: number) => `# Postmortem\n\n## Issue Summary\n\n${attack.repeat(n)}\n\n## Timeline\n\n- 10:00 UTC ${attack.repeat(n)}\n`;
    // Sizes large enough that JIT warm-up and GC do not dominate the smaller one; quadratic is 16x.
    const slow = superlinear(() => codes(doc(Math.ceil(40_000 / attack.length))), () => codes(doc(Math.ceil(160_000 / attack.length))), (small, big) => big > 100 && big > small * 10);
    if (slow) failures.push(`${JSON.stringify(attack)}: ${slow[0].toFixed(0)} ms -> ${slow[1].toFixed(0)} ms`);
  }
  assert.deepEqual(failures, []);
});
