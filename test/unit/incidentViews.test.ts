// The Incidents and Action Items views as plain data: order, groups, labels, tooltips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { groupActionItems, groupIncidents, incidentDescription, incidentLabel, incidentTooltip, itemDescription, itemGroupDescription, problemLevel, sortNewestFirst } from '../../client/src/incidents/grouping';
import { describePoint, formatMinutes, monthName, shortMonth } from '../../client/src/incidents/format';
import { titleLine } from '../../client/src/incidents/titleLine';
import { INDEX_SCANNED_CONTEXT } from '../../client/src/incidents/contextKeys';
import { actionItem, indexEntry, point } from '../indexEntries';

const march = indexEntry({ path: 'pm/2024-03-14-db.md', title: 'Database failover', date: '2024-03-14', severity: 'SEV2', durationMinutes: 125, start: '2024-03-14T10:00:00Z', end: '2024-03-14T12:05:00Z' });
const marchLater = indexEntry({ path: 'pm/2024-03-20-cdn.md', title: 'CDN errors', date: '2024-03-20', severity: 'sev1', durationMinutes: 45 });
const may = indexEntry({ path: 'pm/2024-05-02-login.md', title: 'Login outage', date: '2024-05-02', severity: 'SEV1', durationMinutes: 1505, problems: { errors: 0, warnings: 2, information: 1 } });
const undated = indexEntry({ path: 'pm/old.md', title: null, problems: { errors: 1, warnings: 0, information: 0 } });
const startOnly = indexEntry({ path: 'pm/b.md', title: 'From the start', start: '2024-05-02T08:00:00Z' });

test('durations and months are written as the status bar writes them', () => {
  assert.deepEqual([0, 7, 60, 125, 1505, 2880, -30].map(formatMinutes), ['0m', '7m', '1h', '2h 5m', '1d 1h 5m', '2d', '-30m']);
  assert.equal(monthName('2024-03'), 'March 2024');
  assert.equal(shortMonth('2024-12'), 'Dec 24');
  assert.equal(monthName('2024-13'), '2024-13');
  assert.equal(describePoint(point('detected', '2024-03-14T10:07:00Z', { source: 'words', line: 20, text: 'alert fired' })), 'detected (timeline words, line 21: “alert fired”)');
  assert.equal(describePoint(point('started', 'x', { source: 'front-matter', line: null, text: '' })), 'started (front matter)');
  assert.equal(describePoint(point('detected', '2023-05-14T11:10:00Z', { source: 'prose', line: 16, text: 'noticed' })), 'detected (a sentence, line 17: “noticed”)');
});

test('incidents newest first: by date, else the start\'s day, then the start; undated last; ties by path', () => {
  assert.deepEqual(sortNewestFirst([undated, march, may, marchLater, startOnly]).map((e) => e.path), ['pm/b.md', 'pm/2024-05-02-login.md', 'pm/2024-03-20-cdn.md', 'pm/2024-03-14-db.md', 'pm/old.md']);
});

test('grouped by month (newest month first, "No date" last) or by severity (case-insensitive, most severe name first)', () => {
  const byMonth = groupIncidents([undated, march, may, marchLater, startOnly], 'month');
  assert.deepEqual(byMonth.map((g) => [g.label, g.members.map((e) => e.path)]), [
    ['May 2024', ['pm/b.md', 'pm/2024-05-02-login.md']],
    ['March 2024', ['pm/2024-03-20-cdn.md', 'pm/2024-03-14-db.md']],
    ['No date', ['pm/old.md']],
  ]);
  const bySeverity = groupIncidents([undated, march, may, marchLater], 'severity');
  assert.deepEqual(bySeverity.map((g) => [g.label, g.members.map((e) => e.path)]), [
    ['SEV1', ['pm/2024-05-02-login.md', 'pm/2024-03-20-cdn.md']],
    ['SEV2', ['pm/2024-03-14-db.md']],
    ['No severity', ['pm/old.md']],
  ]);
  // Keys stay put across refreshes (the tree keeps groups expanded by them).
  assert.deepEqual(bySeverity.map((g) => g.key), ['severity:sev1', 'severity:sev2', 'severity:none']);
  assert.deepEqual(groupIncidents([], 'month'), []);
});

test('an incident: its title (else the file name), duration and date, problem level', () => {
  assert.equal(incidentLabel(march), 'Database failover');
  assert.equal(incidentLabel(undated), 'old.md');
  assert.equal(incidentDescription(march), '2h 5m · 2024-03-14');
  assert.equal(incidentDescription(undated), 'no duration');
  assert.deepEqual([problemLevel(march), problemLevel(may), problemLevel(undated)], [null, 'warning', 'error']);
});

test('the tooltip says every figure and where each moment was read', () => {
  const entry = indexEntry({
    ...march,
    status: 'final',
    lifecycle: [
      point('started', '2024-03-14T10:00:00Z', { source: 'front-matter', line: 2, text: 'started: 10:00' }),
      point('detected', '2024-03-14T10:07:00Z', { source: 'words', line: 12, text: 'paged' }),
      point('mitigated', '2024-03-14T11:00:00Z', { source: 'marker', line: 20, text: 'OUTAGE MITIGATED' }),
      point('resolved', '2024-03-14T12:05:00Z', { source: 'timeline', line: 30, text: '12:05' }),
    ],
    metrics: {
      timeToDetect: { minutes: 7, from: 'started', to: 'detected' },
      timeToMitigate: { minutes: 60, from: 'started', to: 'mitigated' },
      timeToResolve: { minutes: 125, from: 'started', to: 'resolved' },
    },
    actionItems: [actionItem({ text: 'Add alert', line: 40, overdue: true, due: '2024-04-01' }), actionItem({ text: 'Doc', line: 41, done: true })],
  });
  assert.deepEqual(incidentTooltip(entry), [
    'Database failover',
    'pm/2024-03-14-db.md',
    'Date 2024-03-14 · Severity SEV2 · Status final',
    'Duration 2h 5m (2024-03-14T10:00:00Z – 2024-03-14T12:05:00Z)',
    'Time to detect 7m: from started (front matter, line 3: “started: 10:00”) to detected (timeline words, line 13: “paged”)',
    'Time to mitigate 1h: from started (front matter, line 3: “started: 10:00”) to mitigated (timeline marker, line 21: “OUTAGE MITIGATED”)',
    'Time to resolve 2h 5m: from started (front matter, line 3: “started: 10:00”) to resolved (timeline, line 31: “12:05”)',
    'Action items: 1 open, 1 overdue, 2 in all',
    'No problems',
  ]);
  assert.equal(incidentTooltip(may).at(-1), 'Problems: 0 errors, 2 warnings, 1 information');
  // A stated length says so, and what the window it stands for runs over.
  const stated = { ...entry, start: '2024-10-16T11:58:00', end: '2024-10-24T09:15:00', durationMinutes: 225, durationFrom: 'stated' as const };
  assert.equal(incidentTooltip(stated)[3], 'Duration 3h 45m, as stated; the timeline runs 2024-10-16T11:58:00 – 2024-10-24T09:15:00 from a lead-up');
  assert.equal(incidentTooltip({ ...stated, start: null, end: null })[3], 'Duration 3h 45m, as stated');
  // A sign before the stated start: known from the start, and how early it came.
  const early = { ...entry, metrics: { timeToDetect: { minutes: 0, from: 'started' as const, to: 'detected' as const, early: 15 } } };
  assert.equal(incidentTooltip(early)[4], 'Time to detect 0m (detected 15m before the start): from started (front matter, line 3: “started: 10:00”) to detected (timeline words, line 13: “paged”)');
});

const alice = 'alice';
const withItems = [
  indexEntry({ ...march, actionItems: [
    actionItem({ text: 'Failover drill', line: 50, owner: alice, due: '2024-04-30' }),
    actionItem({ text: 'Replica lag alert', line: 51, owner: 'bob', due: '2024-04-01', overdue: true }),
    actionItem({ text: 'Runbook', line: 52, owner: alice, done: true }),
  ] }),
  indexEntry({ ...may, actionItems: [
    actionItem({ text: 'Rotate certs', line: 60, owner: 'Alice', due: '2024-05-10', overdue: true, status: 'in progress' }),
    actionItem({ text: 'Nobody\'s', line: 61 }),
  ] }),
];

test('action items by owner: the most overdue owner first, overdue items first in each, no owner last', () => {
  const groups = groupActionItems(withItems, 'owner');
  assert.deepEqual(groups.map((g) => [g.label, g.members.map((r) => r.item.text)]), [
    // Owners match whatever their case; the group shows the name as its first item writes it.
    ['Alice', ['Rotate certs', 'Failover drill', 'Runbook']],
    ['bob', ['Replica lag alert']],
    ['No owner', ['Nobody\'s']],
  ]);
  assert.deepEqual(groups.map(itemGroupDescription), ['1 overdue, 1 open', '1 overdue', '1 open']);
  assert.equal(itemDescription(groups[0].members[0], 'owner'), 'overdue since 2024-05-10 · in progress · Login outage');
  assert.equal(itemDescription(groups[0].members[1], 'owner'), 'due 2024-04-30 · Database failover');
});

test('action items by status: overdue, open, done, each by due date', () => {
  const groups = groupActionItems(withItems, 'status');
  assert.deepEqual(groups.map((g) => [g.label, g.members.map((r) => r.item.text)]), [
    ['Overdue', ['Replica lag alert', 'Rotate certs']],
    ['Open', ['Failover drill', 'Nobody\'s']],
    ['Done', ['Runbook']],
  ]);
  assert.equal(itemDescription(groups[0].members[0], 'status'), 'overdue since 2024-04-01 · bob · Database failover');
  assert.equal(itemGroupDescription(groups[2]), '1 done');
});

test('a click on an incident opens it at the heading holding its title, else any line holding it, else the top', () => {
  const lines = ['---', 'title: Database failover', '---', '', '# Database failover', '', 'Text about Database failover.'];
  assert.equal(titleLine(lines, 'Database failover'), 4);
  assert.equal(titleLine(lines.slice(0, 3), 'Database failover'), 1);
  assert.equal(titleLine(lines, 'Elsewhere'), 0);
  assert.equal(titleLine(lines, null), 0);
});

test('the views say "no postmortems" only once the first scan is over, never while the extension starts, when they say they are looking', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const welcomes: Array<{ view: string; contents: string; when: string }> = manifest.contributes.viewsWelcome;
  const empty = welcomes.filter((welcome) => /^No /.test(welcome.contents));
  assert.deepEqual(empty.map((welcome) => welcome.view).sort(), ['postmortem.actionItems', 'postmortem.incidents']);
  for (const { when } of empty) {
    // Before activation the key is undefined: a negated key would be true and welcome at once.
    assert.ok(when.split(/\s*&&\s*/).includes(INDEX_SCANNED_CONTEXT), when);
    assert.doesNotMatch(when, /!\s*postmortem\./);
  }
  // Until then each view says it is looking (rather than VS Code's "no data provider"), and says so only then.
  const looking = welcomes.filter((welcome) => welcome.contents.startsWith('Looking for postmortems'));
  assert.deepEqual(looking.map((welcome) => welcome.view).sort(), ['postmortem.actionItems', 'postmortem.incidents']);
  for (const { when } of looking) assert.ok(when.split(/\s*&&\s*/).includes(`!${INDEX_SCANNED_CONTEXT}`), when);
});
