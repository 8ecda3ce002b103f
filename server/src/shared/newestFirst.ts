// The one order of the incident index, newest first: the server answers in it, the CLI's report writes
// it and the client's views sort their copy by it. Structural, so that this leaf imports nothing.

/** What the order reads of an index entry (`IncidentIndexEntry` in protocol.ts). */
export interface DatedEntry {
  date: string | null;
  start: string | null;
  path: string;
}

// One collator for every comparison: localeCompare with options builds one per call, which made
// sorting a large index take a good part of a second.
const naturalCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
/** Paths and names as people order them: "incident-2" before "incident-10", case aside. */
export const byNaturalText = (a: string, b: string): number => naturalCollator.compare(a, b);
/** ISO dates and times are ASCII: compared as they are, without a locale. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The date, else the start's day when it has one (a start without a date is a local time, "T14:00"). */
const dayOf = (entry: DatedEntry) => entry.date ?? (entry.start && /^\d{4}-\d{2}-\d{2}/.test(entry.start) ? entry.start.slice(0, 10) : '');

/** By date (else the start's day), then start; undated last; ties by path ("incident-2" before "incident-10"). */
export function newestFirst(a: DatedEntry, b: DatedEntry): number {
  return byCodeUnits(dayOf(b), dayOf(a)) || byCodeUnits(b.start ?? '', a.start ?? '') || byNaturalText(a.path, b.path);
}
