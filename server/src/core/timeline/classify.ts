// The first step of reading a timeline: which lines are entries and what time each writes, which lines
// are dates for the entries below them, and which state a zone for them ("All times in CEST").
import type { LineReadings, MarkdownLines } from '../markdown';
import { plainText, skipLinePrefix } from '../inline';
import { tableCells } from '../tableRow';
import {
  isUnreadable, readLeadingMilitaryAt, readMonthDayAt, readStampAt, readStampWithChrono, readTimeAt, type CalendarDate, type DateOrder, type Stamp, type UnreadableTime,
} from '../time/timestamp';
import { findZone, readZoneAt, type Zone } from '../time/zones';
import type { EntryKind, TimelineEntry } from './types';

interface Candidate {
  kind: EntryKind;
  stamp: Stamp | null;
  unreadable: UnreadableTime | null;
  contentStart: number;
  /** A short label written before the time ("Escalation:" in "Escalation: 4:00 PM - …"), kept in the entry's words. */
  label: string | null;
}

/** What a timeline line says, from its text and kind alone (memoized; shared between versions). */
export type LineReading = Candidate & {
  entryText: string;
  timeText: string;
  /** Where the written time is in the line (the content's start when there is none). */
  timeStartInLine: number;
  timeEndInLine: number;
};

/** A line that is only a date ("May 20:", "### 2018-01-15"): it dates the entries below it. */
export interface DateLine {
  line: number;
  date: CalendarDate;
}

/** "Time" and "time zone" in Russian, Japanese, Chinese and Portuguese: "Время сервера UTC+5", "時刻 (JST)", "时间（UTC+8）". */
const TIME_WORDS_ELSEWHERE = /время|часов(?:ой|ого)\s+пояс|時刻|時間|タイムゾーン|时间|时区|hor[áa]rio|fuso\s+hor/i;

/** A line that gives the entries below it a zone: a date line's ("May 20 (PST)") or a note's. */
export interface ZoneLine {
  line: number;
  zone: Zone;
  source: 'date-line' | 'timeline-note';
}

export interface ClassifiedTimeline {
  /** The entries, their zones and dates not resolved yet ('none'). */
  entries: TimelineEntry[];
  /** In line order. */
  dateLines: DateLine[];
  /** In line order. */
  zoneLines: ZoneLine[];
}

/** The timeline's lines from `firstLine` to `lastLine` (inclusive), classified. */
export function classifyLines(md: MarkdownLines, firstLine: number, lastLine: number, order: DateOrder, memo?: LineReadings<LineReading | null>): ClassifiedTimeline {
  // Readings are shared with earlier versions (memoized): their lines are kept alongside, not copied in.
  const candidates: LineReading[] = [];
  const candidateLines: number[] = [];
  const dateLines: DateLine[] = [];
  const zoneLines: ZoneLine[] = [];
  for (let line = firstLine; line <= lastLine; line++) {
    const candidate = readCandidate(md, line, order, memo);
    const text = md.index.lines[line].text;
    if (candidate?.stamp && !candidate.stamp.time) {
      const rest = text.slice(candidate.stamp.end);
      dateLines.push({ line, date: candidate.stamp.date as CalendarDate });
      const zone = findZone(rest)?.zone;
      if (zone) zoneLines.push({ line, zone, source: 'date-line' });
      continue;
    }
    if (candidate) {
      candidates.push(candidate);
      candidateLines.push(line);
      continue;
    }
    const kind = md.info[line].kind;
    // A table's header row, its cells padded to the widest row: "| Date (UTC)      | Event      |".
    const header = kind === 'table-header' ? text.replace(/\s{2,}/g, ' ') : null;
    if (header !== null ? header.length < 300 && (/\b(?:(?:date)?times?|dates?|when|timestamps?|timezone|zone)\b/i.test(header) || TIME_WORDS_ELSEWHERE.test(header))
      : kind !== 'blank' && kind !== 'fenced-code' && kind !== 'indented-code' && text.length < 300 && (/\b(?:all\s+times|times?\b|timezone|time\s+zone|zone)/i.test(text) || TIME_WORDS_ELSEWHERE.test(text))) {
      // "All times in CEST", "*(All times US/Pacific, 24-hour clock.)*", a "Time (EAT)", "Date (UTC)" or "Datetime (UTC)" table header.
      const zone = findZone(plainText(header ?? text));
      if (zone) zoneLines.push({ line, zone: zone.zone, source: 'timeline-note' });
    } else if (header !== null) {
      // "| NZST | UTC | Event |": the first column's times are in the zone that heads it.
      const zone = zoneHeadingFirstColumn(text);
      if (zone) zoneLines.push({ line, zone, source: 'timeline-note' });
    }
  }
  const entries: TimelineEntry[] = [];
  for (let c = 0; c < candidates.length; c++) {
    const candidate = candidates[c];
    const line = candidateLines[c];
    const nextLine = candidateLines[c + 1] ?? lastLine + 1;
    const lineStart = md.index.lines[line].start;
    entries.push({
      kind: candidate.kind,
      line,
      lastLine: entryEnd(md, line, candidate.kind, nextLine, lastLine),
      timeStart: lineStart + candidate.timeStartInLine,
      timeEnd: lineStart + candidate.timeEndInLine,
      timeText: candidate.timeText,
      text: candidate.entryText,
      stamp: candidate.stamp,
      unreadable: candidate.unreadable,
      zone: null,
      zoneSource: 'none',
      date: null,
      dateSource: 'none',
      axis: null,
      rolledOver: false,
    });
  }
  return { entries, dateLines, zoneLines };
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

/** A line's candidate entry and its words; with a memo, kept by what they depend on: kind and text. */
function readCandidate(md: MarkdownLines, line: number, order: DateOrder, memo?: LineReadings<LineReading | null>): LineReading | null {
  const kind = candidateKind(md, line);
  if (!kind) return null;
  const text = md.index.lines[line].text;
  if (text.length > 10_000) return null;
  return memo ? memo.read(md, line, readLine, kind, order) : readLine(text, kind, order);
}

const LINK_TARGET = /^\]\([^)\s]*\)/;

/** The zone that is a table header's whole first cell ("| NZST | UTC | Event |"), or null. */
function zoneHeadingFirstColumn(text: string): Zone | null {
  const cell = tableCells(text)[0];
  if (!cell) return null;
  const written = plainText(text.slice(cell.start, cell.end)).trim();
  const found = written.length <= 40 ? readZoneAt(written, 0) : null;
  return found && found.end === written.length ? found.zone : null;
}

function readLine(text: string, kind: EntryKind, order: DateOrder): LineReading | null {
  const found = readCandidateText(text, kind, order);
  if (!found) return null;
  const end = found.stamp?.end ?? found.unreadable?.end ?? found.contentStart;
  const start = found.stamp?.start ?? found.unreadable?.start ?? found.contentStart;
  // A time that is a link's text, "[14:05](https://…): Jake acknowledged": the words start after the link.
  const after = text[start - 1] === '[' ? text.slice(end).replace(LINK_TARGET, '') : text.slice(end);
  const words = plainText(after).replace(/^[\s:;,.\-–—=>|)\]]+/, '');
  return {
    ...found,
    entryText: (found.label ? `${found.label}: ${words}` : words).slice(0, 200),
    timeText: text.slice(start, end).trim(),
    timeStartInLine: start,
    timeEndInLine: end,
  };
}

function readLeading(text: string, from: number, order: DateOrder): Stamp | UnreadableTime | null {
  const stamp = readStampAt(text, from, order) ?? readLeadingMilitaryAt(text, from);
  if (stamp) return stamp;
  // Free text the fast path does not know ("Friday, 24 mar 2017 at 07:32", "Noon"): chrono, for
  // lines that open like a written time.
  return readStampWithChrono(text, from);
}

// "1.February 12, 13:00 PM:": a list number fused to the date or time after it (no space, so no list).
const FUSED_ITEM_NUMBER = /\d{1,3}[.)](?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*\d|\d{1,2}:\d{2})/iy;
// A short label before the time: "Escalation: 4:00 PM", "**Detected:** **10:02 UTC**".
const LABEL = /([\p{L}][\p{L}'’&/ -]{0,40}?)[*_]{0,3}\s?:[*_]{0,3}[ \t]+/uy;
const MAX_LABEL_WORDS = 4;
/**
 * What opens like a date or time though no reader takes it: a clock ("12:75"), a numeric date with
 * or without a year ("2024-13-45", "45/12 10:00"), a month name and a number ("Mar 45"), "7 pm".
 */
const TIME_SHAPED = /(?:\d{1,2}\s?:\s?\d|\d{1,2}h\d{2}\b|\d{1,2}\s?[ap]\.?m\b|\d{4}[-/.]\d{1,2}\b|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\d{1,2}[-/]\d{1,2}[ T]\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s?\d{1,2}\b)/iy;

function sticky(pattern: RegExp, text: string, position: number): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(text);
}

// "### Day 1 - January 23, 2026": the day's number before its date (a held-out homelab report, set 13); "Day 1:" is a label.
const DAY_NUMBER = /(?:day|d[ií]a|jour)\s+\d{1,2}\s*[-–—]\s*/iy;

/** The time at a line's words, after a fused list number, a day's number or a short label; else what only looks like one. */
function readLineStart(text: string, contentStart: number, order: DateOrder): { found: Stamp | UnreadableTime; label: string | null } | null {
  const at = sticky(FUSED_ITEM_NUMBER, text, contentStart) ? FUSED_ITEM_NUMBER.lastIndex : sticky(DAY_NUMBER, text, contentStart) ? DAY_NUMBER.lastIndex : contentStart;
  const found = readLeading(text, at, order);
  if (found) return { found, label: null };
  const label = sticky(LABEL, text, at);
  if (label && label[1].trim().split(/\s+/).length <= MAX_LABEL_WORDS) {
    const labelled = readLeading(text, skipLinePrefix(text, LABEL.lastIndex), order);
    if (labelled) return { found: labelled, label: label[1].trim() };
  }
  const shaped = sticky(TIME_SHAPED, text, at);
  if (shaped) return { found: { start: at, end: TIME_SHAPED.lastIndex, text: shaped[0], reason: 'unrecognized' }, label: null };
  return null;
}

/**
 * A table row that is only a day without a year, "| 1/28 | |", dates the rows below it (a timeline
 * table whose days are rows of their own). Only with every other cell empty: "| 1/2 | of the nodes |" is no day.
 */
function dayRow(text: string, cells: ReturnType<typeof tableCells>, contentStart: number, order: DateOrder): Stamp | null {
  const day = readMonthDayAt(text, contentStart, order);
  if (!day || text.slice(day.end, cells[0].end).trim() !== '') return null;
  if (cells.slice(1).some((cell) => plainText(text.slice(cell.start, cell.end)).trim() !== '')) return null;
  return { start: contentStart, end: day.end, date: day.date, time: null, zone: null, meridiem: false, warning: undefined };
}

function readCandidateText(text: string, kind: EntryKind, order: DateOrder): Candidate | null {
  let contentStart: number;
  let found: Stamp | UnreadableTime | null;
  let label: string | null = null;
  if (kind === 'table-row') {
    const cells = tableCells(text);
    if (cells.length === 0) return null;
    contentStart = skipLinePrefix(text, cells[0].start);
    found = readLeading(text, contentStart, order);
    // "| 2019-11-29 | 12:00 | …": a date cell, then a time cell.
    if (found && !isUnreadable(found) && !found.time && cells[1]) {
      const timeAt = skipLinePrefix(text, cells[1].start);
      const time = readTimeAt(text, timeAt);
      if (time && !isUnreadable(time)) found = { ...found, end: time.end, time: time.time, meridiem: time.meridiem };
    }
    found ??= dayRow(text, cells, contentStart, order);
  } else {
    contentStart = skipLinePrefix(text);
    const read = readLineStart(text, contentStart, order);
    found = read?.found ?? null;
    label = read?.label ?? null;
  }
  if (!found) return null;
  if (isUnreadable(found)) return { kind, stamp: null, unreadable: found, contentStart, label };
  const unreadable: UnreadableTime | null = found.warning
    ? { start: found.start, end: found.end, text: text.slice(found.start, found.end).trim(), reason: found.warning }
    : null;
  return { kind, stamp: found, unreadable, contentStart, label };
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
