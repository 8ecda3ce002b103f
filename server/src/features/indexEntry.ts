// A postmortem as the incident index holds it: the wire entry (title, date, severity, status, window,
// lifecycle and metrics, action items, problem counts) and its timeline's words, for workspace/symbol.

import type { Settings } from '../core/config';
import { readBodyFields } from '../core/bodyFields';
import { startsWithLeadUp, statedWithinLeadUp } from '../core/leadUp';
import type { PostmortemModel } from '../core/model';
import type { IncidentIndexDetails, IncidentIndexEntry, IncidentIndexRow, IndexDurationSource, IndexMetric, MetricName } from '../protocol';
import { findingsOf } from '../rules/findings';
import { actionItemsResult } from './actionItems';
import { incidentResult } from './analysis';
import { calendarDateText, localDateTime } from '../core/time/format';
import { findStamps, type CalendarDate, type DateOrder } from '../core/time/timestamp';
import { titleOf } from './incidentCard';
import { incidentLifecycle } from './lifecycle';

/** Where the file is and what it was when read. */
export interface IndexedFileInfo {
  uri: string;
  path: string;
  mtime: number;
}

/** A timeline entry's words and line, as workspace/symbol finds them. */
export interface IndexedTimelineEntry {
  line: number;
  text: string;
}

export interface IndexedPostmortem {
  entry: IncidentIndexEntry;
  /**
   * The timeline's entries, one a line as "LINE<tab>WORDS": one string rather than an object per entry,
   * as a workspace's index holds thousands of postmortems (and sends each between processes once).
   */
  timeline: string;
}

/** Words on one line, runs of spaces as one; most are so already, and are left as they are (a scan packs thousands). */
function oneLine(text: string): string {
  return /[\t\n\r]| {2}|^ | $/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** The timeline held as one string (see IndexedPostmortem), with each entry's words on one line. */
export function packTimeline(entries: readonly IndexedTimelineEntry[]): string {
  return entries.map((entry) => `${entry.line}\t${oneLine(entry.text)}`).join('\n');
}

export function unpackTimeline(timeline: string): IndexedTimelineEntry[] {
  if (timeline === '') return [];
  return timeline.split('\n').map((row) => {
    const tab = row.indexOf('\t');
    return { line: Number(row.slice(0, tab)), text: row.slice(tab + 1) };
  });
}

const DAY = /^\d{4}-\d{2}-\d{2}/;

/** The first date with a year in a front matter title ("Post-mortem: Downtime on November 11, 2018", corpus 115). */
function titleDate(title: string | null | undefined, order: DateOrder): CalendarDate | null {
  if (!title) return null;
  return findStamps(title, order).find((stamp) => stamp.date?.year != null)?.date ?? null;
}

/** The earliest timeline entry's day that has a year, as written (corpus 028: the summary's times have no date, its entries do). */
function timelineDate(model: PostmortemModel): CalendarDate | null {
  let earliest: { axis: number; date: CalendarDate } | null = null;
  for (const entry of model.timeline) {
    if (entry.axis === null || !entry.date || entry.date.year === null) continue;
    if (!earliest || entry.axis < earliest.axis) earliest = { axis: entry.axis, date: entry.date };
  }
  return earliest?.date ?? null;
}

const withYear = (date: CalendarDate | null): CalendarDate | null => (date && date.year !== null ? date : null);

/**
 * The front matter's `date`, else the start's day where it happened, in its own zone (an outage that
 * began at 23:04 PDT on March 26 is March 26's, not the 27th's as UTC has it; a start that is a lead-up
 * yields to a date the document gives, as below), else the front matter
 * title's date, else the first full date the document writes before its timeline ("# Incident Report -
 * February 4th, 2019", "On 31st July 2018 …"), else its earliest dated entry; YYYY-MM-DD or null.
 */
function incidentDate(model: PostmortemModel, settings: Settings): string | null {
  const written = model.frontMatter?.date?.match(DAY)?.[0];
  if (written) return written;
  const order: DateOrder = settings.dateOrder === 'auto' ? 'usual' : settings.dateOrder;
  const told = () => titleDate(model.frontMatter?.title, order) ?? withYear(model.documentDate);
  const start = model.incident.start;
  if (start?.date && start.date.year !== null) {
    // A window that opens on a lead-up (the change merged days before) dates the change, not the
    // outage: the date the writer gives the incident, when there is one, comes first (corpus 070).
    const given = startsWithLeadUp(model) ? told() : null;
    return given ? calendarDateText(given) : localDateTime(start).match(DAY)?.[0] ?? null;
  }
  const date = told() ?? timelineDate(model);
  return date && calendarDateText(date);
}

/**
 * The incident's length: its window's, or the length the document states where it gives no window, or
 * where the window opens on a lead-up and the stated length is shorter (corpus 070: PR merged eight days
 * before the outage, "Incident Duration 3h 45m"). Such a window only bounds the outage from above.
 */
function incidentDuration(model: PostmortemModel): { minutes: number; from: IndexDurationSource } | null {
  const { durationMinutes: spanned, statedDurationMinutes: stated } = model.incident;
  const within = statedWithinLeadUp(model);
  if (within) return { minutes: within.minutes, from: 'stated' };
  if (spanned !== null) return { minutes: spanned, from: 'window' };
  return stated === null ? null : { minutes: stated, from: 'stated' };
}

export function indexedPostmortem(model: PostmortemModel, settings: Settings, now: Date, file: IndexedFileInfo): IndexedPostmortem {
  const incident = incidentResult(model);
  const actionItems = actionItemsResult(model, now);
  const problems = { errors: 0, warnings: 0, information: 0 };
  for (const finding of findingsOf(model, settings, now)) {
    if (finding.severity === 'error') problems.errors++;
    else if (finding.severity === 'warning') problems.warnings++;
    // The wire has three counts: hints count as information.
    else problems.information++;
  }
  const { lifecycle, metrics } = incidentLifecycle(model, settings);
  const duration = incidentDuration(model);
  const front = model.frontMatter;
  // Written in the text ("**Severity:** High", "| 重大度 | SEV-3 |") where the front matter says nothing.
  const body = front?.severity && front.status ? { severity: null, status: null } : readBodyFields(model);
  const entry: IncidentIndexEntry = {
    uri: file.uri,
    path: file.path,
    title: front?.title ?? titleOf(model),
    date: incidentDate(model, settings),
    severity: front?.severity ?? body.severity,
    status: front?.status ?? body.status,
    start: incident.start,
    end: incident.end,
    durationMinutes: duration?.minutes ?? null,
    durationFrom: duration?.from ?? null,
    lifecycle,
    metrics: Object.fromEntries(Object.entries(metrics).map(([name, figure]) => [name, { minutes: figure.minutes, from: figure.from.moment, to: figure.to.moment, ...(figure.early === undefined ? {} : { early: figure.early }) }])) as Partial<Record<MetricName, IndexMetric>>,
    actionItems: actionItems.map(({ text, line, owner, due, ticket, status, done, overdue }) => ({ text, line, owner, due, ticket, status, done, overdue })),
    openItems: actionItems.filter((item) => !item.done).length,
    overdueItems: actionItems.filter((item) => item.overdue).length,
    problems,
    mtime: file.mtime,
  };
  return { entry, timeline: packTimeline(model.timeline) };
}

/**
 * An entry as `postmortem/index` lists it: every field but the lifecycle and the action items, written
 * out one by one, as the wire would carry any extra field an object spread kept.
 */
export function indexRow(entry: IncidentIndexEntry): IncidentIndexRow {
  return {
    uri: entry.uri,
    path: entry.path,
    title: entry.title,
    date: entry.date,
    severity: entry.severity,
    status: entry.status,
    start: entry.start,
    end: entry.end,
    durationMinutes: entry.durationMinutes,
    durationFrom: entry.durationFrom,
    metrics: entry.metrics,
    openItems: entry.openItems,
    overdueItems: entry.overdueItems,
    problems: entry.problems,
    mtime: entry.mtime,
  };
}

/** What `postmortem/indexDetails` gives of an entry. */
export function indexDetails(entry: IncidentIndexEntry): IncidentIndexDetails {
  return { uri: entry.uri, lifecycle: entry.lifecycle, actionItems: entry.actionItems };
}
