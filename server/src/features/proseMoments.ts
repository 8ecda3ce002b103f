// Moments stated in a sentence rather than a timeline entry: "The issue was first noticed at 12:10 pm on
// the recipient of alerts" (corpus 048, under "Detection and duration"), "The issue has been detected the
// 02/02/2022 at 5:PM" (020, whose timeline is prose answers), a template's "- **Acknowledged:** 14:08 UTC".
// The lifecycle asks here only when no timeline entry gives the moment.
import { parseZoneSetting, type Settings } from '../core/config';
import { findStamps, type CalendarDate, type Stamp } from '../core/time/timestamp';
import type { Zone } from '../core/time/zones';
import type { PostmortemModel } from '../core/model';
import type { Header } from '../core/sections';
import { axisMinutes, PLACEHOLDER_YEAR } from '../core/timeline';
import { saysWords } from './milestones';
import type { MilestoneKind } from '../protocol';

export interface ProseMoment {
  /** 0-based line of the time. */
  line: number;
  /** The words that say it ("noticed"). */
  word: string;
  axis: number;
  date: CalendarDate | null;
  zone: Zone | null;
}

/**
 * Sections whose sentences are about the next time (the measures, the action items, the lessons) or
 * other times (a backlog check, earlier recurrences), or pasted material (the appendix): a time there marks nothing of this incident. By the profile's ids, and
 * by the titles of headings the profile does not know ("Follow-ups", "Lessons learned" in the default).
 */
const NOT_THIS_INCIDENT = new Set(['corrective-and-preventive-measures', 'action-items', 'lessons-learned', 'howd-we-do', 'messaging', 'supporting-information', 'backlog-check', 'recurrence']);
const NEXT_TIME_TITLE = /\b(?:lessons?|learn(?:ed|t|ings?)|follow[\s-]?ups?|next\s+steps|action\s+items?|prevent(?:ive|ative|ion)|corrective|going\s+forward|future|appendix|supporting\s+information)\b/i;
/** "We will add alerting at 09:00": a sentence about what is to come. */
const TO_COME = /\b(?:will|would|should|shall|must|going\s+to|plan(?:s|ned)?\s+to|expected|scheduled|estimated)\b/i;
/** "Disk alerts were added at 14:30 to detect it sooner": the words say what for, not what happened. */
const PURPOSE = /\bto\s+$/i;
/** A sentence ends at . ! ? followed by a space ("p.m." stays in one piece: no space inside it). */
const SENTENCE_END = /(?<=[.!?])\s+/;

// The lines a sentence may tell a moment on, found once per model: every moment but the start asks.
const proseLinesByModel = new WeakMap<PostmortemModel, Uint8Array>();
function proseLines(model: PostmortemModel): Uint8Array {
  let read = proseLinesByModel.get(model);
  if (!read) {
    read = readableLines(model);
    proseLinesByModel.set(model, read);
  }
  return read;
}

/** Lines outside timeline entries and sections about the next time: where a sentence may tell a moment. */
function readableLines(model: PostmortemModel): Uint8Array {
  const { index, info } = model.lines;
  const read = new Uint8Array(index.lineCount);
  for (let i = 0; i < index.lineCount; i++) {
    const kind = info[i].kind;
    if (kind === 'paragraph' || kind === 'indented-code') read[i] = 1;
  }
  for (const entry of model.timeline) read.fill(0, entry.line, entry.lastLine + 1);
  const headings: Array<Header & { specId?: string | null; endLine?: number }> = [...model.sections, ...model.otherHeadings].sort((a, b) => a.line - b.line);
  headings.forEach((heading, h) => {
    const nextTime = (heading.id !== null && NOT_THIS_INCIDENT.has(heading.id)) || (heading.specId != null && NOT_THIS_INCIDENT.has(heading.specId)) || NEXT_TIME_TITLE.test(heading.title);
    if (!nextTime) return;
    // To the next heading of its level or above (its subsections are about the next time too).
    const next = headings.slice(h + 1).find((other) => other.depth <= heading.depth);
    read.fill(0, heading.line, Math.max(next ? next.line : index.lineCount, (heading.endLine ?? -1) + 1));
  });
  return read;
}

/**
 * The earliest moment of `kind` a sentence states with exactly one time (two times are a span, not a
 * moment), placed on the axis of the incident's start: its zone and date unless the sentence writes its
 * own. Only within the incident: from as far before its start as it lasted, to its end.
 */
export function proseMoment(model: PostmortemModel, settings: Settings, kind: MilestoneKind | 'acknowledged', pattern: RegExp): ProseMoment | null {
  const start = model.incident.start;
  const end = model.incident.end;
  if (!start || !end || end.axis <= start.axis) return null;
  const configZone = parseZoneSetting(settings.timeZone);
  const defaultYear = start.date?.year ?? model.documentDate?.year ?? PLACEHOLDER_YEAR;
  const lines = model.lines.index.lines;
  const read = proseLines(model);
  let best: ProseMoment | null = null;
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line].text;
    // Most lines have no time, or none of the words: each line is looked at whole first.
    if (!read[line] || text.length > 2000 || !/\d/.test(text) || !pattern.test(text)) continue;
    for (const sentence of text.split(SENTENCE_END)) {
      const found = sentenceMoment(sentence, kind, pattern);
      if (!found) continue;
      const { word, stamp } = found;
      const zone = stamp.zone ?? start.zone ?? model.summary?.zone ?? model.documentZone ?? configZone;
      const date = stamp.date ? { ...stamp.date, year: stamp.date.year ?? start.date?.year ?? null } : start.date;
      let axis = axisMinutes(date, stamp, zone, defaultYear);
      // "at 00:20" after a start at 23:50, written without its date: the next day's.
      if (!stamp.date && axis < start.axis && axis + 1440 <= end.axis) axis += 1440;
      if (axis < start.axis - (end.axis - start.axis) || axis > end.axis) continue;
      if (!best || axis < best.axis) best = { line, word, axis, date, zone };
    }
  }
  return best;
}

/** The words of `kind` a sentence says, and its one time; null unless it has both (and tells no future). */
function sentenceMoment(sentence: string, kind: MilestoneKind | 'acknowledged', pattern: RegExp): { word: string; stamp: Stamp } | null {
  const word = saysWords(sentence, kind, pattern);
  if (!word || TO_COME.test(sentence) || PURPOSE.test(sentence.slice(0, sentence.indexOf(word)))) return null;
  const stamps = findStamps(sentence).filter((stamp) => stamp.time !== null);
  return stamps.length === 1 ? { word, stamp: stamps[0] } : null;
}
