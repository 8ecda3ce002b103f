// The figures across incidents, checked against figures worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { incidentStats, spreadOf } from '../../server/src/service/incidentStats';
import type { IncidentIndexEntry, IndexActionItem } from '../../server/src/protocol';

function item(owner: string | null, done: boolean, overdue: boolean): IndexActionItem {
  return { text: 'Fix it', line: 0, owner, due: null, ticket: null, status: null, done, overdue };
}

function entry(path: string, fields: { start?: string; date?: string; duration?: number; detect?: number; resolve?: number; severity?: string; items?: IndexActionItem[] }): IncidentIndexEntry {
  const items = fields.items ?? [];
  return {
    uri: `file:///ws/${path}`, path, title: path, date: fields.date ?? null, severity: fields.severity ?? null, status: null,
    start: fields.start ?? null, end: null, durationMinutes: fields.duration ?? null, durationFrom: fields.duration === undefined ? null : 'window', lifecycle: [],
    metrics: {
      ...(fields.detect === undefined ? {} : { timeToDetect: { minutes: fields.detect, from: 'started', to: 'detected' } }),
      ...(fields.resolve === undefined ? {} : { timeToResolve: { minutes: fields.resolve, from: 'started', to: 'resolved' } }),
    },
    actionItems: items, openItems: items.filter((i) => !i.done).length, overdueItems: items.filter((i) => i.overdue).length,
    problems: { errors: 0, warnings: 0, information: 0 }, mtime: 0,
  };
}

test('spread: the median of an odd count is the middle one, of an even count the mean of the middle two', () => {
  assert.deepEqual(spreadOf([30, 10, 20]), { median: 20, worst: 30, count: 3 });
  assert.deepEqual(spreadOf([40, 10, null, 20, 30]), { median: 25, worst: 40, count: 4 });
  assert.deepEqual(spreadOf([null, undefined]), { median: null, worst: null, count: 0 });
});

test('months by start date (else the date), severities, the longest and owners, most overdue first', () => {
  const entries = [
    entry('a.md', { start: '2024-03-02T10:00:00Z', duration: 60, detect: 5, resolve: 60, severity: 'SEV1', items: [item('ana', false, true), item('bo', false, false)] }),
    entry('b.md', { start: '2024-03-20T08:00:00', duration: 120, detect: 15, severity: 'SEV2', items: [item('bo', false, false), item('bo', true, false)] }),
    entry('c.md', { date: '2024-01-05', duration: 30, resolve: 30, severity: 'SEV2', items: [item(null, false, true), item('@Ana', false, true)] }),
    entry('d.md', { severity: 'SEV2', duration: 120 }),
    entry('e.md', { start: '2024-03-09T00:00:00Z', duration: 90, detect: 10, resolve: 45 }),
  ];
  const stats = incidentStats(entries);
  assert.deepEqual(stats.months, [
    { month: '2024-01', incidents: 1, durationMinutes: { median: 30, worst: 30, count: 1 }, timeToDetect: { median: null, worst: null, count: 0 }, timeToResolve: { median: 30, worst: 30, count: 1 } },
    // A quiet month between is drawn as one, with no figures.
    { month: '2024-02', incidents: 0, durationMinutes: { median: null, worst: null, count: 0 }, timeToDetect: { median: null, worst: null, count: 0 }, timeToResolve: { median: null, worst: null, count: 0 } },
    // March: durations 60, 120, 90 → median 90; detect 5, 15, 10 → 10; resolve 60, 45 → 52.5.
    { month: '2024-03', incidents: 3, durationMinutes: { median: 90, worst: 120, count: 3 }, timeToDetect: { median: 10, worst: 15, count: 3 }, timeToResolve: { median: 52.5, worst: 60, count: 2 } },
  ]);
  assert.equal(stats.undated, 1);
  assert.deepEqual(stats.severities, [{ severity: 'SEV2', count: 3 }, { severity: 'SEV1', count: 1 }, { severity: null, count: 1 }]);
  assert.deepEqual(stats.longest.map((l) => [l.path, l.durationMinutes, l.durationFrom]), [['b.md', 120, 'window'], ['d.md', 120, 'window'], ['e.md', 90, 'window'], ['a.md', 60, 'window'], ['c.md', 30, 'window']]);
  assert.deepEqual(stats.owners, [
    { owner: 'ana', open: 2, overdue: 2 },
    { owner: null, open: 1, overdue: 1 },
    { owner: 'bo', open: 2, overdue: 0 },
  ]);
  assert.deepEqual(stats.totals, { incidents: 5, openItems: 5, overdueItems: 3 });
});

test('no incidents, no figures', () => {
  assert.deepEqual(incidentStats([]), { months: [], undated: 0, severities: [], longest: [], owners: [], totals: { incidents: 0, openItems: 0, overdueItems: 0 } });
});
