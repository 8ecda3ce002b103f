// The figures across incidents (`postmortem/indexStats`, the CLI's `report`): incidents per month with
// the median and worst duration, time to detect and time to resolve; the severity mix; the longest
// incidents; open and overdue action items by owner. Pure: entries in, figures out.
import type { IncidentIndexEntry, IncidentStats, MonthFigures, OwnerItems, Spread } from '../protocol';

const LONGEST = 10;
const MONTH = /^(\d{4}-\d{2})-\d{2}/;

/** The median (the mean of the middle two for an even count) and the worst (largest) of the figures given. */
export function spreadOf(values: Array<number | null | undefined>): Spread {
  const known = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (known.length === 0) return { median: null, worst: null, count: 0 };
  const middle = Math.floor(known.length / 2);
  const median = known.length % 2 === 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
  return { median, worst: known[known.length - 1], count: known.length };
}

/** The month an incident started (YYYY-MM): its start when it has a year, else its date. */
export function monthOf(entry: IncidentIndexEntry): string | null {
  return entry.start?.match(MONTH)?.[1] ?? entry.date?.match(MONTH)?.[1] ?? null;
}

function monthFigures(month: string, entries: IncidentIndexEntry[]): MonthFigures {
  return {
    month,
    incidents: entries.length,
    durationMinutes: spreadOf(entries.map((entry) => entry.durationMinutes)),
    timeToDetect: spreadOf(entries.map((entry) => entry.metrics.timeToDetect?.minutes)),
    timeToResolve: spreadOf(entries.map((entry) => entry.metrics.timeToResolve?.minutes)),
  };
}

/** Owners with open items: most overdue first, then most open, then by name (no owner last). */
function ownerItems(entries: IncidentIndexEntry[]): OwnerItems[] {
  // "@Ana" and "ana" are one owner (as `postmortem-lint --actions` groups them), named as first written.
  const byOwner = new Map<string, OwnerItems>();
  for (const entry of entries) {
    for (const item of entry.actionItems) {
      if (item.done) continue;
      const owner = item.owner?.trim().replace(/^@/, '') || null;
      const key = owner?.toLowerCase() ?? '';
      const figures = byOwner.get(key) ?? { owner, open: 0, overdue: 0 };
      figures.open++;
      if (item.overdue) figures.overdue++;
      byOwner.set(key, figures);
    }
  }
  return [...byOwner.values()].sort((a, b) =>
    b.overdue - a.overdue || b.open - a.open || (a.owner === null ? 1 : b.owner === null ? -1 : a.owner.localeCompare(b.owner)));
}

/** Longer than this, a gap is a typo in a date (1920 for 2020), not quiet years to draw. */
const MAX_FILLED_MONTHS = 240;

/**
 * Every month from the first to the last given, quiet ones included (a trend drawn over the months
 * with incidents only would put March next to November); the given ones alone, sorted, when the span is
 * implausibly long.
 */
function monthsBetween(given: string[]): string[] {
  const sorted = [...given].sort();
  if (sorted.length < 2) return sorted;
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const first = index(sorted[0]);
  const last = index(sorted[sorted.length - 1]);
  if (last - first >= MAX_FILLED_MONTHS) return sorted;
  const all: string[] = [];
  for (let at = first; at <= last; at++) all.push(`${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`);
  return all;
}

export function incidentStats(entries: IncidentIndexEntry[]): IncidentStats {
  const months = new Map<string, IncidentIndexEntry[]>();
  let undated = 0;
  const severities = new Map<string | null, number>();
  for (const entry of entries) {
    const month = monthOf(entry);
    if (month === null) undated++;
    else if (months.has(month)) months.get(month)!.push(entry);
    else months.set(month, [entry]);
    severities.set(entry.severity, (severities.get(entry.severity) ?? 0) + 1);
  }
  const longest = entries
    .filter((entry): entry is IncidentIndexEntry & { durationMinutes: number } => entry.durationMinutes !== null)
    .sort((a, b) => b.durationMinutes - a.durationMinutes || a.path.localeCompare(b.path))
    .slice(0, LONGEST)
    .map(({ uri, path, title, durationMinutes, durationFrom }) => ({ uri, path, title, durationMinutes, durationFrom }));
  return {
    months: monthsBetween([...months.keys()]).map((month) => monthFigures(month, months.get(month) ?? [])),
    undated,
    severities: [...severities]
      .map(([severity, count]) => ({ severity, count }))
      .sort((a, b) => b.count - a.count || (a.severity === null ? 1 : b.severity === null ? -1 : a.severity.localeCompare(b.severity))),
    longest,
    owners: ownerItems(entries),
    totals: {
      incidents: entries.length,
      openItems: entries.reduce((sum, entry) => sum + entry.openItems, 0),
      overdueItems: entries.reduce((sum, entry) => sum + entry.overdueItems, 0),
    },
  };
}
