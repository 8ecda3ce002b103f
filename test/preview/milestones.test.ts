// The milestones the timeline's words mark (detected, escalated, root cause, mitigated, resolved), in time order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { analyze, CORPUS, CORPUS_SKIP, joinLines, readCorpus, readFixture } from '../helpers';
import { findMilestones } from '../../server/src/features/milestones';

const kinds = (text: string) => findMilestones(analyze(text)).milestones.map((m) => `${m.kind}:${m.word}:${m.minutesFromStart}`);

test('classic fixture: detected by the alert after 7m, escalated after 1h 5m, resolved after 2h 15m', () => {
  const found = findMilestones(analyze(readFixture('classic-complete.md')));
  assert.deepEqual(found.milestones.map((m) => [m.kind, m.entryIndex, m.word, m.minutesFromStart]), [
    ['detected', 1, 'Alert', 7],
    ['escalated', 3, 'Escalated', 65],
    ['resolved', 6, 'back to normal', 135],
  ]);
  assert.ok(!found.milestones.some((m) => m.kind === 'mitigated'), 'nothing says it was mitigated');
});

const doc = (...entries: string[]) => joinLines(
  '# Postmortem: API outage', '', '## Issue Summary', '', 'Outage from 10:00 UTC to 12:00 UTC on 2024-03-01.', '', '## Timeline', '',
  ...entries, '', '## Root Cause and Resolution', '', 'A bad deploy.', '',
);

test('every milestone by its words, in time order, the first one counting', () => {
  assert.deepEqual(kinds(doc(
    '- 10:00 UTC: Deploy goes out.',
    '- 10:12 UTC: Latency alert fires.',
    '- 10:30 UTC: Escalated to the database team.',
    '- 10:50 UTC: Root cause identified: a missing index.',
    '- 11:10 UTC: Traffic shifted away; impact mitigated.',
    '- 11:20 UTC: Alert fires again.',
    '- 12:00 UTC: Service restored.',
  )), [
    'detected:alert:12', 'escalated:Escalated:30', 'root-cause-identified:Root cause identified:50', 'mitigated:mitigated:70', 'resolved:restored:120',
  ]);
});

test('negated and partial words mark nothing: "not resolved", "no alert", "partially restored" is a mitigation', () => {
  assert.deepEqual(kinds(doc(
    '- 10:00 UTC: No alert fired; nobody noticed the errors.',
    '- 10:40 UTC: Rollback tried, issue not resolved.',
    '- 11:00 UTC: Service partially restored.',
    '- 11:45 UTC: The team identified the root cause.',
    '- 12:00 UTC: Incident resolved.',
  )), ['root-cause-identified:identified the root cause:105', 'mitigated:partially restored:60', 'resolved:resolved:120']);
});

test('an entry out of order still counts by its time: the earliest "detected" wins', () => {
  const found = findMilestones(analyze(doc('- 10:20 UTC: Issue detected by a customer.', '- 10:05 UTC: Monitoring detected errors.', '- 12:00 UTC: Resolved.')));
  const detected = found.milestones.find((m) => m.kind === 'detected');
  assert.equal(detected?.entryIndex, 1);
  assert.equal(detected?.minutesFromStart, 5);
});

test('a start and entries not on one axis (a summary without a year, a timeline with one) give no times', { skip: CORPUS_SKIP }, () => {
  const found = findMilestones(analyze(readCorpus('028.md')));
  assert.deepEqual(found.milestones.map((m) => m.kind), ['detected', 'escalated', 'root-cause-identified', 'resolved']);
  assert.ok(found.milestones.every((m) => m.minutesFromStart === null));
});

test('corpus 009: detected at the start, escalated after 3h, root cause after 7h, resolved after 10h (past midnight)', { skip: CORPUS_SKIP }, () => {
  const found = findMilestones(analyze(readCorpus('009.md')));
  assert.deepEqual(found.milestones.map((m) => [m.kind, m.minutesFromStart]), [
    ['detected', 0], ['escalated', 180], ['root-cause-identified', 420], ['resolved', 600],
  ]);
});

test('corpus: every milestone is a timeline entry with its words, and its minutes from the start are on one axis', { skip: CORPUS_SKIP }, () => {
  let withDetect = 0;
  for (const file of readdirSync(CORPUS).filter((name) => /^\d+\.md$/.test(name))) {
    const model = analyze(readCorpus(file));
    const found = findMilestones(model);
    for (const m of found.milestones) {
      assert.ok(m.entryIndex >= 0 && m.entryIndex < model.timeline.length, file);
      assert.ok(m.word.length > 0, file);
      if (m.minutesFromStart !== null) assert.ok(Math.abs(m.minutesFromStart) <= 60 * 24 * 60, `${file}: ${m.kind} on the same axis`);
    }
    const detected = found.milestones.find((m) => m.kind === 'detected');
    if (detected?.minutesFromStart != null && detected.minutesFromStart >= 0) withDetect++;
  }
  assert.ok(withDetect >= 25, `time to detect found in ${withDetect} corpus documents`);
});
