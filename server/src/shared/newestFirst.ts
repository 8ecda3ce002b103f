// The one order of the incident index, newest first: the server answers in it, the CLI's report writes
// it and the client's views sort their copy by it. Structural, so that this leaf imports nothing.

/** What the order reads of an index entry (`IncidentIndexEntry` in protocol.ts). */
export interface DatedEntry {
  date: string | null;
  start: string | null;
  path: string;
}

const byPath = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
/** The date, else the start's day when it has one (a start without a date is a local time, "T14:00"). */
const dayOf = (entry: DatedEntry) => entry.date ?? (entry.start && /^\d{4}-\d{2}-\d{2}/.test(entry.start) ? entry.start.slice(0, 10) : '');

/** By date (else the start's day), then start; undated last; ties by path ("incident-2" before "incident-10"). */
export function newestFirst(a: DatedEntry, b: DatedEntry): number {
  return dayOf(b).localeCompare(dayOf(a)) || (b.start ?? '').localeCompare(a.start ?? '') || byPath(a.path, b.path);
}
