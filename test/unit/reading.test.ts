// Issue 16: reading real postmortems as a careful person does. Invented documents in the styles the
// corpus shows; each class has its test here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, codesOf, joinLines } from '../helpers';

const SRE_LABELLED = joinLines(
  'Search Postmortem (incident #12)',
  '=================================',
  '',
  '**Date**: 2024-03-02',
  '',
  '**Summary**: Search was down for 66 minutes after a surge of traffic.',
  '',
  '**Impact**:^[1](https://example.com/n1)^ About 40% of queries failed.',
  '',
  '**Root Causes**: A leak of file descriptors under load.',
  '',
  '**Trigger**: A sudden increase in traffic.',
  '',
  '**Resolution**: Moved traffic to a spare cluster and added capacity.',
  '',
  '**Detection**: Monitoring paged the on-call engineer.',
  '',
  '**Action Items**:',
  '',
  '- Add load shedding',
  '',
  'Lessons Learned',
  '---------------',
  '',
  'We were lucky.',
  '',
  'Timeline',
  '--------',
  '',
  '2024-03-02 *(all times UTC)*',
  '',
  '-   09:10 A post points people at search',
  '-   09:13 **OUTAGE BEGINS** --- backends fall over',
  '-   09:20 **INCIDENT BEGINS** an incident is declared',
  '-   09:50 **OUTAGE MITIGATED**, traffic moved',
  '-   10:19 **OUTAGE ENDS**, all traffic balanced',
  '-   10:49 **INCIDENT ENDS**, 30 minutes of nominal performance',
);

test('labelled paragraphs are the SRE template\'s sections, and the auto profile picks google-sre', () => {
  const model = analyze(SRE_LABELLED);
  assert.equal(model.profile.name, 'google-sre');
  assert.equal(model.profileSource, 'document');
  assert.deepEqual(model.sections.map((s) => s.id), ['summary', 'impact', 'root-causes', 'trigger', 'resolution', 'detection', 'action-items', 'lessons-learned', 'timeline']);
  assert.deepEqual(codesOf(SRE_LABELLED), []);
});

test('the outage markers decide the incident window: no duration-mismatch against the stated 66 minutes', () => {
  const { incident } = analyze(SRE_LABELLED);
  assert.equal(incident.durationMinutes, 66);
  assert.equal(incident.statedDurationMinutes, 66);
  assert.equal(incident.start?.text, '09:13');
  assert.equal(incident.end?.text, '10:19');
});

test('a named profile always wins over the document\'s sections; the front matter over the settings', () => {
  const model = analyze(SRE_LABELLED, { profile: 'classic' });
  assert.equal(model.profile.name, 'classic');
  assert.equal(model.profileSource, 'settings');
  const fromFrontMatter = analyze(joinLines('---', 'profile: pagerduty', '---', SRE_LABELLED), { profile: 'classic' });
  assert.equal(fromFrontMatter.profile.name, 'pagerduty');
  assert.equal(fromFrontMatter.profileSource, 'front-matter');
});

test('auto keeps the classic profile when a document names only one or two sections it has no place for', () => {
  const classicWithExtras = joinLines(
    '# Postmortem: login outage',
    'Summary:',
    'From 8:00 AM to 12:00 PM WAT users could not log in, because of a bad config.',
    'Impact:',
    'All users.',
    'Timeline:',
    '8:00 AM WAT: alerts fire',
    '11:55 AM WAT: fixed',
    'Root Cause and Resolution:',
    'A bad config, rolled back.',
    'Corrective and Preventative Measures:',
    '- Review configs',
    'Lessons Learned:',
    'Test configs.',
  );
  const model = analyze(classicWithExtras);
  assert.equal(model.profile.name, 'classic');
  assert.equal(model.profileSource, 'document');
  assert.equal(analyze('Nothing here at all.').profileSource, 'default');
});
