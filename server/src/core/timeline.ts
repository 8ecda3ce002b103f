// Timeline entries: every list item, table row, heading or line in the Timeline section that begins
// with a time, with its instant resolved from what the entry writes and what surrounds it.
import type { LineReadings, MarkdownLines } from './markdown';
import { plainText, skipLinePrefix } from './inline';
import {
  isUnreadable, readStampAt, readStampWithChrono, readTimeAt, type CalendarDate, type Stamp, type UnreadableTime,
} from './time/timestamp';
import { findZone, offsetMinutesAt, type Zone } from './time/zones';

export type ZoneSource = 'entry' | 'timeline-heading' | 'timeline-note' | 'date-line' | 'previous-entry' | 'summary' | 'document' | 'config' | 'none';
export type DateSource = 'entry' | 'date-line' | 'previous-entry' | 'timeline-heading' | 'summary' | 'document' | 'rollover' | 'none';
export type EntryKind = 'list-item' | 'table-row' | 'heading' | 'line';

export interface TimelineEntry {
  kind: EntryKind;
  /** First and last line of the entry with its nested content (inclusive). */
  line: number;
  lastLine: number;
  /** Document offsets of the written time. */
  timeStart: number;
  timeEnd: number;
  timeText: string;
  /** The entry's words after the time, plain. */
  text: string;
  stamp: Stamp | null;
  unreadable: UnreadableTime | null;
  zone: Zone | null;
  zoneSource: ZoneSource;
  date: CalendarDate | null;
  dateSource: DateSource;
  /** Minutes on the document's time axis (UTC when zones are known), or null when unreadable. */
  axis: number | null;
  /** Days added because the time went back past midnight. */
  rolledOver: boolean;
}

export interface TimelineContext {
  headingText: string;
  summaryZone: Zone | null;
  summaryDate: CalendarDate | null;
  documentZone: Zone | null;
  documentDate: CalendarDate | null;
  configZone: Zone | null;
  defaultYear: number | null;
  dayFirst: boolean;
}

/** A time going back by more than this is taken as the next day (11:50 PM then 12:10 AM). */
export const ROLLOVER_MINUTES = 6 * 60;

interface Candidate {
  kind: EntryKind;
  stamp: Stamp | null;
  unreadable: UnreadableTime | null;
  contentStart: number;
}

function candidateKind(md: MarkdownLines, line: number): EntryKind | null {
  const info = md.info[line];
  switch (info.kind) {
    case 'heading':
      return info.blockStart === line ? 'heading' : null;
    case 'table-row':
      return 'table-row';
    case 'paragraph':
      return info.itemStart ? 'list-item' : 'line';
    case 'indented-code':
    case 'html':
      return 'line';
    default:
      return null;
  }
}

function readLeading(text: string, from: number, dayFirst: boolean): Stamp | UnreadableTime | null {
  const stamp = readStampAt(text, from, dayFirst);
  if (stamp) return stamp;
  // Free text the fast path does not know ("Friday, 24 mar 2017 at 07:32", "Noon"): chrono, for
  // lines that open like a written time.
  return readStampWithChrono(text, from);
}

function tableCells(text: string): Array<{ start: number; end: number }> {
  const cells: Array<{ start: number; end: number }> = [];
  let start = text.indexOf('|') === -1 ? 0 : text.trimStart().startsWith('|') ? text.indexOf('|') + 1 : 0;
  for (let i = start; i <= text.length; i++) {
    if (i === text.length || (text[i] === '|' && text[i - 1] !== '\\')) {
      cells.push({ start, end: i });
      start = i + 1;
    }
  }
  return cells;
}

/** What a timeline line says, from its text and kind alone (memoized; shared between versions). */
export type LineReading = Candidate & {
  entryText: string;
  timeText: string;
  /** Where the written time is in the line (the content's start when there is none). */
  timeStartInLine: number;
  timeEndInLine: number;
};

/** A line's candidate entry and its words; with a memo, kept by what they depend on: kind and text. */
function readCandidate(md: MarkdownLines, line: number, dayFirst: boolean, memo?: LineReadings<LineReading | null>): LineReading | null {
  const kind = candidateKind(md, line);
  if (!kind) return null;
  const text = md.index.lines[line].text;
  if (text.length > 10_000) return null;
  return memo ? memo.read(md, line, readLine, kind, dayFirst) : readLine(text, kind, dayFirst);
}

function readLine(text: string, kind: EntryKind, dayFirst: boolean): LineReading | null {
  const found = readCandidateText(text, kind, dayFirst);
  if (!found) return null;
  const end = found.stamp?.end ?? found.unreadable?.end ?? found.contentStart;
  const start = found.stamp?.start ?? found.unreadable?.start ?? found.contentStart;
  return {
    ...found,
    entryText: plainText(text.slice(end)).replace(/^[\s:;,.\-–—=>|)\]]+/, '').slice(0, 200),
    timeText: text.slice(start, end).trim(),
    timeStartInLine: start,
    timeEndInLine: end,
  };
}

function readCandidateText(text: string, kind: EntryKind, dayFirst: boolean): Candidate | null {
  let contentStart: number;
  let found: Stamp | UnreadableTime | null;
  if (kind === 'table-row') {
    const cells = tableCells(text);
    if (cells.length === 0) return null;
    contentStart = skipLinePrefix(text, cells[0].start);
    found = readLeading(text, contentStart, dayFirst);
    // "| 2019-11-29 | 12:00 | …": a date cell, then a time cell.
    if (found && !isUnreadable(found) && !found.time && cells[1]) {
      const timeAt = skipLinePrefix(text, cells[1].start);
      const time = readTimeAt(text, timeAt);
      if (time && !isUnreadable(time)) found = { ...found, end: time.end, time: time.time, meridiem: time.meridiem };
    }
  } else {
    contentStart = skipLinePrefix(text);
    found = readLeading(text, contentStart, dayFirst);
  }
  if (!found) return null;
  if (isUnreadable(found)) return { kind, stamp: null, unreadable: found, contentStart };
  const unreadable: UnreadableTime | null = found.warning
    ? { start: found.start, end: found.end, text: text.slice(found.start, found.end).trim(), reason: found.warning }
    : null;
  return { kind, stamp: found, unreadable, contentStart };
}

function entryEnd(md: MarkdownLines, line: number, kind: EntryKind, nextEntryLine: number, sectionEnd: number): number {
  const limit = Math.min(nextEntryLine - 1, sectionEnd);
  const info = md.info[line];
  let end = line;
  if (kind === 'list-item' && info.item >= 0) {
    end = md.listItems[info.item].lastLine;
  } else if (kind === 'heading') {
    end = limit;
    for (let i = line + 1; i <= limit; i++) {
      if (md.info[i].kind === 'heading' && md.info[i].blockStart === i && md.info[i].depth <= info.depth) {
        end = i - 1;
        break;
      }
    }
  } else if (kind === 'line') {
    for (let i = line + 1; i <= limit; i++) {
      const next = md.info[i];
      if (next.kind === 'blank' || next.itemStart || next.kind === 'heading' || next.kind === 'table-header') break;
      end = i;
    }
  }
  end = Math.min(end, limit);
  while (end > line && md.info[end].kind === 'blank') end--;
  return Math.max(end, line);
}

function dayNumber(date: CalendarDate, defaultYear: number): number {
  return Math.floor(Date.UTC(date.year ?? defaultYear, date.month - 1, date.day) / 86_400_000);
}

function addDays(date: CalendarDate, days: number, defaultYear: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year ?? defaultYear, date.month - 1, date.day + days));
  return { year: date.year === null ? null : shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Minutes on the document's axis: days since 1970 (or since an arbitrary day when undated) and UTC. */
export function axisMinutes(date: CalendarDate | null, stamp: Stamp, zone: Zone | null, defaultYear: number, extraDays = 0): number {
  const time = stamp.time ?? { hour: 0, minute: 0, second: 0 };
  const day = (date ? dayNumber(date, defaultYear) : dayNumber({ year: defaultYear, month: 1, day: 1 }, defaultYear)) + extraDays;
  const local = day * 1440 + time.hour * 60 + time.minute + time.second / 60;
  if (!zone) return local;
  const approx = local * 60_000;
  return local - offsetMinutesAt(zone, approx);
}

export const PLACEHOLDER_YEAR = 2000;

export function readTimeline(md: MarkdownLines, firstLine: number, lastLine: number, context: TimelineContext, memo?: LineReadings<LineReading | null>): TimelineEntry[] {
  // Readings are shared with earlier versions (memoized): their lines are kept alongside, not copied in.
  const candidates: LineReading[] = [];
  const candidateLines: number[] = [];
  const dateLines = new Map<number, { date: CalendarDate; zone: Zone | null }>();
  const noteZones = new Map<number, Zone>();
  for (let line = firstLine; line <= lastLine; line++) {
    const candidate = readCandidate(md, line, context.dayFirst, memo);
    const text = md.index.lines[line].text;
    if (candidate?.stamp && !candidate.stamp.time) {
      // A line that is only a date ("May 20:", "### 2018-01-15") dates the entries below it.
      const rest = text.slice(candidate.stamp.end);
      dateLines.set(line, { date: candidate.stamp.date as CalendarDate, zone: findZone(rest)?.zone ?? null });
      continue;
    }
    if (candidate) {
      candidates.push(candidate);
      candidateLines.push(line);
      continue;
    }
    const kind = md.info[line].kind;
    if (kind !== 'blank' && kind !== 'fenced-code' && kind !== 'indented-code' && text.length < 300 && /\b(?:all\s+times|times?\b|timezone|time\s+zone|zone)/i.test(text)) {
      // "All times in CEST", "*(All times US/Pacific, 24-hour clock.)*", a "Time (EAT)" table header.
      const zone = findZone(plainText(text));
      if (zone) noteZones.set(line, zone.zone);
    }
  }
  const defaultYear = context.defaultYear ?? PLACEHOLDER_YEAR;
  const headingZone = findZone(context.headingText)?.zone ?? null;
  const entries: TimelineEntry[] = [];
  let currentZone: { zone: Zone; source: ZoneSource } | null = headingZone ? { zone: headingZone, source: 'timeline-heading' } : null;
  let previousEntryZone: Zone | null = null;
  let currentDate: { date: CalendarDate; source: DateSource } | null = null;
  let previousAxis: number | null = null;
  let undatedDays = 0;
  const fallbackDate: { date: CalendarDate; source: DateSource } | null = context.summaryDate
    ? { date: context.summaryDate, source: 'summary' }
    : context.documentDate ? { date: context.documentDate, source: 'document' } : null;
  let line = firstLine;
  for (let c = 0; c < candidates.length; c++) {
    const candidate = candidates[c];
    const candidateLine = candidateLines[c];
    for (; line < candidateLine; line++) {
      const dateLine = dateLines.get(line);
      if (dateLine) {
        currentDate = { date: dateLine.date, source: 'date-line' };
        if (dateLine.zone) currentZone = { zone: dateLine.zone, source: 'date-line' };
      }
      const note = noteZones.get(line);
      if (note) currentZone = { zone: note, source: 'timeline-note' };
    }
    line = candidateLine + 1;
    const nextLine = candidateLines[c + 1] ?? lastLine + 1;
    const lineStart = md.index.lines[candidateLine].start;
    const stamp = candidate.stamp;
    const entry: TimelineEntry = {
      kind: candidate.kind,
      line: candidateLine,
      lastLine: entryEnd(md, candidateLine, candidate.kind, nextLine, lastLine),
      timeStart: lineStart + candidate.timeStartInLine,
      timeEnd: lineStart + candidate.timeEndInLine,
      timeText: candidate.timeText,
      text: candidate.entryText,
      stamp,
      unreadable: candidate.unreadable,
      zone: null,
      zoneSource: 'none',
      date: null,
      dateSource: 'none',
      axis: null,
      rolledOver: false,
    };
    entries.push(entry);
    if (!stamp) continue;
    // The zone: written, else the timeline's, else the previous entry's, the summary's, the document's, the setting.
    if (stamp.zone) {
      entry.zone = stamp.zone;
      entry.zoneSource = 'entry';
      previousEntryZone = stamp.zone;
    } else if (currentZone) {
      entry.zone = currentZone.zone;
      entry.zoneSource = currentZone.source;
    } else if (previousEntryZone) {
      entry.zone = previousEntryZone;
      entry.zoneSource = 'previous-entry';
    } else if (context.summaryZone) {
      entry.zone = context.summaryZone;
      entry.zoneSource = 'summary';
    } else if (context.documentZone) {
      entry.zone = context.documentZone;
      entry.zoneSource = 'document';
    } else if (context.configZone) {
      entry.zone = context.configZone;
      entry.zoneSource = 'config';
    }
    // The date: written, else the date line above or the previous entry's, else the summary's.
    let date: { date: CalendarDate; source: DateSource } | null;
    if (stamp.date) {
      const year: number | null = stamp.date.year ?? currentDate?.date.year ?? fallbackDate?.date.year ?? null;
      date = { date: { ...stamp.date, year }, source: 'entry' };
    } else {
      date = currentDate ?? fallbackDate;
    }
    let axis = axisMinutes(date?.date ?? null, stamp, entry.zone, defaultYear, date ? 0 : undatedDays);
    if (!stamp.date && previousAxis !== null && axis < previousAxis - ROLLOVER_MINUTES) {
      // No date written and the clock went back by hours: the next day, not a mistake.
      const days = Math.ceil((previousAxis - ROLLOVER_MINUTES - axis) / 1440);
      axis += days * 1440;
      entry.rolledOver = true;
      if (date) {
        date = { date: addDays(date.date, days, defaultYear), source: 'rollover' };
        currentDate = date;
      } else {
        undatedDays += days;
      }
    }
    entry.date = date?.date ?? null;
    entry.dateSource = entry.rolledOver ? 'rollover' : date?.source ?? 'none';
    if (stamp.date) currentDate = { date: entry.date as CalendarDate, source: 'previous-entry' };
    entry.axis = axis;
    previousAxis = axis;
  }
  return entries;
}
