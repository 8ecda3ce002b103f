import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codesOf, diagnosticsOf, joinLines, readFixture } from '../helpers';
import type { DiagnosticData } from '../../server/src/protocol';

test('a draft with problems gets each code once where it belongs, with data for its fix', () => {
  const diagnostics = diagnosticsOf(readFixture('problems.md'));
  const byCode = (code: string) => diagnostics.filter((d) => d.code === code);
  const missing = byCode('section-missing');
  assert.deepEqual(missing.map((d) => (d.data as DiagnosticData & { sectionId: string }).sectionId), ['corrective-and-preventive-measures']);
  assert.equal(byCode('section-order').length, 1, 'Timeline after Root Cause and Resolution');
  assert.deepEqual(byCode('summary-field-missing').map((d) => (d.data as { field: string }).field).sort(), ['impact', 'root-cause']);
  const outOfOrder = byCode('timeline-out-of-order');
  assert.equal(outOfOrder.length, 1);
  assert.equal(outOfOrder[0].range.start.line, 14);
  assert.deepEqual(outOfOrder[0].data, { code: 'timeline-out-of-order', entryIndex: 2, shouldPrecedeIndex: 1, shouldPrecedeLine: 13 });
  const unparsed = byCode('timeline-unparsed-time');
  assert.equal(unparsed.length, 1);
  assert.equal((unparsed[0].data as { text: string }).text, '25:10');
  assert.equal(byCode('timeline-missing-timezone').length, 1);
  assert.equal((byCode('timeline-missing-timezone')[0].data as { scope: string }).scope, 'timeline');
  const mismatch = byCode('duration-mismatch');
  assert.equal(mismatch.length, 1);
  assert.deepEqual({ ...mismatch[0].data as object }, { code: 'duration-mismatch', statedMinutes: 120, computedMinutes: 60, statedText: '2 hours' });
  for (const d of diagnostics) assert.equal(d.source, 'postmortem');
});

test('11:50 PM then 12:10 AM is the next day, not out of order', () => {
  const text = joinLines('# Postmortem', '## Timeline (UTC)', '- 11:30 PM start', '- 11:50 PM more', '- 12:10 AM next day', '- 12:05 AM really earlier');
  const codes = codesOf(text);
  assert.equal(codes.filter((code) => code === 'timeline-out-of-order').length, 1);
});

test('times are compared to the precision both are written in: "23:28" after "23:28:20" is the same minute; "23:27" after it, or "23:28:10" after "23:28:20", goes back', () => {
  const outOfOrder = (...entries: string[]) => codesOf(joinLines('# Postmortem', '## Timeline (JST)', ...entries, '- 23:40 recovered')).filter((code) => code === 'timeline-out-of-order').length;
  assert.equal(outOfOrder('- 23:10 deploy', '- 23:28:20 certificate expires', '- 23:28 every request fails'), 0);
  assert.equal(outOfOrder('- 23:10 deploy', '- 23:28:20 certificate expires', '- 23:27 every request fails'), 1);
  assert.equal(outOfOrder('- 23:10 deploy', '- 23:28:20 certificate expires', '- 23:28:10 every request fails'), 1);
});

test('a timeline written newest first is reported once, on its first entry, not at every step back', () => {
  // A status page's updates as pasted (held-out foundriesio/status): newest first, with an update of the next day on top
  // (read from the oldest up, that update is the next day's: every step goes back).
  const text = joinLines('# Postmortem', '## Timeline', '* **15:00 UTC(Sat)** All objects have been restored.', '* **20:30 UTC** Script still running.',
    '* **18:00 UTC** Restore script begins.', '* **15:30 UTC** Fixed a few by hand.', '* **14:45 UTC** Registry objects missing after maintenance.', '* **14:30 UTC** We are investigating a report.');
  const reported = diagnosticsOf(text).filter((d) => d.code === 'timeline-out-of-order');
  assert.equal(reported.length, 1);
  assert.equal(reported[0].range.start.line, 2);
  assert.deepEqual(reported[0].data, { code: 'timeline-out-of-order', entryIndex: 0, shouldPrecedeIndex: 5, shouldPrecedeLine: 7, newestFirst: true });
  assert.match(String(reported[0].message), /runs newest first \(5 of its 5 steps go back in time\).*"14:30 UTC" \(line 8\) comes first/);
  // Two steps back and one forward: entries out of place in a timeline that runs forward, each reported.
  const mixed = joinLines('# Postmortem', '## Timeline (UTC)', '- 10:00 a', '- 09:00 b', '- 11:00 c', '- 10:30 d');
  const each = diagnosticsOf(mixed).filter((d) => d.code === 'timeline-out-of-order');
  assert.deepEqual(each.map((d) => [d.range.start.line, (d.data as { newestFirst?: true }).newestFirst]), [[3, undefined], [5, undefined]]);
  // One step back is an entry out of place, not a timeline turned over.
  assert.equal(diagnosticsOf(joinLines('# Postmortem', '## Timeline (UTC)', '- 10:00 a', '- 09:00 b')).filter((d) => d.code === 'timeline-out-of-order')[0].data?.newestFirst, undefined);
});

test('a zone on one entry is inherited by the next; none anywhere is reported once', () => {
  assert.deepEqual(codesOf(joinLines('# Postmortem', '## Timeline', '- 10:00 UTC a', '- 10:05 b')).filter((c) => c.startsWith('timeline')), []);
  const none = codesOf(joinLines('# Postmortem', '## Timeline', '- 10:00 a', '- 10:05 b'));
  assert.equal(none.filter((c) => c === 'timeline-missing-timezone').length, 1);
  assert.deepEqual(codesOf(joinLines('# Postmortem', '## Timeline', '- 10:00 a', '- 10:05 b'), { timeZone: 'Europe/Berlin' }).filter((c) => c === 'timeline-missing-timezone'), []);
});

test('severity is configurable per code, including off', () => {
  const text = readFixture('problems.md');
  const off = diagnosticsOf(text, { severity: { 'timeline-out-of-order': 'off', 'section-missing': 'hint' } });
  assert.equal(off.filter((d) => d.code === 'timeline-out-of-order').length, 0);
  assert.equal(off.find((d) => d.code === 'section-missing')?.severity, 4);
});

test('duration tolerance: within it no mismatch; bounds like "under 3 hours" are respected', () => {
  const doc = (stated: string) => joinLines('# Postmortem', '## Issue Summary', `From 10:00 UTC to 11:04 UTC. The outage lasted ${stated}.`);
  assert.equal(codesOf(doc('1 hour')).includes('duration-mismatch'), false);
  assert.equal(codesOf(doc('1 hour'), { durationTolerance: 2 }).includes('duration-mismatch'), true);
  assert.equal(codesOf(doc('under 3 hours')).includes('duration-mismatch'), false);
  assert.equal(codesOf(doc('about 3 hours')).includes('duration-mismatch'), true);
});

test('documents that are not postmortems get nothing', async () => {
  const { analyzeDocument } = await import('../../server/src/core/analyze');
  const { computeDiagnostics } = await import('../../server/src/features/diagnostics');
  const { defaultSettings } = await import('../../server/src/rules/settings');
  const settings = defaultSettings();
  const model = analyzeDocument(readFixture('not-a-postmortem.md'), settings, '/work/docs/README.md');
  assert.equal(model.isPostmortem, false);
  assert.deepEqual(computeDiagnostics(model, settings), []);
  assert.equal(analyzeDocument('# Notes', settings, '/repo/postmortems/2024/db.md').isPostmortem, true);
  assert.equal(analyzeDocument('# Notes', settings, '/repo/docs/db-post-mortem.md').isPostmortem, true);
  assert.equal(analyzeDocument('# Notes', settings, '/repo/docs/notes.md').isPostmortem, false);
  assert.equal(analyzeDocument('# Incident Report: DB', settings, '/repo/notes.md').isPostmortem, true);
  assert.equal(analyzeDocument('---\ntype: postmortem\n---\n# DB', settings, '/repo/notes.md').isPostmortem, true);
});

test('profiles: google-sre and pagerduty sections, and a custom one', () => {
  const sre = joinLines('# Postmortem', '## Summary', 'x', '## Impact', 'All users', '## Root Causes', 'x', '## Trigger', 'x', '## Resolution', 'x', '## Detection', 'x', '## Action Items', 'x', '## Lessons Learned', 'x', '## Timeline', '2015-10-21 *(all times UTC)*', '- 14:51 a', '- 15:00 b');
  assert.deepEqual(codesOf(sre, { profile: 'google-sre' }), []);
  assert.ok(codesOf(sre, { profile: 'classic' }).includes('section-order'), 'classic wants the Timeline second');
  assert.deepEqual(codesOf(sre), [], 'auto: its sections choose google-sre');
  const pd = joinLines('# Postmortem', '## Overview', 'x', '## What Happened', 'x', '## Contributing Factors', 'x', '## Resolution', 'x', '## Impact', 'All users', '## Timeline', '- 14:51 UTC alert fires', "## How'd We Do?", 'x', '## Action Items', 'x');
  assert.deepEqual(codesOf(pd, { profile: 'pagerduty' }), []);
  const custom = { profile: 'custom', sections: ['Background', { title: 'Timeline' }, { title: 'Follow-ups', aliases: ['Next steps'] }] };
  assert.deepEqual(codesOf(joinLines('# Postmortem', '## Background', '## Timeline', '## Next steps'), custom), []);
  assert.deepEqual(codesOf(joinLines('# Postmortem', '## Background', '## Timeline'), custom), ['section-missing']);
});
