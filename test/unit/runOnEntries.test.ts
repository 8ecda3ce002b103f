// Timeline entries run together on one line (pasted text that lost its line breaks, as in corpus 003 and
// 008): reported once a line, and split into entries of the line's own kind by a quick fix and fix-all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { TextEdit } from 'vscode-languageserver-types';
import { CORPUS, CORPUS_SKIP, analyze, diagnosticsOf, joinLines, readCorpus, settingsWith } from '../helpers';
import { codeActions } from '../../server/src/features/codeActions';
import { applyEdits, fixAllText } from '../../server/src/features/fixAll';

const CODE = 'timeline-entries-run-on';
const URI = 'file:///incident-postmortem.md';

function postmortem(...timeline: string[]): string {
  return joinLines(
    '# Postmortem: checkout errors', '',
    '## Summary', 'Checkout failed for 20% of users because a load balancer was misconfigured.', '',
    '## Timeline', ...timeline, '',
    '## Root Cause', 'A load balancer setting sent every request to one server.', '',
  );
}

function runOn(text: string) {
  return diagnosticsOf(text).filter((d) => d.code === CODE);
}

/** The text with the quick fix of its first run-on diagnostic applied. */
function quickFixed(text: string): string {
  const [diagnostic] = runOn(text);
  assert.ok(diagnostic, 'a run-on diagnostic');
  const [action] = codeActions(analyze(text), URI, [diagnostic], settingsWith(), null);
  assert.ok(action, 'a quick fix');
  return applyEdits(text, (action.edit?.changes?.[URI] ?? []) as TextEdit[]);
}

test('list items run on: one warning on the line, on the first run-on time, naming each', () => {
  const text = postmortem(
    '- 10:45 AM: Monitoring alerted on high server load.',
    '- 10:50 AM: I alerted the engineering team and began troubleshooting. - 11:00 AM: Traffic was rerouted, but errors went on.',
    '- 12:30 PM: The root cause was found in the load balancer settings. - 1:00 PM: The settings were corrected. - 1:10 PM: Errors stopped.',
  );
  const found = runOn(text);
  assert.equal(found.length, 2);
  assert.equal(found[0].severity, 2);
  assert.equal(found[0].range.start.line, 7);
  const line = text.split('\n')[7];
  assert.equal(line.slice(found[0].range.start.character, found[0].range.end.character), '11:00 AM');
  assert.match(String(found[0].message), /2 timeline entries .*"11:00 AM" is read as part of "10:50 AM"/);
  assert.match(String(found[1].message), /3 timeline entries .*"1:00 PM", "1:10 PM" are read as part of "12:30 PM"/);
  assert.deepEqual(found[1].data, { code: CODE, line: 8, times: ['1:00 PM', '1:10 PM'] });
  // Read as written, one entry a line, until it is fixed.
  assert.equal(analyze(text).timeline.length, 3);
});

test('the quick fix puts each run-on entry in a list item of its own, every word kept', () => {
  const text = postmortem(
    '- 10:50 AM: I alerted the team. - 11:00 AM: Traffic was rerouted.',
    '  * 12:30 PM: Root cause found. 1:00 PM: Settings corrected.',
  );
  const fixed = quickFixed(text);
  assert.equal(fixed, postmortem('- 10:50 AM: I alerted the team.', '- 11:00 AM: Traffic was rerouted.', '  * 12:30 PM: Root cause found. 1:00 PM: Settings corrected.'));
  const twice = quickFixed(fixed);
  assert.equal(twice, postmortem('- 10:50 AM: I alerted the team.', '- 11:00 AM: Traffic was rerouted.', '  * 12:30 PM: Root cause found.', '  * 1:00 PM: Settings corrected.'));
  assert.deepEqual(runOn(twice), []);
  const model = analyze(twice);
  assert.equal(model.timeline.length, 4);
  assert.equal(model.incident.durationMinutes, 130);
});

test('bold times and numbered items keep their own marks', () => {
  const bold = postmortem('- **10:00 UTC:** Alert fired. **10:05 UTC:** On-call paged.');
  assert.equal(quickFixed(bold), postmortem('- **10:00 UTC:** Alert fired.', '- **10:05 UTC:** On-call paged.'));
  const numbered = postmortem('1. 10:00 UTC - Alert fired. 2. 10:05 UTC - On-call paged.');
  assert.equal(quickFixed(numbered), postmortem('1. 10:00 UTC - Alert fired.', '2. 10:05 UTC - On-call paged.'));
});

test('a paragraph of run-on lines becomes a paragraph each; a line inside a paragraph becomes a line', () => {
  const paragraph = postmortem('', '2100hrs WAT: Issue was detected. 2105hrs WAT: Only one server answered requests 2108hrs WAT: Nginx was restarted.', '');
  const fixed = quickFixed(paragraph);
  assert.equal(fixed, postmortem('', '2100hrs WAT: Issue was detected.', '', '2105hrs WAT: Only one server answered requests', '', '2108hrs WAT: Nginx was restarted.', ''));
  assert.equal(analyze(fixed).timeline.length, 3);
  const lines = postmortem('21:00 WAT: Issue was detected.', '21:05 WAT: Curl showed one server. 21:08 WAT: Nginx was restarted.');
  assert.equal(quickFixed(lines), postmortem('21:00 WAT: Issue was detected.', '21:05 WAT: Curl showed one server.', '21:08 WAT: Nginx was restarted.'));
});

test('a document with CRLF line endings gets CRLF line breaks', () => {
  const text = postmortem('- 10:00 UTC: Alert fired. - 10:05 UTC: On-call paged.', '21:00 UTC: Paged. 21:05 UTC: Restarted.').replace(/\n/g, '\r\n');
  let fixed = quickFixed(text);
  fixed = quickFixed(fixed);
  assert.equal(fixed, postmortem('- 10:00 UTC: Alert fired.', '- 10:05 UTC: On-call paged.', '21:00 UTC: Paged.', '21:05 UTC: Restarted.').replace(/\n/g, '\r\n'));
  assert.doesNotMatch(fixed, /[^\r]\n/);
});

test('a time inside a sentence, a range, another shape, code or a table is no run-on entry', () => {
  for (const line of [
    '- 10:00 UTC: Restarted the pods at 10:05 UTC: no change.',
    '- 10:00 UTC: Deploy, then the rollback until 10:30 UTC: errors stayed.',
    '- 10:00 - 10:30 - deploy window',
    '- 10:00 UTC: Errors began. The graph shows 10:05: a spike.',
    '- 10:00 UTC: Ran `watch 10:05 UTC: x` to follow it.',
    '- 10:00 UTC: Checked the logs; nothing from 9:55 UTC - 10:00 UTC.',
    '| 10:00 UTC | Alert fired. 10:05 UTC: paged |',
    '- Users reported errors from 10:00 UTC: checkout failed.',
  ]) {
    assert.deepEqual(runOn(postmortem(line)).map((d) => d.message), [], line);
  }
});

test('the fix does nothing once the line no longer holds what was reported', () => {
  const text = postmortem('- 10:00 UTC: Alert fired. - 10:05 UTC: On-call paged.');
  const [diagnostic] = runOn(text);
  const changed = text.replace('- 10:05 UTC: On-call paged.', 'On-call paged.');
  const [action] = codeActions(analyze(changed), URI, [diagnostic], settingsWith(), null);
  assert.deepEqual(action?.edit?.changes?.[URI] ?? [], []);
});

test('fix-all splits every run-on line, then sorts what the split shows out of order', () => {
  const text = postmortem(
    '- 10:00 UTC: Alert fired. - 10:20 UTC: Rolled back.',
    '- 10:10 UTC: Cause found. - 10:30 UTC: Errors stopped.',
  );
  const fixed = fixAllText(analyze(text), settingsWith(), '/incident-postmortem.md');
  const model = analyze(fixed);
  assert.deepEqual(model.timeline.map((entry) => entry.timeText), ['10:00 UTC', '10:10 UTC', '10:20 UTC', '10:30 UTC']);
  assert.deepEqual(runOn(fixed), []);
  for (const words of ['Alert fired.', 'Rolled back.', 'Cause found.', 'Errors stopped.']) assert.ok(fixed.includes(words), words);
});

test('corpus 003 and 008: their run-on entries are reported and the fixes read every entry; no other corpus document is reported', { skip: CORPUS_SKIP }, () => {
  const reported = readdirSync(CORPUS).filter((file) => file.endsWith('.md') && runOn(readCorpus(file)).length > 0);
  assert.deepEqual(reported, ['003.md', '008.md']);
  // 003: seven entries, as a reader counts them; 008: the five of its paragraph (three more sit in HTML list items).
  for (const [file, entries] of [['003.md', 7], ['008.md', 5]] as const) {
    let text = readCorpus(file);
    while (runOn(text).length) text = quickFixed(text);
    assert.equal(analyze(text).timeline.length, entries, file);
  }
});

test('entries parted only by <br> in a hard-wrapped paragraph are run on (flutter/flutter postmortems); the fix breaks the line after each tag, which renders as before', () => {
  const text = postmortem(
    '### 2023-08-25 (PDT)', '',
    '15:27 - A change to the DNS configuration is submitted, unaware that it adds four wrong A',
    'records. (Internal ID 560528920.)<br> 21:14 - DNS configuration changes take effect. 80%',
    'of IPs fail to serve. **\\<START OF',
    'OUTAGE>**<br> 21:20 - Monitoring sends a first e-mail.<br> `note<br> 10:00 - in code`',
    '',
    '### 2023-08-26', '',
    '04:24 - A user pings the owner.<br>',
    '12:55 - The DNS fix takes effect. **\\<END OF OUTAGE>**',
  );
  const [found] = runOn(text);
  assert.equal(runOn(text).length, 1);
  assert.equal(found.range.start.line, 9);
  assert.deepEqual((found.data as { times: string[] }).times, ['21:14', '21:20']);
  assert.match(String(found.message), /3 timeline entries are run together in one paragraph, parted only by <br>: "21:14", "21:20" are read as part of "15:27"/);
  const fixed = quickFixed(text);
  assert.match(fixed, /\(Internal ID 560528920\.\)<br>\n21:14 - DNS/);
  assert.match(fixed, /OUTAGE>\*\*<br>\n21:20 - Monitoring sends a first e-mail\.<br> `note<br> 10:00 - in code`/);
  assert.deepEqual(runOn(fixed), []);
  // Now read as entries, the outage's own markers are its window, though "START OF" and "OUTAGE" are on two lines.
  const { incident } = analyze(fixed);
  assert.deepEqual([incident.start?.text, incident.end?.text, incident.durationMinutes], ['21:14', '12:55', 15 * 60 + 41]);
});

test('a duration measured on a timeline whose entries run on is no mismatch: the run-on warning comes first, and once mended the window agrees', () => {
  const text = (stated: string) => joinLines('# Postmortem: flutter.dev outage', '', '## Summary', '',
    `Description: the site was offline for 80% of users.<br> Duration: ${stated}<br> User impact: new users`, '',
    '## Timeline (all times in PDT)', '', '### 2023-08-25', '',
    '15:27 - A change to the DNS configuration is submitted, unaware that it adds four wrong A',
    'records.<br> 21:14 - DNS configuration changes take effect. 80% of IPs fail. **\\<START OF',
    'OUTAGE>**<br> 21:20 - Monitoring sends a first e-mail.', '', '### 2023-08-26', '',
    '12:55 - The DNS fix takes effect. **\\<END OF OUTAGE>**', '', '## Root Cause', 'A wrong DNS record.', '');
  const mismatch = (doc: string) => diagnosticsOf(doc).filter((d) => d.code === 'duration-mismatch');
  const codes = (doc: string) => diagnosticsOf(doc).map((d) => d.code);
  // Read as it stands, the timeline starts at 15:27 (the start mark is in its words): 21h 28m against 15h 40m.
  assert.equal(analyze(text('15 hours 40 minutes')).incident.durationMinutes, 21 * 60 + 28);
  assert.deepEqual(mismatch(text('15 hours 40 minutes')), []);
  assert.ok(codes(text('15 hours 40 minutes')).includes(CODE));
  const mended = fixAllText(analyze(text('15 hours 40 minutes')), settingsWith(), null);
  assert.deepEqual(runOn(mended), []);
  assert.equal(analyze(mended).incident.durationMinutes, 15 * 60 + 41);
  assert.deepEqual(mismatch(mended), []);
  // A duration that is wrong is reported once the entries are on their lines.
  const wrong = fixAllText(analyze(text('3 hours')), settingsWith(), null);
  assert.deepEqual(mismatch(text('3 hours')), []);
  assert.match(String(mismatch(wrong)[0]?.message), /says 3 hours \(3h\), but .* 15h 41m\./);
});

test('fix-all puts run-on entries on their lines before it fills the summary from the timeline', () => {
  const text = joinLines('# Postmortem: DNS outage', '', '## Summary', 'The site was down for 80% of users.', '',
    '## Timeline (UTC)', '', '15:27 - A DNS change is submitted.<br> 21:14 - It takes effect. **OUTAGE BEGINS**<br> 21:20 - First alert.', '',
    '12:55 - Fixed. **OUTAGE ENDS**', '', '## Root Cause', 'A wrong DNS record.', '');
  const fixed = fixAllText(analyze(text), settingsWith(), null);
  assert.match(fixed, /Start time:\*\* 21:14 UTC/);
  assert.doesNotMatch(fixed, /15:27 UTC/);
  assert.match(fixed, /submitted\.<br>\n21:14 - It takes effect\. \*\*OUTAGE BEGINS\*\*<br>\n21:20 - First alert\./, 'a line break after each tag, as it renders');
});
