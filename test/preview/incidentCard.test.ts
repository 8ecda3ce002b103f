// The incident card and the drawn timeline: every number with where it was read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, joinLines, readFixture, settingsWith } from '../helpers';
import { incidentCard, previewTimeline, previewTimelineMarks } from '../../server/src/features/incidentCard';
import { renderResult } from '../../server/src/features/preview';
import { renderCard } from '../../client/src/preview/incidentView';

const card = (text: string, raw: Record<string, unknown> = {}) => incidentCard(analyze(text, raw), settingsWith(raw));

test('classic fixture: start and end with zone and source line, durations agree, impact and root cause from the summary', () => {
  const c = card(readFixture('classic-complete.md'));
  assert.equal(c.title, 'Postmortem: Login outage on April 10th, 2024');
  assert.deepEqual(c.start, { iso: '2024-04-10T10:00:00Z', clock: '10:00 UTC', zone: 'UTC', source: { from: 'summary', line: 4, text: '10:00 AM UTC' } });
  assert.equal(c.end?.iso, '2024-04-10T12:15:00Z');
  assert.deepEqual(c.computed, { minutes: 135, text: '2h 15m', source: 'summary' });
  assert.deepEqual(c.stated, { minutes: 135, text: '2 hours and 15 minutes', bound: 'exact', approximate: false, source: { from: 'summary', line: 4, text: '2 hours and 15 minutes' } });
  assert.equal(c.mismatch, false);
  assert.deepEqual(c.impact, { from: 'summary', line: 5, text: '35% of users could not log in; the mobile app showed a spinner.' });
  assert.deepEqual(c.rootCause, { from: 'summary', line: 6, text: "An expired TLS certificate on the identity provider's internal endpoint." });
  assert.deepEqual([c.timeToDetect?.durationText, c.timeToDetect?.to.line, c.timeToMitigate, c.timeToResolve?.durationText], ['7m', 11, null, '2h 15m']);
  assert.deepEqual([c.timeToDetect?.from.source, c.timeToDetect?.to.source, c.timeToDetect?.to.text], ['summary', 'words', 'Alert']);
});

test('a stated duration that disagrees is a mismatch (the duration-mismatch rule, with its tolerance)', () => {
  const c = card(readFixture('problems.md'));
  assert.equal(c.stated?.minutes, 120);
  assert.equal(c.computed?.minutes, 60);
  assert.equal(c.mismatch, true);
  assert.equal(card(readFixture('problems.md'), { durationTolerance: 90 }).mismatch, false);
  // Root cause from its own section when the summary has none.
  assert.equal(c.rootCause?.from, 'section');
  assert.equal(c.rootCause?.text, 'A bad config.');
});

test('a label alone on its line takes the line below; a timeline-only window names its entries', () => {
  const c = card(joinLines(
    '# Incident report: cache stampede', '', '## Summary', '', 'Impact:', '', 'Checkout was slow for everyone.', '', '## Timeline', '',
    '- 09:00 UTC: Cache flushed.', '- 09:40 UTC: Mitigated by warming the cache.', '',
  ));
  assert.deepEqual(c.impact, { from: 'summary', line: 6, text: 'Checkout was slow for everyone.' });
  assert.deepEqual(c.start?.source, { from: 'timeline', line: 10, text: '09:00 UTC' });
  assert.deepEqual(c.end?.source, { from: 'timeline', line: 11, text: '09:40 UTC' });
  assert.deepEqual(c.computed, { minutes: 40, text: '40m', source: 'timeline' });
  assert.equal(c.timeToMitigate?.durationText, '40m');
});

test('the drawn timeline: minutes from the first entry, local clock and day across midnight', () => {
  const timeline = previewTimeline(analyze(readFixture('bold-midnight.md')));
  assert.deepEqual(timeline.map((e) => [e.minutes, e.clock, e.day]), [[0, '23:30', 0], [20, '23:50', 0], [40, '00:10', 1], [70, '00:40', 1], [135, '01:45', 1]]);
  assert.equal(timeline[0].milestone, 'detected');
});

test('the drawn timeline flags entries out of order and keeps unreadable ones without a place', () => {
  const timeline = previewTimeline(analyze(readFixture('problems.md')));
  assert.deepEqual(timeline.map((e) => e.outOfOrder), [false, false, true, false, false]);
  assert.equal(timeline[3].minutes, null);
  assert.equal(timeline[3].clock, null);
});

test('postmortem/render puts it together: html, card, timeline and analysis', () => {
  const result = renderResult(analyze(readFixture('classic-complete.md')), settingsWith(), 'file:///x.md', 3);
  assert.equal(result.version, 3);
  assert.equal(result.isPostmortem, true);
  assert.match(result.html, /<h2 data-line="2">Issue Summary<\/h2>/);
  assert.equal(result.timeline.length, 7);
  assert.equal(result.analysis.incident.durationText, '2h 15m');
});

test('timeline marks: the local midnight between entries, and long quiet stretches', () => {
  const timeline = previewTimeline(analyze(readFixture('bold-midnight.md')));
  assert.deepEqual(previewTimelineMarks(timeline), { spanMinutes: 135, spanText: '2h 15m', midnights: [{ minutes: 30, day: 1 }], gaps: [{ fromMinutes: 70, toMinutes: 135, text: '1h 5m' }] });
  const quiet = previewTimeline(analyze(joinLines('# Postmortem: x', '', '## Timeline', '', '- 10:00 UTC: a', '- 10:10 UTC: b', '- 13:10 UTC: c', '- 13:20 UTC: d', '')));
  assert.deepEqual(previewTimelineMarks(quiet)?.gaps, [{ fromMinutes: 10, toMinutes: 190, text: '3h' }]);
  assert.deepEqual(quiet.map((e) => e.offsetText), ['+0m', '+10m', '+3h 10m', '+3h 20m']);
  assert.equal(previewTimelineMarks(quiet.slice(0, 1)), null);
});

test('an approximate stated duration shows as approximate, with its widened tolerance', () => {
  const text = ['# Postmortem', '## Issue Summary', '- **Impact:** the API was down for ~2hrs; root cause: a bad deploy', '- Start: 10:00 UTC', '- End: 12:30 UTC'].join('\n');
  const settings = settingsWith();
  const c = incidentCard(analyze(text), settings);
  assert.equal(c.stated?.approximate, true);
  assert.equal(c.mismatch, false);
  assert.equal(c.toleranceMinutes, 30);
});

test('a time to detect whose sign came before the stated start: 0m on the card, and how early', () => {
  const text = joinLines('# Payment gateway outage', '', '## Summary', '', '- Duration: from 1:15 PM to 2:45 PM UTC on June 8, 2024', '',
    '## Timeline', '', '- 1:13 PM: Monitoring alert triggers on failed payments', '- 2:40 PM: The service is restored', '');
  const html = renderCard(renderResult(analyze(text), settingsWith(), 'file:///pm.md', 1));
  assert.match(html, /Time to detect<\/span><span class="pm-metric-value">0m<\/span><span class="pm-metric-early">2m before the start<\/span>/);
  assert.match(html, /title="detected 2m before the start: started \(from the summary, &quot;1:15 PM&quot;\)/);
  // Its milestone chip is 2m before the start, not "+-2m".
  assert.match(html, /Detected -2m<\/button>/);
});

test('a detection told in a sentence: the card\'s time to detect says so and reveals its line', () => {
  const text = joinLines(
    '# Postmortem: API outage', '', '## Issue Summary', '', 'Duration: 12:00 - 12:48 UTC on May 14, 2023.', 'Impact: every request failed.', '',
    '## Detection', '', 'The issue was first noticed at 12:10 on an alert from the monitoring agent.', '',
  );
  const c = card(text);
  assert.deepEqual([c.timeToDetect?.durationText, c.timeToDetect?.to.source, c.timeToDetect?.to.line, c.timeToDetect?.to.text], ['10m', 'prose', 9, 'noticed']);
  const html = renderCard(renderResult(analyze(text), settingsWith(), 'file:///pm.md', 1));
  assert.match(html, /data-line="9"[^>]*title="started \(from the summary, &quot;12:00&quot;\) → detected \(from a sentence, &quot;noticed&quot;\)">started → detected, from a sentence, line 10</);
});
