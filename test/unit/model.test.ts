import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clockOf, codesOf, joinLines, readFixture } from '../helpers';
import { analysisResult } from '../../server/src/features/analysis';
import { localClock } from '../../server/src/core/time/format';

function sectionIds(text: string): string[] {
  return analyze(text).sections.map((section) => section.id as string);
}

test('complete classic postmortem: sections, entries, window, no diagnostics', () => {
  const text = readFixture('classic-complete.md');
  const model = analyze(text);
  assert.deepEqual(sectionIds(text), ['summary', 'timeline', 'root-cause-and-resolution', 'corrective-and-preventive-measures']);
  assert.equal(model.timeline.length, 7);
  assert.ok(model.timeline.every((entry) => entry.zoneSource === 'entry' && entry.dateSource === 'summary'));
  assert.equal(model.incident.durationMinutes, 135);
  assert.equal(model.incident.durationSource, 'summary');
  assert.equal(model.incident.statedDurationMinutes, 135);
  const result = analysisResult(model);
  assert.equal(result.incident.start, '2024-04-10T10:00:00Z');
  assert.equal(result.incident.end, '2024-04-10T12:15:00Z');
  assert.equal(result.timeline[1].time, '2024-04-10T10:07:00Z');
  assert.equal(result.timeline[1].offsetMinutes, 7);
  assert.deepEqual(codesOf(text), []);
});

test('bold pseudo-headings, zone from "Timeline (GMT+ 1)", rollover past midnight', () => {
  const text = readFixture('bold-midnight.md');
  const model = analyze(text);
  assert.deepEqual(sectionIds(text), ['summary', 'timeline', 'root-cause-and-resolution', 'corrective-and-preventive-measures']);
  assert.deepEqual(model.timeline.map((entry) => entry.zoneSource), ['timeline-heading', 'timeline-heading', 'timeline-heading', 'timeline-heading', 'timeline-heading']);
  assert.deepEqual(model.timeline.map((entry) => entry.rolledOver), [false, false, true, false, false]);
  assert.equal(model.timeline[2].dateSource, 'rollover');
  assert.deepEqual(model.timeline[2].date, { year: 2024, month: 5, day: 11 });
  const result = analysisResult(model);
  assert.equal(result.timeline[0].time, '2024-05-10T22:30:00Z');
  assert.equal(result.timeline[2].time, '2024-05-10T23:10:00Z');
  assert.equal(model.incident.durationMinutes, 135);
  assert.deepEqual(codesOf(text), []);
});

test('plain colon labels in indented blocks, CRLF: facts from Start/End/Duration lines', () => {
  const text = readFixture('plain-indented-crlf.md');
  const model = analyze(text);
  assert.deepEqual(sectionIds(text), ['summary', 'timeline', 'root-cause-and-resolution', 'corrective-and-preventive-measures']);
  assert.equal(model.timeline.length, 4);
  assert.equal(model.timeline[0].lastLine, model.timeline[0].line + 1, 'an entry takes its description lines');
  assert.equal(model.incident.durationMinutes, 165);
  assert.equal(model.incident.statedDurationMinutes, 165);
  assert.deepEqual([...model.summary!.fields].sort(), ['duration', 'end', 'impact', 'root-cause', 'start']);
  assert.deepEqual(codesOf(text), []);
});

test('word-processor text: each • line of one paragraph is an entry, each label line a fact', () => {
  const text = readFixture('word-processor.md');
  const model = analyze(text);
  assert.equal(model.isPostmortem, true);
  assert.equal(model.timeline.length, 5);
  assert.deepEqual(model.timeline.map((entry) => clockOf(entry.stamp?.time)), ['09:00', '09:05', '09:12', '09:30', '09:45']);
  assert.ok(model.timeline.every((entry) => entry.zone?.label === 'WAT' && entry.zoneSource === 'summary'));
  assert.equal(model.incident.durationMinutes, 45);
  assert.deepEqual(codesOf(text), []);
});

test('table timeline with the zone in the header row', () => {
  const text = readFixture('table-timeline.md');
  const model = analyze(text);
  assert.equal(model.timeline.length, 5);
  assert.ok(model.timeline.every((entry) => entry.kind === 'table-row' && entry.zone?.label === 'EAT'));
  assert.equal(model.incident.durationMinutes, 150);
  assert.deepEqual(codesOf(text), []);
});

test('the zone in a "Date (UTC)" header padded to a wide table\'s width (the Cosmos Hub incident reports)', () => {
  const pad = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd([16, 11, 280][i])).join(' | ')} |`;
  const text = joinLines('# v23.1.1 Coordinated Upgrade', '', '## Timeline', '', pad(['Date (UTC)', 'Actor', 'Event']), pad(['-'.repeat(16), '-'.repeat(11), '-'.repeat(280)]),
    pad(['2025-04-14 14:41', '-', 'Block committed; the chain halts.']), pad(['2025-04-14 18:33', '-', 'The chain starts moving again.']));
  const model = analyze(text);
  assert.deepEqual(model.timeline.map((entry) => [entry.zone?.label, entry.zoneSource]), [['UTC', 'timeline-note'], ['UTC', 'timeline-note']]);
  assert.ok(!codesOf(text).includes('timeline-missing-timezone'));
  // A header that names no time says nothing of one.
  assert.equal(analyze(text.replace('Date (UTC)', 'Step (UTC)')).timeline[0].zone, null);
  // "Datetime (UTC)", as rust-lang's infra team heads theirs.
  assert.equal(analyze(text.replace('Date (UTC)', 'Datetime (UTC)')).timeline[0].zone?.label, 'UTC');
});

test('entries written as headings, a date-only heading, the zone in a note line', () => {
  const text = readFixture('heading-entries.md');
  const model = analyze(text);
  assert.deepEqual(sectionIds(text), ['summary', 'timeline', 'root-cause', 'resolution', 'corrective-and-preventive-measures']);
  assert.equal(model.timeline.length, 3);
  assert.deepEqual(model.timeline.map((entry) => entry.dateSource), ['entry', 'previous-entry', 'date-line']);
  assert.deepEqual(model.timeline.map((entry) => entry.zoneSource), ['timeline-note', 'timeline-note', 'timeline-note']);
  const result = analysisResult(model);
  assert.equal(result.timeline[0].time, '2024-06-03T07:00:00Z');
  assert.equal(result.timeline[2].time, '2024-06-04T06:30:00Z');
  assert.equal(model.incident.durationMinutes, 23 * 60 + 30);
  assert.equal(model.timeline[0].lastLine, model.timeline[1].line - 2, 'a heading entry holds the paragraph below it');
  assert.deepEqual(codesOf(text), []);
});

test('sections as list items, "Preventive", separate Root Cause and Resolution and Recovery', () => {
  const text = readFixture('list-labels.md');
  assert.deepEqual(sectionIds(text), ['summary', 'timeline', 'root-cause', 'resolution', 'corrective-and-preventive-measures']);
  const model = analyze(text);
  assert.equal(model.timeline.length, 3);
  assert.equal(model.incident.durationMinutes, 40);
  assert.equal(model.incident.statedDurationMinutes, 40);
  assert.deepEqual(codesOf(text), []);
});

test('heading styles: setext, "###Timeline", HTML, numbered, emoji, ALL CAPS, trailing colon', () => {
  const text = joinLines(
    '<h1>Postmortem</h1>',
    '',
    'Issue Summary',
    '=============',
    '',
    '###Timeline',
    '',
    '- 10:00 UTC start',
    '',
    '## 3. :memo: ROOT CAUSE AND RESOLUTION:',
    '',
    '<h2>Corrective/Preventative measures</h2>',
  );
  assert.deepEqual(sectionIds(text), ['summary', 'timeline', 'root-cause-and-resolution', 'corrective-and-preventive-measures']);
});

test('a combined "Root Cause and Resolution" and its two halves both satisfy the profile', () => {
  const combined = analyze(joinLines('# Postmortem', '## Root Cause and Resolution', 'x'));
  const split = analyze(joinLines('# Postmortem', '## Root Cause', 'x', '## Resolution and Recovery', 'y'));
  const half = analyze(joinLines('# Postmortem', '## Root Cause', 'x'));
  const status = (model: ReturnType<typeof analyze>) => model.requirements.find((r) => r.spec.id === 'root-cause-and-resolution')!;
  assert.equal(status(combined).present, true);
  assert.equal(status(split).present, true);
  assert.equal(status(half).present, false);
  assert.deepEqual(status(half).missingParts, ['resolution']);
  // What was done to stop it, told as such, is the resolution (corpus 048); what prevents the next one is not.
  for (const title of ['MEASURES TAKEN TO ARREST THE ISSUE', 'Steps taken to resolve the outage', 'How we fixed it']) {
    assert.equal(status(analyze(joinLines('# Postmortem', '## Root Cause', 'x', `## ${title}`, 'y'))).present, true, title);
  }
  assert.deepEqual(status(analyze(joinLines('# Postmortem', '## Root Cause', 'x', '## Measures taken to prevent a recurrence', 'y'))).missingParts, ['resolution']);
});

test('summary prose: "lasted for 2 hours, starting at 14:00 UTC and ending at 16:00 UTC"', () => {
  const model = analyze(joinLines('# Postmortem', '## Issue Summary', 'The outage lasted for 2 hours, starting at 14:00 UTC and ending at 16:00 UTC.'));
  assert.equal(model.incident.durationMinutes, 120);
  assert.equal(model.incident.statedDurationMinutes, 120);
  assert.equal(localClock(model.incident.start!), '14:00 UTC');
});

test('summary prose: "from 11:00 AM to 2:00 PM GMT+1" and dates on both ends', () => {
  const short = analyze(joinLines('# Postmortem', '## Summary', 'Users could not pay from 11:00 AM to 2:00 PM GMT+1.'));
  assert.equal(short.incident.durationMinutes, 180);
  assert.equal(localClock(short.incident.start!), '11:00 GMT+1');
  const long = analyze(joinLines('# Postmortem', '## Summary', 'The outage ran from April 10th, 2024 (10:00 AM UTC) to April 11th, 2024 (2:00 AM UTC).'));
  assert.equal(long.incident.durationMinutes, 16 * 60);
  assert.equal(analysisResult(long).incident.end, '2024-04-11T02:00:00Z');
});

test('without summary times the window comes from the first and last timed entries', () => {
  const model = analyze(joinLines('# Postmortem', '## Timeline', '- 09:00 UTC a', '- 09:40 UTC b', '- 10:05 UTC c'));
  assert.equal(model.incident.durationSource, 'timeline');
  assert.equal(model.incident.durationMinutes, 65);
});

test('entry prefixes: bold, italic, code, brackets, "At", emoji, a date first', () => {
  const model = analyze(joinLines(
    '# Postmortem', '## Timeline',
    '- **14:00 UTC:** bold', '- _14:05 UTC_ – italic', '- `14:10 UTC` code', '- [ 2: 15 pm UTC ] - brackets',
    '- At 14:20 UTC, words', '- 🚨 14:25 UTC emoji', '- May 3, 2024, 14:30 UTC: dated', '<li><strong>2:35 PM UTC:</strong> html</li>',
  ));
  assert.deepEqual(model.timeline.map((entry) => clockOf(entry.stamp?.time)), ['14:00', '14:05', '14:10', '14:15', '14:20', '14:25', '14:30', '14:35']);
});

test('free-text times open entries: a written day and time, "Noon", "Midnight"; prose with a time inside does not', () => {
  const model = analyze(joinLines(
    '# Postmortem', '## Timeline (UTC)',
    '- Friday, 24 mar 2017 at 07:32 primary failed over', '- Noon: traffic peaked 3x', '- Midnight – caches flushed',
    '- About 2 hours later we rolled back', '- Paged 3 teams at 14:00 while it burned',
  ));
  assert.deepEqual(model.timeline.map((entry) => clockOf(entry.stamp?.time)), ['07:32', '12:00', '00:00']);
});

test('lines inside fenced code are never entries; front matter marks a postmortem', () => {
  const text = joinLines('---', 'type: postmortem', '---', '# Outage', '## Timeline', '```', '10:00 log line', '09:00 older log line', '```', '- 10:05 UTC real entry');
  const model = analyze(text);
  assert.equal(model.timeline.length, 1);
});

test('front matter `profile:` chooses the profile for that document', () => {
  const text = joinLines('---', 'type: postmortem', 'profile: google-sre', '---', '# Outage', '## Summary', 'x');
  assert.equal(analyze(text).profile.name, 'google-sre');
  assert.equal(analyze(text.replace('google-sre', 'no-such-profile')).profile.name, 'classic');
});
