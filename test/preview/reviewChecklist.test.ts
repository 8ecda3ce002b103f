// The review checklist from the model: each question marked met, not met or cannot tell, with the
// 1-based lines that decide it; the same in the preview's render result and the CLI's JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, joinLines, readFixture, settingsWith } from '../helpers';
import { reviewChecklist } from '../../server/src/features/reviewChecklist';
import { renderResult } from '../../server/src/features/preview';
import { findingsOf } from '../../server/src/rules/findings';

function checklistOf(text: string, raw: Record<string, unknown> = {}) {
  const settings = settingsWith(raw);
  const model = analyze(text, raw);
  return Object.fromEntries(reviewChecklist(model, settings, findingsOf(model, settings)).items.map((item) => [item.id, item]));
}

test('a complete postmortem: every question met but owners and dates, each with its lines', () => {
  const items = checklistOf(readFixture('classic-complete.md'));
  assert.deepEqual(Object.keys(items), ['summary', 'impact', 'timeline', 'root-cause', 'action-items', 'blameless']);
  assert.deepEqual(Object.values(items).map((item) => item.mark), ['met', 'met', 'met', 'met', 'not-met', 'met']);
  assert.deepEqual(items.impact.lines, [6]);
  assert.deepEqual(items.timeline.lines, [9, 12, 17]);
  assert.equal(items['action-items'].detail, 'No owner on 2 of 2 items; no date on 2 of 2 items.');
});

test('not met: a summary missing facts, an unsized impact, blame; cannot tell: action items in prose', () => {
  const items = checklistOf(readFixture('writing/quiet-impact.md'));
  assert.equal(items.impact.mark, 'not-met');
  assert.deepEqual(items.impact.lines, [7]);
  assert.equal(items['action-items'].mark, 'met', 'owned and dated');
  assert.equal(items['action-items'].detail, 'The action item has an owner and a date.');
  const vague = checklistOf(readFixture('writing/vague-actions.md'));
  assert.equal(vague.summary.mark, 'not-met');
  // "Builds failed for 3 hours for every team" states the impact; no start, end or cause.
  assert.match(vague.summary.detail, /^The summary does not state: start, end, root-cause\.$/);
  const blamed = checklistOf(readFixture('writing/blame-and-counterfactual.md'));
  assert.equal(blamed.blameless.mark, 'not-met');
  assert.deepEqual(blamed.blameless.lines, [11, 13, 18]);
  const prose = checklistOf(joinLines('# Postmortem', '## Timeline (UTC)', '- 10:00 Alert fires.', '- 11:00 Resolved.', '## Action Items', 'We will add a check to CI next week.'));
  assert.equal(prose['action-items'].mark, 'unknown');
  assert.equal(prose.timeline.mark, 'met');
  assert.equal(prose['root-cause'].mark, 'not-met');
  assert.equal(checklistOf(readFixture('classic-complete.md'), { severity: { 'blame-language': 'off', 'counterfactual-language': 'off' } }).blameless.mark, 'unknown');
});

test('the timeline question says what is lacking: detection, resolution', () => {
  const items = checklistOf(joinLines('# Postmortem', '## Timeline (UTC)', '- 10:00 Site down.', '- 11:00 Config changed.'));
  assert.equal(items.timeline.mark, 'not-met');
  assert.match(items.timeline.detail, /nothing says how it was detected; no entry that marks the resolution/);
});

test('the render result carries the checklist; a document that is not a postmortem has none', () => {
  const result = renderResult(analyze(readFixture('classic-complete.md')), settingsWith(), 'file:///x.md', 1);
  assert.equal(result.checklist.items.length, 6);
  const plain = renderResult(analyze('just text'), settingsWith(), 'file:///x.md', 1);
  assert.ok(plain.checklist.items.length === 6 || plain.checklist.items.length === 0);
});
