// Property-based tests over generated and mutated postmortems (see test/fuzz/). CI runs about 10,000
// cases in about a minute and a half; `npm run fuzz` runs many more: PM_FUZZ_SCALE multiplies every
// count (default 1), PM_FUZZ_SEED sets the seed (default a fixed one, so CI is repeatable; "random" for a
// new search each run; a failure prints its seed and path so it can be replayed).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import type { Settings } from '../../server/src/core/config';
import { defaultSettings, readSettings } from '../../server/src/rules/settings';
import { findStamps, readStampAt } from '../../server/src/core/time/timestamp';
import { findZone, readZoneAt } from '../../server/src/core/time/zones';
import { findDurations } from '../../server/src/core/time/duration';
import { plainText, skipLinePrefix } from '../../server/src/core/inline';
import { LineIndex } from '../../server/src/core/text';
import { CORPUS, corpusAvailable, readCorpus, readFixture } from '../helpers';
import { layout, joinWith, mutate, mutation, oddText, smallDocument, smallPostmortem, splitLines, timeText, entryLine } from '../fuzz/arbitraries';
import { checkDocument, checkPosition, counts } from '../fuzz/properties';

const SCALE = Number(process.env.PM_FUZZ_SCALE ?? 1);
const SEED_SETTING = process.env.PM_FUZZ_SEED ?? '20240410';
const SEED = SEED_SETTING === 'random' ? undefined : Number(SEED_SETTING);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

function settingsOf(raw: Record<string, unknown>): Settings {
  const { settings, problems } = readSettings(raw, defaultSettings());
  assert.deepEqual(problems, []);
  return settings;
}

const SETTINGS: Settings[] = [
  defaultSettings(),
  settingsOf({ profile: 'google-sre' }),
  settingsOf({ profile: 'pagerduty', timeZone: 'UTC' }),
  settingsOf({ profile: 'custom', sections: ['Summary', 'Timeline', { title: 'Follow-up', aliases: ['Action Items'], required: false }] }),
  settingsOf({ timeZone: 'Europe/Berlin', durationTolerance: 0, dateOrder: 'day-first' }),
];
const settingsArb = fc.nat({ max: SETTINGS.length - 1 });

/** Runs a property with fc.check, counts its cases and failures, and fails the test with fast-check's report. */
function property<T>(name: string, arbitrary: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => void): void {
  let cases = 0;
  const details = fc.check(fc.property(arbitrary, (value) => {
    cases++;
    predicate(value);
  }), { numRuns, seed: SEED });
  counts.cases += details.numRuns;
  if (details.failed) counts.failures++;
  console.log(`fuzz ${name}: ${details.numRuns} cases${details.failed ? `, FAILED after ${details.numShrinks} shrinks` : ''} (${cases} calls with shrinking)`);
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    assert.fail(`${fc.defaultReportMessage(details) ?? `${name} failed`}\n${error}`);
  }
}

after(() => {
  console.log(`fuzz: ${counts.cases} cases, ${counts.inputs} inputs, ${counts.failures} failures`);
});

test('generated postmortems: nothing throws, ranges are valid, fixes keep the text, fix-all is idempotent, incremental = full', () => {
  property('generated', fc.tuple(smallDocument, settingsArb, fc.array(mutation, { maxLength: 2 })), runs(2000), ([text, s, mutations]) => {
    const mutated = mutations.reduce((lines, m) => mutate(lines, m), splitLines(text)).join('\n');
    checkDocument(text, SETTINGS[s], { fixes: true });
    checkDocument(mutated, SETTINGS[s], { previous: text });
  });
});

function baseDocuments(): Array<[string, string]> {
  const docs: Array<[string, string]> = ['problems.md', 'bold-midnight.md', 'classic-complete.md', 'plain-indented-crlf.md', 'table-timeline.md', 'heading-entries.md', 'list-labels.md', 'word-processor.md']
    .map((file) => [file, readFixture(file)]);
  if (corpusAvailable) {
    for (const file of readdirSync(CORPUS).filter((name) => name.endsWith('.md')).sort()) docs.push([file, readCorpus(file)]);
  } else {
    console.log(`fuzz: corpus not found at ${CORPUS}: mutating the fixtures only`);
  }
  return docs;
}

test('mutated real documents: lines deleted, duplicated, swapped; Unicode and emoji; CR, CRLF, mixed endings; BOM', () => {
  const docs = baseDocuments();
  property('mutated', fc.tuple(fc.nat({ max: docs.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 5 }), layout, settingsArb), runs(250), ([d, mutations, { eol, bom, seed }, s]) => {
    const [, original] = docs[d];
    const lines = mutations.reduce((current, m) => mutate(current, m), splitLines(original));
    const text = joinWith(lines, eol, bom, seed);
    checkDocument(text, SETTINGS[s], { fixes: true, previous: original });
  });
});

test('the time readers: never throw, and every match lies inside the text', () => {
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.tuple(oddText, timeText, oddText).map((parts) => parts.join('')),
    fc.tuple(timeText, fc.constantFrom(' to ', ' - ', ', lasted ', ' for 2h 15m ', ' and '), timeText).map((parts) => parts.join('')),
    fc.array(fc.constantFrom('1', '2', ':', '.', ' ', 'h', 'a', 'p', 'm', 'UTC', 'GMT', '+', '-', '−', 'hrs', 'May', '/', ',', '0'), { maxLength: 30 }).map((parts) => parts.join('')),
  );
  property('time readers', text, runs(5500), (value) => {
    const within = (start: number, end: number, what: string) => assert.ok(start >= 0 && start <= end && end <= value.length, `${what} ${start}-${end} in ${value.length}`);
    for (const stamp of findStamps(value)) within(stamp.start, stamp.end, 'stamp');
    for (const duration of findDurations(value)) {
      within(duration.start, duration.end, 'duration');
      assert.ok(Number.isFinite(duration.minutes), 'finite duration');
    }
    const zone = findZone(value);
    if (zone) within(zone.start, zone.end, 'zone');
    for (let at = 0; at < Math.min(value.length, 8); at++) {
      const stamp = readStampAt(value, at);
      if (stamp) within(stamp.start, stamp.end, 'readStampAt');
      const z = readZoneAt(value, at);
      if (z) within(at, z.end, 'readZoneAt');
    }
    within(0, skipLinePrefix(value), 'skipLinePrefix');
    plainText(value);
  });
});

test('line index: positions never split a surrogate pair, and offsets round-trip on character boundaries', () => {
  property('line index', fc.tuple(fc.array(fc.oneof(oddText, entryLine, fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', '😀', '\ud83d')), { maxLength: 12 }), fc.nat({ max: 200 })), runs(2000), ([parts, at]) => {
    const text = parts.join('');
    const index = new LineIndex(text);
    const offset = Math.min(at, text.length);
    const position = index.positionAt(offset);
    checkPosition(index, position, 'positionAt');
    assert.ok(index.offsetAt(position) <= offset);
  });
});

test('generated documents as the only content, without a title: still analysed (forced), still safe', () => {
  property('untitled', fc.tuple(smallPostmortem.map((lines) => lines.slice(1)), settingsArb), runs(250), ([lines, s]) => {
    checkDocument(lines.join('\n'), SETTINGS[s], { fixes: true });
  });
});

// Action items and front matter: generated tables (cells missing or extra), task lists and bullets with
// owners, dates, tickets; front matter well-formed or not. The readers never throw, ranges stay valid,
// their fixes add text only and are idempotent (checkDocument's checkActionItems).
const cellArb = fc.oneof(fc.constantFrom('', 'alice', '@bob', 'TBD', 'n/a', '2026-06-01', 'June 1', 'OPS-12', '#7', 'done', '**DONE**', '~~x~~', 'a | b', '\\|'), oddText);
const rowArb = fc.array(cellArb, { maxLength: 7 }).map((cells) => `| ${cells.join(' | ')} |`);
const headerArb = fc.subarray(['Action Item', 'Type', 'Owner', 'Bug', 'Due', 'Status', 'Notes'], { minLength: 1 }).map((names) => `| ${names.join(' | ')} |\n|${names.map(() => ' --- ').join('|')}|`);
const itemArb = fc.tuple(fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- [x] ', '> - '), fc.array(fc.oneof(cellArb, fc.constantFrom('(owner: Carol)', '— Dave', '[Eve]', 'due 2026-01-02', 'by March 3', '(2025-12-31)', 'status: done', '(prevent)', 'https://x.y/1')), { maxLength: 5 }))
  .map(([marker, words]) => `${marker}${words.join(' ')}`);
const frontMatterArb = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom('SEV1', 'sev9', 'P2', '[x', ''), fc.constantFrom('draft', 'published', 'approved', 'nope', '{'), fc.constantFrom('2026-03-02', 'March', '')).map(([severity, status, date]) => `---\nseverity: ${severity}\nstatus: ${status}\ndate: ${date}\nauthors: [a, b\n---\n`),
  fc.tuple(fc.constantFrom('SEV2', 'minor'), fc.constantFrom('in-review', 'published')).map(([severity, status]) => `---\ntitle: t\nseverity: ${severity}\nstatus: ${status}\nstarted: 2026-03-02T14:00Z\n---\n`),
);
test('generated action items and front matter: never throw, valid ranges, fixes keep the text and are idempotent', () => {
  const docArb = fc.tuple(frontMatterArb, fc.option(fc.tuple(headerArb, fc.array(rowArb, { maxLength: 5 }))), fc.array(itemArb, { maxLength: 6 }), settingsArb);
  property('action items', docArb, runs(600), ([frontMatter, table, items, s]) => {
    const tableText = table ? `${table[0]}\n${table[1].join('\n')}\n\n` : '';
    const text = `${frontMatter}# Outage postmortem\n\n## Timeline\n\n- 10:00 UTC start\n- 11:00 UTC end\n\n## Action Items\n\n${tableText}${items.join('\n')}\n`;
    checkDocument(text, SETTINGS[s], { fixes: true });
  });
});
