// Reading the times and dates that postmortems write. A fast path of anchored (sticky) regular
// expressions covers the formats seen in real documents; chrono-node reads the free text it misses.
// Every pattern is linear: bounded repetitions, no nested quantifiers, so no catastrophic backtracking.
import * as chrono from 'chrono-node';
import { readZoneAt, type Zone } from './zones';

export interface CalendarDate {
  year: number | null;
  month: number; // 1-12
  day: number;
}

export interface ClockTime {
  hour: number; // 0-23
  minute: number;
  second: number;
}

export interface Stamp {
  start: number;
  end: number;
  date: CalendarDate | null;
  time: ClockTime | null;
  zone: Zone | null;
  /** How the time was written: true for "PM"/"am" clocks. */
  meridiem: boolean;
  /**
   * Readable, but written in a way that contradicts itself ("13:20 PM") or lacks its minutes ("3:AM").
   * Always set (if undefined): one object shape for V8.
   */
  warning?: TimeWarning;
}

export type TimeWarning = 'conflicting-meridiem' | 'incomplete';

export interface UnreadableTime {
  start: number;
  end: number;
  text: string;
  /** 'unrecognized': shaped like a date or time ("12/45 10:00", "Mar 45"), but no reader takes it. */
  reason: 'out-of-range' | 'conflicting-meridiem' | 'incomplete' | 'unrecognized';
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = /(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+/iy;

const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/y;
const NUMERIC_DATE = /(\d{1,2})([-/.–])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/y;
const DAY_MONTH_NAME_YEAR = new RegExp(`(\\d{1,2})/${MONTH}/(\\d{4})`, 'iy');
// "2025-Feb-07" (interchain's retros): ISO's order with the month's name.
const YEAR_MONTH_NAME_DAY = new RegExp(`(\\d{4})-${MONTH}-(\\d{1,2})(?!\\d)`, 'iy');
// An ordinal's letters, or the same raised in HTML, as word processors export them ("May 5<sup>th</sup>, 2023").
const ORDINAL = '(?:st|nd|rd|th|<sup>(?:st|nd|rd|th)</sup>)?';
// The year after a comma or space, or fused by a dash ("December 10–2019"); a comma may follow an
// abbreviation's period ("Feb., 20th, 2017").
// A year is this century's or the last: "Feb 7 1506 UTC" is a day and a time (interchain's retros).
const YEAR = String.raw`((?:19|20)\d{2})(?!\d|:\d|\s?(?:hrs?|HRS)\b|\s+(?:UTC|GMT)\b)`;
const MONTH_FIRST = new RegExp(`${MONTH}(?:(?<=\\.),)?\\s*(\\d{1,2})${ORDINAL}(?:\\s?[-–]\\s?\\d{1,2}${ORDINAL})?(?!\\d|:\\d)(?:(?:,?\\s*|[-–])${YEAR})?`, 'iy');
const DAY_FIRST = new RegExp(`(\\d{1,2})${ORDINAL}\\.?\\s+(?:of\\s+)?${MONTH}(?![a-z])(?:,?\\s*${YEAR})?`, 'iy');

// "14:00", "13:00:56", "12: 48"; or "15.25"/"17h30" (no seconds, and not part of "10.12:30").
const CLOCK = /(\d{1,2})(?:\s?:\s?(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?|[.h](\d{2}))(?!\d|[.:]\d)/y;
// "2100hrs", "1430 UTC", and the first of a range whose second has a zone: "0900–1300 PST".
// The hours' mark, in capitals too ("2305HRS EAT").
const HOURS_MARK = String.raw`\s*(?:hrs|hours|h|HRS|Hrs|HOURS|H)\b`;
const MILITARY = new RegExp(String.raw`(\d{2})(\d{2})(?=${HOURS_MARK}|\s+[A-Z]{2,4}\b|\s?[-–—]\s?\d{4}(?:${HOURS_MARK}|\s+[A-Z]{2,4}\b))(?:${HOURS_MARK})?`, 'y');
// Four digits with nothing after them, read only as the two ends of a range in words, "from 0233 to
// 0239", and only with a clock's leading zero or a day after ("from 1405 to 1530 on 15Sep94"): "from
// 1200 to 1500 requests" counts something, and "from 2019 to 2021" are years.
const MILITARY_RANGE_FROM = /(?<=\b(?:from|between)\s{1,3})([01]\d|2[0-3])([0-5]\d)(?=\s{0,3}(?:to|until|till|and|[-–—])\s{0,3}((?:[01]\d|2[0-3])[0-5]\d)(?!\d)(\s+on\s)?)/iy;
const MILITARY_RANGE_TO = /(?<=\b(?:from|between)\s{1,3}((?:[01]\d|2[0-3])[0-5]\d)\s{0,3}(?:to|until|till|and|[-–—])\s{0,3})([01]\d|2[0-3])([0-5]\d)(?!\d)(?=(\s+on\s)?)/iy;
const YEAR_LIKE = /^(?:19|20)\d\d$/;
// A timeline line that opens with four digits and a dash or colon: "0900 - First user report", also
// as a link's text ("[1758](https://…slack.com/…): Jake acknowledged", FT's incident notes); or a
// table's first cell that holds them alone: "| 0730 | operator | …".
const LEADING_MILITARY = /([01]\d|2[0-3])([0-5]\d)(?=(?:\]\([^)\s]*\))?\s?[-–—:]\s|[ \t]*\|)/y;
// A day and month without a year ("03-26", "12/05"), read only when a time follows: "[03-26 23:04]".
const MONTH_DAY = /(\d{1,2})([-/.])(\d{1,2})(?![\d]|[-/.]\d)/y;
// "6 PM", "9am"; and "3:AM", the colon typed with no minutes after it (an hour all the same).
const HOUR_ONLY = /(\d{1,2})(:(?=[ap]\.?m(?![a-z])))?(?=\s?[ap]\.?\s?m(?![a-z])\.?)/iy;
const MERIDIEM = /\s?([ap])\.?\s?m(?![a-z])\.?/iy;
const LOOKS_LIKE_TIME = /(\d{1,2})\s?:\s?(\d{0,2})(?:\s?([ap])\.?\s?m(?![a-z])\.?)?/iy;
const LEAD_WORDS = /(?:at|on|around|approximately|approx\.?|about|by|circa|ca\.|~|≈)\s*/iy;

function sticky(pattern: RegExp, text: string, position: number): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(text);
}

function validDate(year: number | null, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

function fullYear(text: string | undefined): number | null {
  if (!text) return null;
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

/**
 * How a numeric date is read when either part could be its month ("05/06/2024", "05-06-2024"):
 * 'usual' (the default) takes slashes month first, as in the US, and dashes and dots day first; 'us'
 * (a US zone) takes dashes month first too; 'day-first' and 'month-first' (the postmortem.dateOrder
 * setting) take every numeric date so, with or without a year.
 */
export type DateOrder = 'usual' | 'us' | 'day-first' | 'month-first';

// A numeric date with slashes and a year, as written anywhere in a document.
const SLASH_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(?:\d{4}|\d{2})(?![\d/])/g;

/**
 * 'day-first' when a document writes a slash date only day first can read ("13/10/2023") and none
 * only month first can ("6/13/2023"): its other slash dates ("05/06/2026") are written the same way.
 */
export function slashOrderWritten(text: string): 'day-first' | null {
  let dayFirst = false;
  for (const match of text.matchAll(SLASH_DATE)) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (second > 12 && first <= 12) return null;
    if (first > 12 && first <= 31 && second >= 1 && second <= 12) dayFirst = true;
  }
  return dayFirst ? 'day-first' : null;
}

export interface DateMatch {
  date: CalendarDate;
  end: number;
}

/** A calendar date written at `position`: ISO, numeric (day or month first), or with a month name. */
export function readDateAt(text: string, position: number, order: DateOrder = 'usual'): DateMatch | null {
  let at = position;
  const weekday = sticky(WEEKDAY, text, at);
  if (weekday) at = WEEKDAY.lastIndex;
  let match = sticky(ISO_DATE, text, at);
  if (match) {
    const date = validDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return date && { date, end: ISO_DATE.lastIndex };
  }
  match = sticky(NUMERIC_DATE, text, at);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    const year = fullYear(match[4]);
    // Unambiguous when one part cannot be a month; otherwise as `order` says.
    const monthFirst = first > 12 ? false : second > 12 ? true : order === 'day-first' ? false : order === 'month-first' || order === 'us' || match[2] === '/';
    const date = monthFirst ? validDate(year, first, second) : validDate(year, second, first);
    return date && { date, end: NUMERIC_DATE.lastIndex };
  }
  match = sticky(YEAR_MONTH_NAME_DAY, text, at);
  if (match) {
    const date = validDate(Number(match[1]), monthNumber(match[2]), Number(match[3]));
    return date && { date, end: YEAR_MONTH_NAME_DAY.lastIndex };
  }
  match = sticky(DAY_MONTH_NAME_YEAR, text, at);
  if (match) {
    const date = validDate(Number(match[3]), monthNumber(match[2]), Number(match[1]));
    return date && { date, end: DAY_MONTH_NAME_YEAR.lastIndex };
  }
  match = sticky(MONTH_FIRST, text, at);
  if (match) {
    const date = validDate(fullYear(match[3]), monthNumber(match[1]), Number(match[2]));
    return date && { date, end: MONTH_FIRST.lastIndex };
  }
  match = sticky(DAY_FIRST, text, at);
  if (match) {
    const date = validDate(fullYear(match[3]), monthNumber(match[2]), Number(match[1]));
    return date && { date, end: DAY_FIRST.lastIndex };
  }
  return null;
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}

/** "0233" as either end of "from 0233 to 0239": its hour and minute, or null. */
function militaryRangeEnd(text: string, position: number): { hour: number; minute: number } | null {
  const from = sticky(MILITARY_RANGE_FROM, text, position);
  if (from) return clockRange(from[1] + from[2], from[3], from[4] !== undefined) ? { hour: Number(from[1]), minute: Number(from[2]) } : null;
  const to = sticky(MILITARY_RANGE_TO, text, position);
  if (to) return clockRange(to[1], to[2] + to[3], to[4] !== undefined) ? { hour: Number(to[2]), minute: Number(to[3]) } : null;
  return null;
}

function clockRange(first: string, second: string, dayAfter: boolean): boolean {
  if (YEAR_LIKE.test(first) && YEAR_LIKE.test(second)) return false;
  return first.startsWith('0') || second.startsWith('0') || dayAfter;
}

type TimeResult = { time: ClockTime; end: number; meridiem: boolean; warning?: TimeWarning } | UnreadableTime;

/** A clock time at `position`: "14:00", "2:00 PM", "9:17am", "6 PM", "2100hrs", "13:00:00", "15.25". */
export function readTimeAt(text: string, position: number): TimeResult | null {
  let hour: number;
  let minute = 0;
  let second = 0;
  let end: number;
  let noMinutes = false;
  let range: { hour: number; minute: number } | null;
  let match = sticky(CLOCK, text, position);
  if (match && !(match[0].includes('.') && /^\d\.\d{2}\s*(?:%|hours?|hrs?|min)/i.test(text.slice(position, position + 12)))) {
    hour = Number(match[1]);
    minute = Number(match[2] ?? match[4]);
    second = match[3] ? Number(match[3]) : 0;
    end = CLOCK.lastIndex;
  } else if ((match = sticky(MILITARY, text, position))) {
    hour = Number(match[1]);
    minute = Number(match[2]);
    end = MILITARY.lastIndex;
    if (hour > 23 || minute > 59) return null;
  } else if ((range = militaryRangeEnd(text, position))) {
    ({ hour, minute } = range);
    end = position + 4;
  } else if ((match = sticky(HOUR_ONLY, text, position))) {
    hour = Number(match[1]);
    end = HOUR_ONLY.lastIndex;
    // "3:AM": read as 3 AM, but worth a warning (its minutes may be missing).
    noMinutes = match[2] !== undefined;
  } else {
    const partial = sticky(LOOKS_LIKE_TIME, text, position);
    if (partial && (partial[2] === '' || partial[2].length === 1)) {
      return { start: position, end: LOOKS_LIKE_TIME.lastIndex, text: partial[0].trim(), reason: 'incomplete' };
    }
    return null;
  }
  const meridiemMatch = sticky(MERIDIEM, text, end);
  const written = text.slice(position, meridiemMatch ? MERIDIEM.lastIndex : end);
  if (minute > 59 || second > 60) return { start: position, end, text: written, reason: 'out-of-range' };
  if (meridiemMatch) {
    end = MERIDIEM.lastIndex;
    const pm = meridiemMatch[1].toLowerCase() === 'p';
    if (hour > 12 && hour < 24 && pm) {
      // "13:20PM": a 24-hour clock with a redundant PM. Readable, but worth a warning.
      return { time: { hour, minute, second }, end, meridiem: true, warning: 'conflicting-meridiem' };
    }
    if (hour > 12 || (hour === 0 && pm)) return { start: position, end, text: written, reason: 'conflicting-meridiem' };
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
    return { time: { hour, minute, second }, end, meridiem: true, warning: noMinutes ? 'incomplete' : undefined };
  }
  if (hour > 23) return { start: position, end, text: written, reason: 'out-of-range' };
  return { time: { hour, minute, second }, end, meridiem: false, warning: undefined };
}

export function isUnreadable(value: unknown): value is UnreadableTime {
  return typeof value === 'object' && value !== null && 'reason' in value;
}

/** A zone right after a time: " UTC", " (UTC)", " [GMT+1]", " -PST", "Z". */
function readTrailingZone(text: string, position: number): { zone: Zone; end: number } | null {
  // A dash before the zone, not an offset's sign ("16:55:00 -0500") nor a range's ("00:37-00:41").
  const gap = /\s{0,3}([(\[]?)\s?(?:-(?!\d{4}(?![\d:])))?/y;
  gap.lastIndex = position;
  const opened = gap.exec(text)?.[1] !== '';
  const found = readZoneAt(text, gap.lastIndex, { bracketed: opened });
  if (!found) return null;
  let end = found.end;
  // The bracket closes with the zone only when it opened before it: "10:45 AM (UTC)", not the ")" of
  // "On 14th may 2023 (12pm GMT +1)", which opened before the time.
  const close = /\s?[)\]]/y;
  close.lastIndex = end;
  if (opened && close.exec(text)) end = close.lastIndex;
  return { zone: found.zone, end };
}

/**
 * A date and/or time written at `position`: "14:00 UTC", "10:45 AM (UTC)", "2021-06-03 9:00",
 * "June 7th, 2024, 13:00 (UTC)", "13:15 PST 29 april 2022", "10:00 AM UTC, April 10th", "May 20".
 */
export function readStampAt(text: string, position: number, order: DateOrder = 'usual'): Stamp | UnreadableTime | null {
  let at = position;
  const lead = sticky(LEAD_WORDS, text, at);
  if (lead) at = LEAD_WORDS.lastIndex;
  const start = at;
  const dateMatch = readDateAt(text, at, order);
  if (dateMatch) {
    const time = readTimeAfterDate(text, dateMatch.end);
    if (!time || isUnreadable(time)) {
      if (isUnreadable(time)) return time;
      return { start, end: dateMatch.end, date: dateMatch.date, time: null, zone: null, meridiem: false, warning: undefined };
    }
    return stampWithZone(text, start, dateMatch.date, time);
  }
  const monthDay = readMonthDayAt(text, at, order);
  if (monthDay) {
    const time = readTimeAfterDate(text, monthDay.end);
    if (time && !isUnreadable(time)) return stampWithZone(text, start, monthDay.date, time);
  }
  const time = readTimeAt(text, at);
  if (!time) return null;
  if (isUnreadable(time)) return time;
  at = time.end;
  const zone = readTrailingZone(text, at);
  if (zone) at = zone.end;
  // A date after the time: "10:00 AM UTC, April 10th", "13:15 PST 29 april 2022".
  const trailing = /\s{0,3}(?:,|on|of)?\s{0,3}/iy;
  trailing.lastIndex = at;
  trailing.exec(text);
  let date: CalendarDate | null = null;
  const after = readDateAt(text, trailing.lastIndex, order);
  if (after && (after.date.year !== null || /[a-z]/i.test(text.slice(trailing.lastIndex, after.end)))) {
    date = after.date;
    at = after.end;
  }
  return { start, end: at, date, time: time.time, zone: zone?.zone ?? null, meridiem: time.meridiem, warning: time.warning };
}

// "28 Feb 2017 (~1738)" (FT's incident notes): four digits in brackets right after a day are its time.
const BRACKETED_MILITARY = /\s?\(\s?[~≈]?([01]\d|2[0-3])([0-5]\d)\s?\)/y;

/** The time after a date, past any separator people put between them: space, "T", "/", ",", "@", " at ", a dash. */
function readTimeAfterDate(text: string, dateEnd: number): TimeResult | null {
  const bracketed = sticky(BRACKETED_MILITARY, text, dateEnd);
  // Not the year again: "March 3, 2024 (2024)".
  if (bracketed && !text.slice(Math.max(0, dateEnd - 4), dateEnd).includes(bracketed[1] + bracketed[2])) return { time: { hour: Number(bracketed[1]), minute: Number(bracketed[2]), second: 0 }, end: BRACKETED_MILITARY.lastIndex, meridiem: false, warning: undefined };
  // "2025-01-09 ~16:00 UTC", "May 3 around 14:00": a rough time after its day.
  const separator = /(?:\s*[,;]?\s*(?:at\s+|@\s*|[-–—]\s*|\/\s*|T)?(?:(?:~|≈|around\s+|about\s+|approx(?:\.|imately)?\s*|ca\.\s*)(?=\d))?)/iy;
  separator.lastIndex = dateEnd;
  separator.exec(text);
  return readTimeAt(text, separator.lastIndex);
}

function stampWithZone(text: string, start: number, date: CalendarDate, time: Exclude<TimeResult, UnreadableTime>): Stamp {
  const zone = readTrailingZone(text, time.end);
  return { start, end: zone?.end ?? time.end, date, time: time.time, zone: zone?.zone ?? null, meridiem: time.meridiem, warning: time.warning };
}

/**
 * A day and month with no year ("03-26", "12/05", "26.03"): as ISO 8601 without its year, month
 * first, except with dots (day first, as Europeans write them) or when only the other order is a date;
 * as the postmortem.dateOrder setting says when it says.
 */
export function readMonthDayAt(text: string, position: number, order: DateOrder): DateMatch | null {
  const match = sticky(MONTH_DAY, text, position);
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[3]);
  const monthFirst = first > 12 ? false : second > 12 ? true : order === 'day-first' ? false : order === 'month-first' || match[2] !== '.';
  const date = monthFirst ? validDate(null, first, second) : validDate(null, second, first);
  return date && { date, end: MONTH_DAY.lastIndex };
}

/** A timeline line's leading four-digit time before a dash or colon ("0900 - First report") or a table cell's end, with its zone. */
export function readLeadingMilitaryAt(text: string, position: number): Stamp | null {
  const match = sticky(LEADING_MILITARY, text, position);
  if (!match) return null;
  const zone = readTrailingZone(text, LEADING_MILITARY.lastIndex);
  return {
    start: position,
    end: zone?.end ?? LEADING_MILITARY.lastIndex,
    date: null,
    time: { hour: Number(match[1]), minute: Number(match[2]), second: 0 },
    zone: zone?.zone ?? null,
    meridiem: false,
    warning: undefined,
  };
}

/**
 * What chrono needs to find a clock time or a calendar day: a month or weekday name, a time-of-day
 * word, digits with ":", "h", "am"/"pm", "/" or "-", or "at" before a number. Prose without any of
 * these ("Paged 3 teams while the database...") never reaches it: chrono tries some forty patterns
 * on every call, and on a corpus-like run it was called on ~1.5 prose lines per file, all for nothing.
 */
const CHRONO_WORTHY = new RegExp([
  String.raw`\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b`,
  String.raw`\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b`,
  String.raw`\b(?:noon|midnight|morning|afternoon|evening|night|tonight|today|tomorrow|yesterday)\b`,
  String.raw`\d\s?(?:[:h]\s?\d|[ap]\.?m\b|[/-]\s?\d)|\bat\s+\d|o'?clock`,
].join('|'), 'i');

/**
 * How a written day or time opens a line: a word with a digit soon after ("Friday, 24 mar 2017",
 * "March 3 at 4pm", "Tomorrow at 10"), or one of the two times written without digits.
 */
const OPENS_LIKE_A_TIME = /^(?:[A-Za-z]{3,}\.?,?\s[^\n]{0,30}\d|(?:noon|midnight)\b)/i;

/** Casual words chrono reads relative to "now" (a fixed instant here): their day is no date. */
const RELATIVE_DAYS = ['casualReference/today', 'casualReference/tomorrow', 'casualReference/yesterday', 'casualReference/tonight', 'casualReference/now'];

/**
 * Free text the fast path cannot read ("Friday, 24 mar 2017 at 07:32:16 GMT"), through chrono; not a range.
 * Only text that opens like a written time and has the words of one goes to chrono, and only a
 * result that starts where the words start counts, so prose with a time inside does not; and only a
 * written day or clock time: "about 2 hours later" or "within 5 minutes" are spans of time, not
 * times, and "yesterday" or "now" say nothing of the incident's calendar.
 */
export function readStampWithChrono(text: string, position: number): Stamp | null {
  const slice = text.slice(position, position + 120);
  if (!OPENS_LIKE_A_TIME.test(slice.slice(0, 40)) || !CHRONO_WORTHY.test(slice)) return null;
  const [result] = chrono.parse(slice, { instant: new Date(Date.UTC(2000, 0, 1)) }, { forwardDate: false });
  if (!result || result.index > 3) return null;
  // "from 00:00 to May 20 at 13:15": a window told above the entries, not an event of its own.
  if (result.end && /^(?:from|between)\b/i.test(slice.trimStart())) return null;
  const components = result.start;
  const tags = components.tags();
  if (tags.has('result/relativeDate') || tags.has('casualReference/now')) return null;
  const relativeDay = RELATIVE_DAYS.some((tag) => tags.has(tag));
  const hasTime = components.isCertain('hour');
  const hasDay = !relativeDay && components.isCertain('day') && components.isCertain('month');
  if (!hasTime && !hasDay) return null;
  const offset = components.get('timezoneOffset');
  return {
    start: position + result.index,
    end: position + result.index + result.text.length,
    date: hasDay
      ? { year: components.isCertain('year') ? components.get('year') ?? null : null, month: components.get('month') ?? 1, day: components.get('day') ?? 1 }
      : null,
    time: hasTime ? { hour: components.get('hour') ?? 0, minute: components.get('minute') ?? 0, second: components.get('second') ?? 0 } : null,
    // chrono assigns its reference instant's zone to relative results: only a written zone counts.
    zone: offset === null || offset === undefined || !components.isCertain('timezoneOffset') ? null : { label: offsetLabel(offset), offsetMinutes: offset },
    meridiem: components.isCertain('meridiem'),
    warning: undefined,
  };
}

function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const absolute = Math.abs(minutes);
  return `UTC${sign}${Math.floor(absolute / 60)}${absolute % 60 ? ':' + String(absolute % 60).padStart(2, '0') : ''}`;
}

/** Every date or time written anywhere in `text`, left to right. */
export function findStamps(text: string, order: DateOrder = 'usual'): Stamp[] {
  const stamps: Stamp[] = [];
  const candidates = /(?<![\p{L}\d:.])(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*(?:\.,?)?\s*\d)/giu;
  let from = 0;
  for (const match of text.matchAll(candidates)) {
    const position = match.index ?? 0;
    if (position < from) continue;
    const stamp = readStampAt(text, position, order);
    // "nginx 1.18" is a version, not a time: in prose a dotted clock needs a zone or AM/PM.
    const dotted = stamp && !isUnreadable(stamp) && !stamp.date && !stamp.zone && !stamp.meridiem && /^\d{1,2}\.\d{2}$/.test(text.slice(stamp.start, stamp.end).trim());
    if (stamp && !isUnreadable(stamp) && !dotted) {
      stamps.push(stamp);
      from = stamp.end;
    }
  }
  return stamps;
}
