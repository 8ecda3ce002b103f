// Issue 16, the timeline: every line of the Timeline shaped like a date or a time becomes an entry or a
// timeline-unparsed-time diagnostic, never nothing. Invented documents in the styles the corpus shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { CORPUS, CORPUS_SKIP, analyze, clockOf, codesOf, diagnosticsOf, joinLines, readCorpus, settingsWith } from '../helpers';
import { incidentResult } from '../../server/src/features/analysis';
import { incidentCard } from '../../server/src/features/incidentCard';

const clocks = (text: string) => analyze(text).timeline.map((entry) => clockOf(entry.stamp?.time));

test('a short label before the time: "Escalation: 4:00 PM - …" is an entry, its label kept in its words', () => {
  const text = joinLines(
    '# Outage report',
    '## Timeline',
    '- **Mar 3, 2025 9:00 AM (GMT+02:00)** - Alerts fire for the billing queue.',
    '- **Work done:** the team restarted the consumers.',
    '- **Handed over:** **Mar 3, 2025 11:30 AM (GMT+02:00)** - Payments team takes the incident.',
    '- Mar 3, 2025 1:00 PM (GMT+02:00) - Queue drained.',
  );
  const model = analyze(text);
  assert.deepEqual(model.timeline.map((entry) => clockOf(entry.stamp?.time)), ['09:00', '11:30', '13:00']);
  assert.match(model.timeline[1].text, /^Handed over: Payments team/);
});

test('entries fused to their list numbers: "1.March 3, 09:00 PM:" and "2.10:15:"', () => {
  const text = joinLines(
    '# Incident report',
    'Timeline:',
    '',
    '1.March 3, 09:00: Packet loss seen on the core switch.',
    '2.March 3, 09:40: Switch port shut.',
    '3.10:15: Traffic normal again.',
  );
  assert.deepEqual(clocks(text), ['09:00', '09:40', '10:15']);
});

test('four-digit times with no colon or zone at a line start ("0830 - …"), and "0830–1045 CET" in the summary', () => {
  const text = joinLines(
    '# Postmortem',
    '### Summary',
    'The shop returned errors during 0830–1045 CET on Oct. 4, 2022. All users were affected because of a bad deploy.',
    '### Timeline',
    '0830 - First report from a customer.',
    '',
    '![graph](https://example.com/graph.png)',
    '',
    '0915 - Bad deploy found.',
    '1045 - Rolled back; errors stop.',
  );
  const model = analyze(text);
  assert.deepEqual(model.timeline.map((entry) => clockOf(entry.stamp?.time)), ['08:30', '09:15', '10:45']);
  assert.equal(model.incident.durationMinutes, 135);
  assert.equal(model.incident.start?.source, 'summary');
  // A year is no time: "2019 release" does not open like "0830 - …".
  assert.deepEqual(clocks(joinLines('# Postmortem', '## Timeline', '- 10:00 UTC start', '2019 release notes were read', '- 11:00 UTC end')), ['10:00', '11:00']);
});

test('bracketed month-day dates before the time: "[11-30 22:10]", month first as ISO writes it', () => {
  const text = joinLines(
    '# Cache outage',
    'All times in UTC.',
    '## Timeline',
    '- [11-30 22:10] Deploy starts',
    '- [11-30 23:50] Errors climb',
    '- [12-01 00:20] Rolled back',
  );
  const model = analyze(text);
  assert.deepEqual(model.timeline.map((entry) => entry.date && [entry.date.month, entry.date.day]), [[11, 30], [11, 30], [12, 1]]);
  assert.equal(model.incident.durationMinutes, 130);
  assert.ok(!codesOf(text).includes('timeline-out-of-order'));
});

test('any separator between a month-name date and its time, and between a month-day and its time', () => {
  for (const entry of ['Jan 2, 2024 10:00', 'Jan 2 2024T10:00', 'Jan 2, 2024, 10:00', 'Jan 2, 2024 @ 10:00', 'Jan 2, 2024 - 10:00', 'Jan 2, 2024/10:00', '01-02 10:00', '01/02 at 10:00', '01-02T10:00']) {
    const model = analyze(joinLines('# Postmortem', '## Timeline (UTC)', `- ${entry}: alerts fire`, '- 23:00: all clear'));
    assert.deepEqual([model.timeline[0].date?.month, model.timeline[0].date?.day, clockOf(model.timeline[0].stamp?.time)], [1, 2, '10:00'], entry);
  }
});

test('a line shaped like a date or time that no reader takes is a timeline-unparsed-time, not nothing', () => {
  const text = joinLines('# Postmortem', '## Timeline (UTC)', '- 10:00 alerts', '- 2024-13-45 10:30 something happened', '- 14/33/2024 10:45 deploy', '- 11:00 all clear');
  const unparsed = diagnosticsOf(text).filter((d) => d.code === 'timeline-unparsed-time');
  assert.deepEqual(unparsed.map((d) => d.range.start.line), [3, 4]);
  assert.match(String(unparsed[0].message), /looks like a date or time/);
  assert.equal(analyze(text).timeline.length, 4);
});

test('"12:30 AM" between 11:30 AM and 1:00 PM is a slip back in time, not a night that passed', () => {
  const text = joinLines(
    '# Postmortem',
    '### Summary',
    'Around 8:00 AM PST on 3rd May 2021 some pages failed to load.',
    '### Timeline',
    '- **8:00AM PST** - reported',
    '- **11:30AM PST** - cause found',
    '- **12:30AM PST** - fix written',
    '- **1:00 PM PST** - fix deployed',
  );
  const model = analyze(text);
  assert.ok(model.timeline.every((entry) => !entry.rolledOver));
  assert.ok(codesOf(text).includes('timeline-out-of-order'));
  // A real night: the entries after it carry on from the new day.
  const night = analyze(joinLines('# Postmortem', '## Timeline (UTC)', '- 10:00 PM deploy', '- 11:50 PM errors', '- 12:30 AM rollback', '- 1:10 AM all clear'));
  assert.deepEqual(night.timeline.map((entry) => entry.rolledOver), [false, false, true, false]);
  assert.equal(night.incident.durationMinutes, 190);
});

test('a written date that goes back by days while the time goes on is a slip, read on the day above and reported once (corpus 059, 080)', () => {
  const text = joinLines(
    '# Postmortem: external ID migration',
    '## Timeline',
    'All times US/Pacific.',
    '### 2021-06-28 13:59', 'Migration starts.',
    '### 2021-06-28 14:09', 'Errors on the API.',
    '### 2021-06-11 14:15', 'Rolled back.',
    '### 2021-06-11 17:05', 'Resolved.',
  );
  const model = analyze(text);
  assert.deepEqual(model.timeline.map((entry) => [entry.dateSource, entry.date?.day]), [['entry', 28], ['entry', 28], ['slip', 28], ['slip', 28]]);
  assert.deepEqual(model.timeline[2].writtenDate, { year: 2021, month: 6, day: 11 });
  assert.equal(model.incident.durationMinutes, 186);
  const reports = diagnosticsOf(text).filter((d) => d.code === 'timeline-out-of-order');
  assert.equal(reports.length, 1);
  assert.match(String(reports[0].message), /\(2021-06-11\) goes back before the entry above it \(line 6\) while its time goes on; read as 2021-06-28, as is the entry after it that writes the same date\. Correct the date\./);
  // A lead-up told out of place: the entry after it returns to the day above, earlier; no slip, as written.
  const leadUp = analyze(joinLines('# Postmortem', '## Timeline (UTC)', '- 2024-10-24 02:00 v1.26 released', '- 2024-10-24 04:00 nodes roll',
    '- 2024-10-16 11:58 the PR was merged', '- 2024-10-24 05:00 errors'));
  assert.deepEqual(leadUp.timeline.map((entry) => entry.dateSource), ['entry', 'entry', 'entry', 'entry']);
  // Newest first (a status page's updates): every date goes back, and none is a slip.
  const newestFirst = analyze(joinLines('# Postmortem', '## Timeline (UTC)', '- 2024-03-03 09:00 resolved', '- 2024-03-02 10:00 fix deployed', '- 2024-03-01 11:00 errors reported'));
  assert.ok(newestFirst.timeline.every((entry) => entry.dateSource === 'entry'));
  // Reported once, as a timeline to turn over, not at each step back.
  const turned = diagnosticsOf(joinLines('# Postmortem', '## Timeline (UTC)', '- 2024-03-03 09:00 resolved', '- 2024-03-02 10:00 fix deployed', '- 2024-03-01 11:00 errors reported')).filter((d) => d.code === 'timeline-out-of-order');
  assert.deepEqual(turned.map((d) => (d.data as { newestFirst?: true }).newestFirst), [true]);
});

test('a date copied down while the clock goes back by hours is the next day when the summary runs to it (corpus 010)', () => {
  const doc = (summary: string) => joinLines(
    '### Postmortem', '#### Issue Summary', summary, '#### Timeline',
    '* 13:15 PST 29 april 2022 - a customer complained of 500 errors',
    '* 20:25 PST 29 april 2022 - someone recalls a typo in a file extension',
    '* 12:30 PST 29 april 2022 - engineers find the typo',
    '* 14:00 PST 29 april 2022 - Puppet renames the file on every server',
  );
  const model = analyze(doc('On 29 april 2022 - 30 April 2022 a misspelled file name caused a 500 error for 100% of users.'));
  assert.deepEqual(model.timeline.map((entry) => [entry.dateSource, entry.date?.day]), [['entry', 29], ['entry', 29], ['slip', 30], ['slip', 30]]);
  assert.equal(model.incident.durationMinutes, 1485);
  const reports = diagnosticsOf(doc('On 29 april 2022 - 30 April 2022 a misspelled file name caused a 500 error for 100% of users.')).filter((d) => d.code === 'timeline-out-of-order');
  assert.deepEqual(reports.map((d) => d.message), ['The time of "12:30 PST 29 april 2022" goes back by hours on the date of the entry above it (line 6), and the summary runs to a later day; read as 2022-04-30, as is the entry after it that writes the same date. Correct the date.']);
  // A summary of one day says nothing of the next: the dates stay as written, the entry goes back.
  const oneDay = analyze(doc('On 29 april 2022 a misspelled file name caused a 500 error for 100% of users.'));
  assert.ok(oneDay.timeline.every((entry) => entry.dateSource === 'entry'));
  assert.equal(oneDay.incident.durationMinutes, 475);
});

test('a summary end stated as recovery "by" a time, and a span anchored at its own moment, are no duration-mismatch', () => {
  const text = joinLines(
    '# Postmortem',
    '### Issue Summary',
    'At 8:05AM ET on 06-14-2019 the disk of one replica filled up.',
    'Writes were rejected on that replica for 10 minutes around 9:30AM.',
    'The replica was cleaned and resumed normal service by 10:20AM ET.',
    '### Timeline',
    '- 8:05AM disk alert',
    '- 9:30AM writes rejected',
    '- 10:00AM cleanup done',
  );
  const model = analyze(text);
  assert.equal(model.incident.durationMinutes, 135);
  assert.equal(model.incident.end?.source, 'summary');
  assert.equal(model.summary?.stated?.bound, 'at-least');
  const codes = codesOf(text);
  assert.ok(!codes.includes('duration-mismatch'));
  assert.ok(!diagnosticsOf(text).some((d) => d.code === 'summary-field-missing' && /end time/.test(String(d.message))));
});

test('under "Incident Start:" and "Incident End:" an hour apart, "a ~70% drop … for approximately 30 minutes" in the prose is a part of the incident, not a contradiction (Appwrite); a rough figure longer than the window, an exact one, or one under a Duration label still is', () => {
  const doc = (said: string, end = '15:15') => joinLines('# FRA Region Cache Failure', '', '- **Incident Start:** 2026-02-27 14:15 UTC', `- **Incident End:** 2026-02-27 ${end} UTC`, '',
    '## Summary', '', `A migration script wiped the cache in a loop. ${said}`, '', '## Timeline', '- 14:15 UTC: wipes begin', '- 15:15 UTC: recovered', '');
  const mismatch = (text: string) => codesOf(text).includes('duration-mismatch');
  assert.equal(mismatch(doc('The region saw a ~70% drop in request throughput for approximately 30 minutes.')), false);
  assert.equal(analyze(doc('The region saw a ~70% drop in request throughput for approximately 30 minutes.')).incident.durationMinutes, 60);
  assert.equal(mismatch(doc('The region saw a ~70% drop in request throughput for approximately 3 hours.')), true, 'longer than the window');
  assert.equal(mismatch(doc('The region saw a 70% drop in request throughput for 30 minutes.')), true, 'an exact figure');
  assert.equal(mismatch(joinLines('# FRA Region Cache Failure', '', '- **Incident Start:** 2026-02-27 14:15 UTC', '- **Incident End:** 2026-02-27 15:15 UTC', '- **Duration:** approximately 30 minutes', '')), true, 'under a Duration label');
  // Both ends told in prose ("between 14:15 and 15:15 UTC"): the figure is the window's.
  assert.equal(mismatch(joinLines('# FRA Region Cache Failure', '', '## Summary', 'Between 14:15 and 15:15 UTC the region was down, for approximately 30 minutes of requests failing.', '')), true);
});

test('a duration stated beside a start given roughly ("approximately at 6:00am … for 1 hours") is approximate', () => {
  const text = joinLines(
    '# Postmortem',
    '#### Issue Summary',
    'The outage began approximately at 6:00am(PST) on Jan. 8th, 2018 for 1 hours. Users saw 502 errors because the app server stopped.',
    '#### Timeline',
    '- 6:03am(PST) - detected by a user report',
    '- 6:49am(PST) - service back',
  );
  const model = analyze(text);
  assert.equal(model.incident.durationMinutes, 49);
  assert.equal(model.summary?.stated?.approximate, true);
  assert.ok(!codesOf(text).includes('duration-mismatch'));
  // Stated exactly, the same figure is still checked.
  assert.ok(codesOf(text.replace('approximately at 6:00am', 'at 6:00am')).includes('duration-mismatch'));
});

test('the incident window without a year: the local date-time without it, or the time alone, with the zone\'s offset', () => {
  const undated = incidentResult(analyze(joinLines('# Postmortem', '## Timeline', '- 5:02am(PST) - detected', '- 5:53am(PST) - fixed')));
  assert.deepEqual([undated.start, undated.end, undated.startZone, undated.endZone], ['T05:02-08:00', 'T05:53-08:00', 'PST', 'PST']);
  const noYear = incidentResult(analyze(joinLines('# Postmortem', '## Timeline', '- [11-30 23:10] deploy (UTC)', '- [12-01 00:20] rolled back')));
  assert.deepEqual([noYear.start, noYear.end], ['--11-30T23:10', '--12-01T00:20']);
  // A zone written once after a range in the summary is both ends' (a held-out ALX report).
  const ranged = incidentResult(analyze(joinLines('# Postmortem', '## Issue Summary', '**Duration:** 2 hours (10:00 AM - 12:00 PM GMT)', '## Timeline', '- 10:00 AM alert', '- 12:00 PM fixed')));
  assert.deepEqual([ranged.start, ranged.end], ['T10:00Z', 'T12:00Z']);
  const unzoned = incidentResult(analyze(joinLines('# Postmortem', '## Timeline', '- 10:00 alert', '- 12:00 fixed')));
  assert.deepEqual([unzoned.start, unzoned.end], ['T10:00', 'T12:00']);
  const dated = incidentResult(analyze(joinLines('# Postmortem', '## Timeline', '- 2024-03-14 14:05 UTC alert', '- 2024-03-14 15:00 UTC fixed')));
  assert.deepEqual([dated.start, dated.startZone], ['2024-03-14T14:05:00Z', 'UTC']);
});

test('an entry\'s words include its nested lines: a detection below "- **04:15 PM (UTC):**" gives a time to detect of 0m', () => {
  const text = joinLines(
    '# Postmortem',
    '## Issue Summary',
    '- **Impact:** 30% of users could not log in.',
    '- **Root cause:** an expired certificate.',
    '## Timeline',
    '- **04:15 PM (UTC):**',
    '  - Issue Detected: monitoring alerted us to failed logins.',
    '- **04:40 PM (UTC):**',
    '  - Certificate renewed, logins restored.',
  );
  const card = incidentCard(analyze(text), settingsWith());
  const detected = card.milestones.find((milestone) => milestone.kind === 'detected');
  assert.equal(detected?.durationText, '0m');
  assert.equal(card.milestones.find((milestone) => milestone.kind === 'resolved')?.line, 7);
});

test('the card and the diagnostics never disagree: a root cause or impact the card shows from the summary is not missing from it', { skip: CORPUS_SKIP }, () => {
  const nested = joinLines('# Postmortem', '## Issue Summary', 'Logins failed for 30% of users.', '### Root Cause', 'An expired certificate.', '## Timeline (UTC)', '- 10:00 alert', '- 10:30 fixed');
  const listed = nested.replace('### Root Cause', '- ### Root Cause');
  const documents = [nested, listed, ...readdirSync(CORPUS).filter((file) => file.endsWith('.md')).map(readCorpus)];
  for (const text of documents) {
    const model = analyze(text);
    const summary = model.summarySection;
    if (!summary) continue;
    const card = incidentCard(model, settingsWith());
    const missing = diagnosticsOf(text).filter((d) => d.code === 'summary-field-missing').map((d) => (d.data as { field: string }).field);
    for (const [field, fact] of [['root-cause', card.rootCause], ['impact', card.impact]] as const) {
      const inSummary = fact && (fact.from === 'summary' || (fact.line > summary.line && fact.line <= summary.endLine));
      assert.ok(!(inSummary && missing.includes(field)), `${field} shown from the summary and reported missing: ${text.slice(0, 60)}`);
    }
  }
});

test('markers set apart in lower case decide the window, and a marked end on the same written date before its start is the next morning', () => {
  const text = joinLines(
    '# Queue outage',
    '## Summary',
    'The scheduler could not hand out leases overnight.',
    '## Timeline',
    'All times in PDT.',
    '- [04-11 19:30] Node pool upgrade started',
    '- [04-11 22:15] The lease pod is evicted and crash-loops (**outage starts**)',
    '- [04-11 01:05] First report in the issue tracker',
    '- [04-11 06:40] A fixed lease server is deployed (_outage ends_)',
    '- [04-11 09:00] Follow-up review booked',
  );
  const { incident } = analyze(text);
  assert.equal(incident.durationMinutes, 8 * 60 + 25);
  assert.match(incident.start?.text ?? '', /22:15/);
  // Prose is no marker: "the outage ends when" in a sentence.
  const prose = analyze(joinLines('# Outage', '## Timeline', '- 10:00 UTC Alert fires; the outage ends when the cache warms', '- 10:30 UTC Cache warm', '- 11:00 UTC Review'));
  assert.equal(prose.incident.durationMinutes, 60);
});

test('"December 10–2019": a year fused to the day by a dash is the year', () => {
  const model = analyze(joinLines('# Postmortem', '## Issue Summary', 'On December 10–2019 at 12:00 am GMT-5 users reported errors; service was restored at 6:00 pm GMT-5.', '## Timeline', '- 12:00 am GMT-5 first reports', '- 6:00 pm GMT-5 service restored'));
  assert.deepEqual(model.summary?.start?.date, { year: 2019, month: 12, day: 10 });
});

test('a timeline that opens with a lead-up (a change merged days before) bounds the outage from above: a shorter stated duration is no mismatch', () => {
  const doc = (first: string) => joinLines(
    '# 2024-05-14 - Dashboards unavailable to customers',
    '## Impact',
    '| Customers Impacted | Incident Duration |',
    '| --- | --- |',
    '| All | 2h 30m |',
    '## Issue Summary',
    'Every customer dashboard showed the maintenance page.',
    '## Timeline',
    `- 06-05-2024 10:12 - ${first}`,
    '- 14-05-2024 03:00 - The base image v2.4.0 is published.',
    '- 14-05-2024 06:40 - Availability drops on the uptime board.',
    '- 14-05-2024 09:10 - Nodes rolled back to v2.3.9 and service was restored.',
  );
  assert.ok(!codesOf(doc('A change to the image build that turns on a strict memory setting is merged.')).includes('duration-mismatch'));
  // The same span opening with the trouble itself is the outage's: 2h 30m stated against eight days is a contradiction.
  assert.ok(codesOf(doc('First errors reported by the EU customers.')).includes('duration-mismatch'));
  // An entry that is a heading tells on the lines under it (corpus 058-062): the trouble there makes it the outage's.
  const headings = doc('').replace('- 06-05-2024 10:12 - ', '### 06-05-2024 10:12\nFirst errors reported by the EU customers.\n\n');
  assert.ok(codesOf(headings).includes('duration-mismatch'));
  // The trouble told as a ticket, someone becoming aware, what users could not do, an attack (corpus 032, 069, 001, 105).
  for (const first of ['Some users opened a ticket that they couldn\'t sign in to their dashboard.', 'We became aware of it during a call.',
    'It was found that not all of our HTTP requests were not being sent to the server.', 'A user emails Security about a suspicious phishing email.', 'Instances lost external connectivity.']) {
    assert.ok(codesOf(doc(first)).includes('duration-mismatch'), first);
  }
  // A change, a release, a scaling told before the outage stay a lead-up (corpus 070, 081, 068).
  for (const first of ['Project release', 'Proactively scaling up the cluster from 7 to 10 nodes, to ensure capacity for team migrations.']) {
    assert.ok(!codesOf(doc(first)).includes('duration-mismatch'), first);
  }
});

test('the summary fix writes no lead-up time: "Add Start time" on a timeline that opens with a merged change writes TBD', async () => {
  const { summaryFieldEdit } = await import('../../server/src/rules/fixes/insertSummaryField');
  const model = analyze(joinLines(
    '# Dashboards unavailable',
    '## Summary',
    '- **Duration:** 2h 30m',
    '## Timeline',
    '- 06-05-2024 10:12 - A change to the image build is merged.',
    '- 14-05-2024 06:40 - Availability drops on the uptime board.',
    '- 14-05-2024 09:10 - Nodes rolled back and service was restored.',
  ));
  assert.match(summaryFieldEdit(model, 'start')?.newText ?? '', /Start[^\n]*TBD$/);
  assert.match(summaryFieldEdit(model, 'end')?.newText ?? '', /2024-05-14 09:10$/);
});

test('a day on a twelve-hour clock with no AM or PM: "1:50" after "12:39" is the afternoon, in order; a 24-hour day, a leading zero or a long jump keep their reading', () => {
  const doc = (...entries: string[]) => joinLines('# Post-mortem: Chef 12.2.0', '', '## Description', 'A release broke chef-client for every user.', '', '## Timeline (PDT)', '', ...entries, '');
  const chef = doc('* 2015-02-26 19:00 Chef Client 12.2.0 released', '* 2015-02-26 20:00 Issue reported', '* 2015-02-27 09:27 Build is started', '* 2015-02-27 12:39 Workspaces wiped',
    '* 2015-02-27 1:50 Start rebuilding broken node', '* 2015-02-27 4:50 A user asks for an official message', '* 2015-02-27 5:51 Incident over');
  const model = analyze(chef);
  assert.deepEqual(codesOf(chef).filter((code) => code === 'timeline-out-of-order'), []);
  assert.equal(model.incident.end?.text, '2015-02-27 5:51');
  assert.equal(model.incident.durationMinutes, 22 * 60 + 51);
  // Undated, the same: the afternoon, not the next morning.
  assert.equal(analyze(doc('- 11:10 build restarted', '- 12:39 workspaces wiped', '- 1:50 rebuilding', '- 5:51 incident over')).incident.durationMinutes, 6 * 60 + 41);
  // A day written on a 24-hour clock goes past midnight; so does "01:50", written with its zero.
  assert.equal(analyze(doc('- 21:10 build restarted', '- 22:39 workspaces wiped', '- 1:50 rebuilding')).incident.durationMinutes, 4 * 60 + 40);
  assert.equal(analyze(doc('- 11:10 build restarted', '- 12:39 workspaces wiped', '- 01:50 rebuilding')).incident.durationMinutes, 14 * 60 + 40);
  // Twelve hours on would be far later still: not this, but a time that goes back.
  assert.ok(codesOf(doc('- 11:10 build restarted', '- 12:39 workspaces wiped', '- 9:50 rebuilding')).includes('timeline-out-of-order'));
});

test('a timeline table whose days are rows of their own ("| 1/28 | |") dates the rows below; an afternoon\'s first hours written "01:16" between "12:00" and "14:03" are the afternoon, not the next night', () => {
  const doc = (...rows: string[]) => joinLines('# Vendor outage', '', '## Timeline', '', '> All times in CST', '', 'Time | Description', '--- | ---', ...rows, '');
  const text = doc(
    '1/28 | ', '12:45 | Engineer 1 opens a pull request', '15:33 | Engineer 2 merges it',
    '1/30 | ', '11:00 | A discussion about the deployment', '14:21 | The merge changes the infrastructure',
    '1/31 | ', '08:04 | Data reported stale', '12:00 | Lunch', '01:16 | Pods restart asked for', '01:47 | Pods restarted', '14:03 | More discussion', '22:08 | The error has not returned',
  );
  const model = analyze(text);
  assert.deepEqual(codesOf(text).filter((code) => code === 'timeline-out-of-order'), []);
  assert.deepEqual(model.timeline.map((entry) => entry.date && `${entry.date.month}/${entry.date.day}`), ['1/28', '1/28', '1/30', '1/30', '1/31', '1/31', '1/31', '1/31', '1/31', '1/31']);
  assert.deepEqual(model.timeline.map((entry) => entry.rolledOver), model.timeline.map(() => false));
  assert.equal(model.incident.end?.text, '22:08');
  assert.equal(model.incident.end?.date?.day, 31);
  // Not a day row: a cell beside it says something ("1/2 of the nodes"), or a time follows.
  const half = analyze(doc('10:00 | Deploy', '1/2 | of the nodes restarted', '11:00 | Done'));
  assert.deepEqual(half.timeline.map((entry) => entry.dateSource), ['none', 'none']);
  // Without a later 24-hour afternoon time, "01:16" after "12:00" still goes past midnight.
  const night = analyze(doc('11:00 | Deploy', '12:00 | Errors', '01:16 | Rolled back'));
  assert.equal(night.incident.durationMinutes, 14 * 60 + 16);
});

test('a day\'s heading with its number ("### Day 1 - January 23, 2026") dates the entries below it; a row put among another hour\'s ("17:20", "23:26-23:48", "17:22") is out of place, not a night that passed (a held-out homelab report, set 13)', () => {
  const table = (...rows: string[]) => ['| Time (EST) | Event |', '|---|---|', ...rows.map((row) => `| ${row.replace(' ', ' | ')} |`)];
  const text = joinLines('# Incident Report: s0 Node Failure', '', '**Date:** January 25, 2026', '', '## Timeline', '', '*All times in EST (UTC-5)*', '',
    '### Day 1 - January 23, 2026', '', ...table('21:07 Last SSH activity', '23:08 Site goes down'), '', '### Day 2 - January 24, 2026', '',
    ...table('12:12 Issue discovered', '17:20 s0 still down', '23:26-23:48 Manual reboots attempted', '17:22 Gateway in CrashLoopBackOff', '17:32 Site restored'), '');
  const model = analyze(text);
  assert.deepEqual(model.timeline.map((entry) => entry.date && `${entry.date.month}/${entry.date.day}`), ['1/23', '1/23', '1/24', '1/24', '1/24', '1/24', '1/24']);
  assert.deepEqual(model.timeline.map((entry) => entry.rolledOver), model.timeline.map(() => false));
  assert.deepEqual(diagnosticsOf(text).filter((d) => d.code === 'timeline-out-of-order').map((d) => d.range.start.line), [model.timeline[5].line]);
  // Past midnight, the entry before the previous one is no help: "22:00", "23:30", "00:15" is the next day.
  const night = analyze(joinLines('# Postmortem', '## Timeline', '- 22:00 UTC deploy', '- 23:30 UTC errors', '- 00:15 UTC rolled back', ''));
  assert.deepEqual(night.timeline.map((entry) => entry.rolledOver), [false, false, true]);
});

test('FT\'s incident notes: "[1758](slack link): …" and "~1215:" are entries, their words after the link; a section of another name written as the timeline is it too; "28 Feb 2017 (~1738)" is a day and its time', () => {
  const text = joinLines(
    '## Summary',
    '',
    'Date: 28 Feb 2017 (~1738) to 01 Mar 2017 (~2054)',
    '',
    '## What happened?',
    '',
    'New images from the Origami Image Service were failing.',
    '',
    '## How was it fixed',
    '',
    '### 28 Feb 2017',
    '',
    '1738: Cloudinary posted an incident report.',
    '',
    '[1758](https://financialtimes.slack.com/archives/ft-next-support/p1488304718558953): Jake Champion acknowledged that there is an issue.',
    '',
    '~1940: Alice Bartlett decided to move images to the old service.',
    '',
    '[14:05](https://example.slack.com/p1): Changes were merged.',
    '',
    '## Cause',
    '',
    'AWS S3 went offline in the US-East region.',
  );
  const model = analyze(text);
  assert.deepEqual(model.timeline.map((entry) => clockOf(entry.stamp?.time)), ['17:38', '17:58', '19:40', '14:05']);
  assert.equal(model.timeline[1].text, 'Jake Champion acknowledged that there is an issue.');
  assert.equal(model.timeline[3].text, 'Changes were merged.');
  assert.equal(model.timelineSection?.line, 8);
  assert.ok(!diagnosticsOf(text).some((d) => d.code === 'section-missing' && /Timeline/.test(String(d.message))));
  assert.deepEqual([model.incident.start?.source, model.incident.end?.date], ['summary', { year: 2017, month: 3, day: 1 }]);
  // Not the summary: an Issue Summary over the timed lines (a skeleton inserted above them) is no Timeline.
  const summaryOver = joinLines('# Outage', '', '## Issue Summary', '', '- 16:55 - deployed the release', '- 17:00 - reverted it', '- 17:25 - deployed again', '- 17:30 - resolved');
  assert.equal(analyze(summaryOver).timelineSection, null);
});

test('a table whose first column is headed by a zone, "| NZST | UTC | Event |", gives its times that zone (GNS Science\'s backup report, held out)', () => {
  const text = joinLines(
    '# toshi backup silently missing keys', '', '## Summary', 'A silent AccessDenied left a stale part file and the backup failed for days.', '',
    '## Timeline', '', '| NZST | UTC | Event |', '|---|---|---|',
    '| 2026-06-17 09:46 | 2026-06-16 21:46 | First non-empty UNLOAD fails silently. |',
    '| 2026-06-22 ~10:00 | ~22:00 prior day | Operator opens triage. |', '',
  );
  const model = analyze(text);
  assert.deepEqual(model.timeline.map((entry) => entry.zone?.label), ['NZST', 'NZST']);
  assert.ok(!codesOf(text).includes('timeline-missing-timezone'));
  assert.equal(incidentResult(model).start, '2026-06-16T21:46:00Z');
  // A header that names no zone gives none.
  assert.ok(codesOf(text.replace('| NZST | UTC | Event |', '| Local | Other | Event |')).includes('timeline-missing-timezone'));
});

test('a note of the timeline\'s zone in Russian, Japanese or Chinese: "Время сервера UTC+5 …", a "| 時刻 (JST) |" table header', () => {
  const russian = analyze(joinLines('# Инцидент', '## Временная шкала', '', 'Время сервера UTC+5 (в скобках — UTC).', '', '| Время | Событие |', '|---|---|', '| 21:12 | отказ |', '| 21:17 | восстановлено |'));
  assert.deepEqual(russian.timeline.map((entry) => entry.zone?.label), ['UTC+5', 'UTC+5']);
  assert.equal(russian.incident.start?.axis !== undefined && new Date(russian.incident.start.axis * 60_000).toISOString().slice(11, 16), '16:12');
  const japanese = analyze(joinLines('# ポストモーテム', '## タイムライン', '', '| 時刻 (JST) | イベント |', '|---|---|', '| 2026-04-15 23:28 | 発生 |', '| 2026-04-16 00:26 | 復旧 |'));
  assert.deepEqual(japanese.timeline.map((entry) => entry.zone?.label), ['JST', 'JST']);
});
