// Git's conflict markers left in a postmortem (two held-out ALX postmortems were committed so): reported
// as an error, read as if the markers were not there, and resolved by a quick fix that keeps one side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { analyze, codesOf, diagnosticsOf, joinLines, settingsWith } from '../helpers';
import { findConflicts } from '../../server/src/core/conflictMarkers';
import { codeActions } from '../../server/src/features/codeActions';
import { applyEdits } from '../../server/src/features/fixAll';

const doc = (...summary: string[]) => joinLines('# Postmortem: DNS outage', '', '## Issue Summary', ...summary, '',
  '## Timeline', '- 10:00 UTC: alerts', '- 14:30 UTC: restored', '', '## Root Cause and Resolution', 'Bad TTL values; shortened.', '',
  '## Corrective and Preventive Measures', '- Audit DNS records', '');

const CONFLICT = ['<<<<<<< HEAD', 'Duration: 10:00 to 14:30 UTC. Impact: 75% of lookups failed. Root cause: bad TTL values.',
  '=======', 'Duration: 10:00 AM to 2:30 PM UTC. Impact: most lookups failed. Root cause: bad TTL values.', '>>>>>>> 5d25ca34a1a0'];

test('conflict markers are an error on the opening marker, with the lines they span', () => {
  const text = doc(...CONFLICT);
  const found = diagnosticsOf(text).filter((d) => d.code === 'merge-conflict');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 1);
  assert.equal(found[0].range.start.line, 3);
  assert.match(String(found[0].message), /lines 4–8/);
  assert.deepEqual(found[0].data, { code: 'merge-conflict', openLine: 3, separatorLine: 5, closeLine: 7, currentLabel: 'HEAD', incomingLabel: '5d25ca34a1a0' });
});

test('the document is read without its markers: "=======" under a line does not make it a heading', () => {
  const model = analyze(doc(...CONFLICT));
  assert.deepEqual(model.sections.map((section) => section.id), ['summary', 'timeline', 'root-cause-and-resolution', 'corrective-and-preventive-measures']);
  assert.equal(model.incident.durationMinutes, 270);
  assert.deepEqual(codesOf(doc(...CONFLICT)).filter((code) => code !== 'merge-conflict' && code !== 'detection-missing'), []);
  // Without the blanking, the current side's line would be a Setext heading: the markers are what the test is about.
  assert.equal(analyze(doc(...CONFLICT.slice(1, 3))).otherHeadings.some((heading) => heading.title.startsWith('Duration')), true);
  assert.equal(analyze(doc(...CONFLICT)).otherHeadings.some((heading) => heading.title.startsWith('Duration')), false);
});

test('not a conflict: a lone "=======" (a Setext underline), markers of another length, an opening never closed, markers in a code block', () => {
  assert.deepEqual(findConflicts(joinLines('Title', '=======', 'Text')), []);
  assert.deepEqual(findConflicts(joinLines('<<<<<<<< HEAD', 'a', '=======', 'b', '>>>>>>>> x')), []);
  assert.deepEqual(findConflicts(joinLines('<<<<<<< HEAD', 'a', '=======', 'b')), []);
  assert.deepEqual(findConflicts(joinLines('How we resolved it:', '```diff', ...CONFLICT, '```', '')), []);
  assert.deepEqual(codesOf(doc('From 10:00 to 14:30 UTC 75% of lookups failed because of bad TTL values.', '', '```', ...CONFLICT, '```')).filter((code) => code === 'merge-conflict'), []);
});

test('diff3 markers: the common ancestor goes with the markers', () => {
  const text = joinLines('<<<<<<< ours', 'mine', '||||||| base', 'original', '=======', 'theirs', '>>>>>>> theirs', 'after');
  const [block] = findConflicts(text);
  assert.deepEqual([block.openLine, block.baseLine, block.separatorLine, block.closeLine], [0, 2, 4, 6]);
  assert.deepEqual(analyze(text, {}).lines.index.lines.filter((line) => line.text.trim() !== '').map((line) => line.text), ['mine', 'theirs', 'after']);
});

test('the quick fixes keep the current version, the incoming one, or both, and only remove lines; none is preferred or applied by fix-all', () => {
  const withBase = [...CONFLICT.slice(0, 2), '||||||| merged common ancestors', 'Duration: unknown.', ...CONFLICT.slice(2)];
  for (const conflict of [CONFLICT, withBase]) {
    const text = doc(...conflict);
    const model = analyze(text);
    const diagnostic = diagnosticsOf(text).find((d) => d.code === 'merge-conflict');
    assert.ok(diagnostic);
    const actions = codeActions(model, 'file:///dns.md', [diagnostic], settingsWith(), null);
    assert.deepEqual(actions.map((action) => [action.title, action.isPreferred ?? false]),
      [['Keep the current version (HEAD)', false], ['Keep the incoming version (5d25ca34a1a0)', false], ['Keep both versions', false]]);
    const fixed = actions.map((action) => applyEdits(text, (action.edit?.changes?.['file:///dns.md'] ?? []) as TextEdit[]));
    assert.equal(fixed[0], doc(CONFLICT[1]));
    assert.equal(fixed[1], doc(CONFLICT[3]));
    assert.equal(fixed[2], doc(CONFLICT[1], CONFLICT[3]));
    for (const text of fixed) assert.ok(!codesOf(text).includes('merge-conflict'));
  }
  // Fix-all on a document with a conflict and a missing section: the section comes in, both versions stay.
  const gapped = doc(...CONFLICT).replace('## Corrective and Preventive Measures\n- Audit DNS records\n', '');
  const fixAll = codeActions(analyze(gapped), 'file:///dns.md', diagnosticsOf(gapped), settingsWith(), null, ['source.fixAll']);
  assert.equal(fixAll.length, 1);
  const all = applyEdits(gapped, (fixAll[0].edit?.changes?.['file:///dns.md'] ?? []) as TextEdit[]);
  assert.ok(all.includes('Corrective and Preventive Measures'));
  assert.ok(CONFLICT.every((line) => all.includes(line)));
});

test('a conflict at the very end of a document with no final line break is resolved without leaving a marker', () => {
  const text = ['# Postmortem', '', ...CONFLICT].join('\n');
  const model = analyze(text);
  const diagnostic = diagnosticsOf(text).find((d) => d.code === 'merge-conflict');
  assert.ok(diagnostic);
  const [current] = codeActions(model, 'file:///end.md', [diagnostic], settingsWith(), null);
  assert.equal(applyEdits(text, (current.edit?.changes?.['file:///end.md'] ?? []) as TextEdit[]), ['# Postmortem', '', CONFLICT[1]].join('\n'));
});

test('a side left empty at the very end of the document: one removal, no two edits sharing a line break (found by the fuzz)', () => {
  const text = ['# Postmortem', '', '<<<<<<< HEAD', '=======', 'Duration: 2 hours', '>>>>>>> 5d25ca3'].join('\n');
  const model = analyze(text);
  const diagnostic = diagnosticsOf(text).find((d) => d.code === 'merge-conflict');
  assert.ok(diagnostic);
  const [current, incoming, both] = codeActions(model, 'file:///end.md', [diagnostic], settingsWith(), null);
  const edits = (action: typeof current) => (action.edit?.changes?.['file:///end.md'] ?? []) as TextEdit[];
  assert.equal(edits(current).length, 1);
  assert.equal(applyEdits(text, edits(current)), '# Postmortem\n');
  assert.equal(applyEdits(text, edits(incoming)), '# Postmortem\n\nDuration: 2 hours');
  assert.equal(applyEdits(text, edits(both)), '# Postmortem\n\nDuration: 2 hours');
});
