// Timeline entries run on in one line ("- 10:50 AM: … troubleshooting. - 11:00 AM: Traffic …"), as text
// pasted from a chat or a word processor often loses its line breaks. The model reads one entry a line,
// so every entry after the first is read as the first one's words. A run-on entry is told by its time
// written as the line's own is (the same shape: "2105hrs WAT" as "2100hrs WAT") and followed by the same
// separator (":" or "-"), after words and not after "at", "from" or "until" (a time inside a sentence).
// Entries parted by a line break written as HTML ("… (Internal ID 560528920.)<br> 21:14 - DNS …", as
// Flutter's postmortems write them, hard-wrapped) are run on too, on any line of the entry: a renderer
// shows each on a line of its own, but the model reads a time only where a line begins.
import type { PostmortemModel } from '../../core/model';
import type { TimelineEntry } from '../../core/timeline';
import { LINE_BREAK_TAG } from '../../core/inline';
import { findStamps } from '../../core/time/timestamp';

/** Where a run-on entry begins in its line. */
export interface RunOnSplit {
  /** Document offsets: the white space before the entry (replaced by a line break) and where its own text begins. */
  spaceStart: number;
  headStart: number;
  /** Whether the entry carries its own list marker ("- 11:00 AM: …"). */
  hasMarker: boolean;
  /** Parted from the one before by "<br>": the line break goes after the tag, which stays. */
  afterBreakTag: boolean;
  /** Its time as written. */
  time: string;
  timeStart: number;
  timeEnd: number;
}

/** Longer lines are not searched: no pasted timeline paragraph comes near it, and the search stays bounded. */
const MAX_LINE = 8000;
/** What may stand between a time and its separator: closing emphasis or parenthesis, spaces. */
const BEFORE_SEPARATOR = String.raw`(?:\*\*|__|[)\]]|[ \t])*`;
const TAIL = new RegExp(`${BEFORE_SEPARATOR}[:\\-–—]`, 'y');
/** What may stand just before a run-on time: a list marker, then opening emphasis. */
const HEAD = /(?:(?:^|[ \t])((?:[-*+]|\d{1,3}[.)])[ \t]+))?(?:\*\*|__)?$/;
/** A time after one of these words is part of a sentence ("restarted at 11:00 AM: no change"). */
const SENTENCE_WORD = /\b(?:at|from|until|till|to|by|since|around|about|between|and|or|after|before|on|of|as|than|past)$/i;

/** A written time's shape: its digits as one, its case and spacing ignored ("2100hrs WAT" → "0hrs wat"). */
function shapeOf(written: string): string {
  return written.toLowerCase().replace(/\d+/g, '0').replace(/\s+/g, ' ');
}

/**
 * A quick test for a time of `shape` followed by `tail` ("0:0 am" and ":"): most lines have none, and
 * are not read for times at all (a 10,000-entry timeline is checked at each edit). Kept by shape;
 * global, so that a test starts where the line's words do (lastIndex).
 */
const SHAPE_TESTS = new Map<string, RegExp>();
function shapeTest(shape: string, tail: string): RegExp {
  const key = `${shape}\n${tail}`;
  let test = SHAPE_TESTS.get(key);
  if (!test) {
    const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    const time = shape.split('0').map((part) => escape(part).replace(/ /g, '\\s*')).join('\\d+');
    const separator = escape(tail.slice(-1));
    test = new RegExp(`${time}${BEFORE_SEPARATOR}${separator}`, 'gi');
    if (SHAPE_TESTS.size > 100) SHAPE_TESTS.clear();
    SHAPE_TESTS.set(key, test);
  }
  return test;
}

/** What stands between a time ending at `at` and its separator, and the separator ("**:"), spaces left out. */
function tailAt(line: string, at: number): string | null {
  TAIL.lastIndex = at;
  const match = TAIL.exec(line);
  return match ? match[0].replace(/[ \t]+/g, '') : null;
}

/** Whether `offset` of `line` lies inside inline code (an odd number of backquotes before it). */
function inCode(line: string, offset: number): boolean {
  let ticks = 0;
  for (let i = 0; i < offset; i++) if (line.charCodeAt(i) === 96) ticks++;
  return ticks % 2 === 1;
}

/** The entries run on in `entry`: in its first line, and after a "<br>" on any of its lines, in order; none for table rows and headings. */
export function runOnSplits(model: PostmortemModel, entry: TimelineEntry): RunOnSplit[] {
  if ((entry.kind !== 'list-item' && entry.kind !== 'line') || !entry.stamp?.time || entry.unreadable) return [];
  const lead = leadOf(model, entry);
  if (!lead) return [];
  const inFirstLine = firstLineSplits(lead);
  const afterTags = breakTagSplits(model, entry, lead);
  if (afterTags.length === 0) return inFirstLine;
  // One found both ways is parted by its tag: a line break after it, as it renders.
  return [...inFirstLine.filter((split) => !afterTags.some((other) => other.timeStart === split.timeStart)), ...afterTags].sort((a, b) => a.timeStart - b.timeStart);
}

/** The entry's own time in its first line, and the separator after it, which every run-on entry repeats. */
interface Lead {
  raw: string;
  /** The line's offset in the document. */
  lineStart: number;
  timeStart: number;
  timeEnd: number;
  tail: string;
  /** Where the entry's words begin, past the separator. */
  wordsFrom: number;
}

function leadOf(model: PostmortemModel, entry: TimelineEntry): Lead | null {
  const line = model.lines.index.lines[entry.line];
  const raw = line.text;
  const timeStart = entry.timeStart - line.start;
  const timeEnd = entry.timeEnd - line.start;
  if (timeStart < 0 || timeEnd > raw.length) return null;
  const tail = tailAt(raw, timeEnd);
  return tail ? { raw, lineStart: line.start, timeStart, timeEnd, tail, wordsFrom: TAIL.lastIndex } : null;
}

const BREAK_TAG = new RegExp(String.raw`${LINE_BREAK_TAG.source}([ \t]+)`, 'gi');

/** Entries after a "<br>" and a space on the entry's lines: a time as the entry's own, its separator after it. */
function breakTagSplits(model: PostmortemModel, entry: TimelineEntry, lead: Lead): RunOnSplit[] {
  const { lines } = model.lines.index;
  // Most entries hold no tag: they are done with before any shape is taken.
  const tagged = lines.slice(entry.line, entry.lastLine + 1).some((line) => line.text.length <= MAX_LINE && line.text.includes('<'));
  if (!tagged) return [];
  const shape = shapeOf(lead.raw.slice(lead.timeStart, lead.timeEnd));
  const splits: RunOnSplit[] = [];
  for (let n = entry.line; n <= entry.lastLine; n++) {
    const { text: raw, start: lineStart } = lines[n];
    if (raw.length > MAX_LINE || !raw.includes('<')) continue;
    for (const tag of raw.matchAll(BREAK_TAG)) {
      const spaceStart = (tag.index as number) + tag[0].length - tag[1].length;
      const headStart = spaceStart + tag[1].length;
      const emphasis = /^(?:\*\*|__)?/.exec(raw.slice(headStart))?.[0] ?? '';
      const stamp = findStamps(raw.slice(headStart + emphasis.length), 'us')[0];
      if (!stamp?.time || stamp.start !== 0 || inCode(raw, headStart)) continue;
      const start = headStart + emphasis.length;
      const end = start + stamp.end;
      const written = raw.slice(start, end);
      if (shapeOf(written) !== shape || tailAt(raw, end) !== lead.tail) continue;
      splits.push({ spaceStart: lineStart + spaceStart, headStart: lineStart + headStart, hasMarker: false, afterBreakTag: true, time: written, timeStart: lineStart + start, timeEnd: lineStart + end });
    }
  }
  return splits;
}

/** The entries run on in the entry's first line, in order. */
function firstLineSplits({ raw, lineStart, timeStart: leadStart, timeEnd: leadEnd, tail, wordsFrom: from }: Lead): RunOnSplit[] {
  let wordsFrom = from;
  // Most lines hold no second separator: they are done with before any time is read.
  if (raw.length > MAX_LINE || raw.indexOf(tail[tail.length - 1], wordsFrom) === -1) return [];
  const shape = shapeOf(raw.slice(leadStart, leadEnd));
  const splits: RunOnSplit[] = [];
  const quick = shapeTest(shape, tail);
  quick.lastIndex = wordsFrom;
  if (!quick.test(raw)) return [];
  for (const stamp of findStamps(raw.slice(leadEnd), 'us')) {
    const start = leadEnd + stamp.start;
    const end = leadEnd + stamp.end;
    if (!stamp.time || start < wordsFrom) continue;
    const written = raw.slice(start, end);
    if (shapeOf(written) !== shape || tailAt(raw, end) !== tail || inCode(raw, start)) continue;
    const before = raw.slice(0, start);
    const head = HEAD.exec(before);
    const headStart = head ? start - head[0].length + (head[0].length - head[0].trimStart().length) : start;
    const space = /[ \t]+$/.exec(raw.slice(0, headStart));
    if (!space) continue;
    const spaceStart = headStart - space[0].length;
    // Words between the last entry's time and this one ("10:00 - 10:30 - …" is a range, not two entries).
    const words = raw.slice(wordsFrom, spaceStart);
    if (!/\p{L}/u.test(words) || SENTENCE_WORD.test(words.trimEnd())) continue;
    splits.push({ spaceStart: lineStart + spaceStart, headStart: lineStart + headStart, hasMarker: Boolean(head?.[1]), afterBreakTag: false, time: written, timeStart: lineStart + start, timeEnd: lineStart + end });
    wordsFrom = end;
  }
  return splits;
}
