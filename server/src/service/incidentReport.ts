// The incident index as a report's tables (the CLI's `report`): each cell written once here, durations
// in the card's words ("2h 15m"), so the Markdown and HTML forms only lay them out.
import { formatDuration } from '../core/time/duration';
import type { IncidentIndexEntry, IncidentStats, IndexMetric, Spread } from '../protocol';
import { plural } from '../shared/plural';

/** The Markdown report's marker line: discovery never takes the file it is in for a postmortem. */
export { GENERATED_INDEX_MARKER } from '../core/detect';

export interface ReportIncidentRow {
  date: string;
  title: string;
  /** The file the title links to, as the entry names it. */
  path: string;
  severity: string;
  status: string;
  duration: string;
  timeToDetect: string;
  timeToResolve: string;
  openItems: number;
  overdueItems: number;
  problems: string;
}

export interface ReportMonthRow {
  month: string;
  incidents: number;
  duration: string;
  timeToDetect: string;
  timeToResolve: string;
}

export interface ReportOwnerRow {
  owner: string;
  open: number;
  overdue: number;
}

export interface IncidentReportTables {
  incidents: ReportIncidentRow[];
  months: ReportMonthRow[];
  undated: number;
  owners: ReportOwnerRow[];
  totals: IncidentStats['totals'];
}

const NONE = '–';

const minutes = (value: number | null | undefined) => (value === null || value === undefined ? NONE : formatDuration(value));

/** "1h 5m / 3h" : median and worst; a dash when no incident had the figure. */
const spreadText = (spread: Spread) => (spread.count === 0 ? NONE : `${minutes(spread.median)} / ${minutes(spread.worst)}`);

/** The incident's length, "(stated)" when it is the document's stated length rather than its window's. */
const durationText = (entry: IncidentIndexEntry) => (entry.durationFrom === 'stated' ? `${minutes(entry.durationMinutes)} (stated)` : minutes(entry.durationMinutes));

/** A figure, with how early its sign came when it came before the start ("0m (15m early)"). */
const figureText = (figure: IndexMetric | undefined) => (figure?.early === undefined ? minutes(figure?.minutes) : `${minutes(figure.minutes)} (${minutes(figure.early)} early)`);

function problemsText({ errors, warnings, information }: IncidentIndexEntry['problems']): string {
  const parts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '', information ? `${information} info` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'none';
}

/**
 * Months in a row without an incident as one row ("2025-08 to 2026-04"): a folder with incidents years
 * apart would otherwise list every month between them. `months`: newest first.
 */
function withQuietRuns(months: ReportMonthRow[]): ReportMonthRow[] {
  const rows: ReportMonthRow[] = [];
  for (let i = 0; i < months.length;) {
    let end = i;
    while (months[i].incidents === 0 && end + 1 < months.length && months[end + 1].incidents === 0) end++;
    rows.push(end === i ? months[i] : { ...months[i], month: `${months[end].month} to ${months[i].month}` });
    i = end + 1;
  }
  return rows;
}

/** `entries` in the order to show (newest first). */
export function incidentReportTables(entries: IncidentIndexEntry[], stats: IncidentStats): IncidentReportTables {
  return {
    incidents: entries.map((entry) => ({
      date: entry.date ?? NONE,
      title: entry.title ?? entry.path,
      path: entry.path,
      severity: entry.severity ?? NONE,
      status: entry.status ?? NONE,
      duration: durationText(entry),
      timeToDetect: figureText(entry.metrics.timeToDetect),
      timeToResolve: figureText(entry.metrics.timeToResolve),
      openItems: entry.openItems,
      overdueItems: entry.overdueItems,
      problems: problemsText(entry.problems),
    })),
    months: withQuietRuns([...stats.months].reverse().map((month) => ({
      month: month.month,
      incidents: month.incidents,
      duration: spreadText(month.durationMinutes),
      timeToDetect: spreadText(month.timeToDetect),
      timeToResolve: spreadText(month.timeToResolve),
    }))),
    undated: stats.undated,
    owners: stats.owners.map((owner) => ({ owner: owner.owner ?? '(no owner)', open: owner.open, overdue: owner.overdue })),
    totals: stats.totals,
  };
}
