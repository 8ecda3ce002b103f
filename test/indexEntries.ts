// Incident index entries and statistics built by hand, for the views' and the dashboard's tests
// (the client's side of the contract in server/src/protocol.ts, without the server).
import type { IncidentIndexEntry, IncidentStats, LifecyclePoint, IndexActionItem } from '../server/src/protocol';

export function actionItem(fields: Partial<IndexActionItem> & { text: string; line: number }): IndexActionItem {
  return { owner: null, due: null, ticket: null, status: null, done: false, overdue: false, ...fields };
}

export function point(moment: LifecyclePoint['moment'], iso: string, fields: Partial<LifecyclePoint> = {}): LifecyclePoint {
  return { moment, iso, source: 'marker', line: 10, text: moment, ...fields };
}

export function indexEntry(fields: Partial<IncidentIndexEntry> & { path: string }): IncidentIndexEntry {
  const items = fields.actionItems ?? [];
  return {
    uri: `file:///work/ws/${fields.path}`,
    title: null,
    date: null,
    severity: null,
    status: null,
    start: null,
    end: null,
    durationMinutes: null,
    durationFrom: null,
    lifecycle: [],
    metrics: {},
    problems: { errors: 0, warnings: 0, information: 0 },
    mtime: 0,
    ...fields,
    actionItems: items,
    openItems: items.filter((item) => !item.done).length,
    overdueItems: items.filter((item) => item.overdue && !item.done).length,
  };
}

export function stats(fields: Partial<IncidentStats> = {}): IncidentStats {
  return { months: [], undated: 0, severities: [], longest: [], owners: [], totals: { incidents: 0, openItems: 0, overdueItems: 0 }, ...fields };
}
