// The third step: each timed entry's date and its place on the document's time axis.
import { offsetMinutesAt, type Zone } from '../time/zones';
import type { CalendarDate, Stamp } from '../time/timestamp';
import type { DateLine } from './classify';
import type { DateSource, TimelineContext, TimelineEntry } from './types';

/** A time going back by more than this is taken as the next day (11:50 PM then 12:10 AM). */
export const ROLLOVER_MINUTES = 6 * 60;

export const PLACEHOLDER_YEAR = 2000;

/**
 * Sets the date and axis of each entry with a time (its zone resolved): the date written, else the
 * date line above or the previous entry's, else the summary's or the document's; a clock that goes
 * back by hours with no date written is the next day; a written date that goes back while the clock
 * goes on is a slip, read on the day above (slipsOnTheDate), as is a date copied down past midnight
 * into a day the summary names (nextDayBySummary).
 */
export function resolveDates(entries: TimelineEntry[], dateLines: DateLine[], context: TimelineContext): void {
  const defaultYear = context.defaultYear ?? PLACEHOLDER_YEAR;
  // Widened by hand: the loop header reads it, and TypeScript would narrow it to null there.
  let currentDate = null as { date: CalendarDate; source: DateSource } | null;
  let previousAxis: number | null = null;
  let axisBeforePrevious: number | null = null;
  let undatedDays = 0;
  let previousWeekday: number | null = null;
  const fallbackDate: { date: CalendarDate; source: DateSource } | null = context.summaryDate
    ? { date: context.summaryDate, source: 'summary' }
    : context.documentDate ? { date: context.documentDate, source: 'document' } : null;
  const ascending = mostlyAscending(entries, defaultYear);
  const twelveHour = twelveHourDays(entries);
  let next = 0;
  for (const entry of entries) {
    for (; next < dateLines.length && dateLines[next].line < entry.line; next++) {
      // "May 20:" over the entries, in a document of 2020: the year is the one around it.
      currentDate = { date: withYearAround(dateLines[next].date, currentDate?.date ?? null, fallbackDate?.date ?? null), source: 'date-line' };
    }
    const stamp = entry.stamp;
    if (!stamp) continue;
    let date: { date: CalendarDate; source: DateSource } | null;
    if (stamp.date) {
      date = { date: withYearAround(stamp.date, currentDate?.date ?? null, fallbackDate?.date ?? null), source: 'entry' };
    } else {
      date = currentDate ?? fallbackDate;
    }
    let axis = axisMinutes(date?.date ?? null, stamp, entry.zone, defaultYear, date ? 0 : undatedDays);
    if (twelveHour.has(dayKey(entry)) && inTheAfternoon(entry, axis, previousAxis)) axis += 720;
    const slip = stamp.date && currentDate && previousAxis !== null && axis < previousAxis && ascending
      ? slipsOnTheDate(entries, entry, currentDate.date, previousAxis, defaultYear) ?? nextDayBySummary(entries, entry, currentDate.date, previousAxis, context, defaultYear)
      : null;
    if (slip !== null && date) {
      entry.writtenDate = date.date;
      date = { date: slip.date, source: 'slip' };
      axis = slip.axis;
    }
    /** The entry read `days` after the day it would have: its date, or the undated days, move on with it. */
    const rollOver = (days: number) => {
      entry.rolledOver = true;
      if (date) {
        date = { date: addDays(date.date, days, defaultYear), source: 'rollover' };
        currentDate = date;
      } else {
        undatedDays += days;
      }
    };
    // "12:15 AM" after "12:00 PM", "12:20 PM" after "11:50 PM": twelve o'clock's half of the day written
    // the other way, a common slip, when the other reading is minutes after the entry before.
    const twelve = twelveWrittenTheOtherWay(stamp, axis, previousAxis);
    if (twelve !== null) {
      axis = twelve.axis;
      entry.twelveSlip = true;
      if (twelve.nextDay) rollOver(1);
    }
    // "01:16" between "12:00" and "14:03": the afternoon, on a day otherwise written on a 24-hour clock.
    if (!stamp.date && afternoonOnA24HourClock(entries, entry, axis, previousAxis)) axis += 720;
    // "**15:00 UTC(Sat)**" under "**20:30 UTC**" (a status page's updates): a day named anew is a new day,
    // however little the clock goes back.
    const weekday = stamp.date ? null : weekdayOf(entry);
    const back = weekday !== null && weekday !== previousWeekday ? 0 : ROLLOVER_MINUTES;
    if (!stamp.date && previousAxis !== null && axis < previousAxis - back && (back === 0 || (!resumesTheDay(entries, entry, previousAxis, axis, date?.date ?? null, defaultYear, date ? 0 : undatedDays)
      && !followsTheOneBefore(axis, axisBeforePrevious)))) {
      // No date written and the clock went back by hours: the next day, not a mistake.
      const days = Math.ceil((previousAxis - back - axis) / 1440);
      axis += days * 1440;
      rollOver(days);
    }
    entry.date = date?.date ?? null;
    entry.dateSource = entry.rolledOver ? 'rollover' : date?.source ?? 'none';
    if (stamp.date) currentDate = { date: entry.date as CalendarDate, source: 'previous-entry' };
    entry.axis = axis;
    axisBeforePrevious = previousAxis;
    previousAxis = axis;
    previousWeekday = stamp.date ? null : weekday ?? (entry.rolledOver ? null : previousWeekday);
  }
}

/**
 * The days of a timeline written on a twelve-hour clock with no AM or PM: no hour past 12 that day, and
 * noon passed ("12:23", "12:39", then "1:50", "4:50", "5:04" on 2015-02-27, the Chef 12.2.0 postmortem,
 * whose evening before is written "19:00", "20:00"). Keyed by the date written, or '' for undated entries.
 */
function twelveHourDays(entries: readonly TimelineEntry[]): Set<string> {
  const days = new Map<string, boolean>();
  for (const entry of entries) {
    const time = entry.stamp?.time;
    if (!time) continue;
    const day = dayKey(entry);
    if (entry.stamp?.meridiem || time.hour > 12) days.set(day, false);
    else if (time.hour === 12 && days.get(day) !== false) days.set(day, true);
  }
  return new Set([...days].filter(([, twelve]) => twelve).map(([day]) => day));
}

function dayKey(entry: TimelineEntry): string {
  const date = entry.stamp?.date;
  return date ? `${date.year ?? ''}-${date.month}-${date.day}` : '';
}

/** How far past the entry before an afternoon so read may come. */
const AFTERNOON_MINUTES = 6 * 60;

/**
 * On such a clock, "1:50" (no leading zero) after "12:39" is 1:50 PM: where it would go back by hours,
 * twelve hours on it comes soon after the entry before.
 */
function inTheAfternoon(entry: TimelineEntry, axis: number, previousAxis: number | null): boolean {
  const time = entry.stamp?.time;
  if (!time || time.hour < 1 || time.hour > 11 || previousAxis === null || axis >= previousAxis) return false;
  const hour = /(\d{1,2}):\d{2}(?!.*\d:\d)/.exec(entry.timeText)?.[1];
  if (!hour || hour.startsWith('0')) return false;
  const later = axis + 720 - previousAxis;
  return later >= 0 && later <= AFTERNOON_MINUTES;
}

/** How many entries ahead the 24-hour time that resumes an afternoon may be. */
const AFTERNOON_RESUMED_WITHIN = 8;

/**
 * "12:00", "01:16", "01:47", "01:56", "14:03" on a day otherwise written on a 24-hour clock (held-out
 * set 11's vendor outage): the afternoon's first hours written on a twelve-hour clock, not a night that
 * passed. So read where, twelve hours on, the time comes soon after the entry before, and the next
 * entry on the 24-hour clock (an hour past 12, no date written) comes after it on the same day.
 */
function afternoonOnA24HourClock(entries: readonly TimelineEntry[], entry: TimelineEntry, axis: number, previousAxis: number | null): boolean {
  const time = entry.stamp?.time;
  if (!time || entry.stamp?.meridiem || time.hour < 1 || time.hour > 11 || previousAxis === null || axis >= previousAxis - ROLLOVER_MINUTES) return false;
  const later = axis + 720 - previousAxis;
  if (later < 0 || later > AFTERNOON_MINUTES) return false;
  const from = entries.indexOf(entry) + 1;
  for (let i = from; i < Math.min(entries.length, from + AFTERNOON_RESUMED_WITHIN); i++) {
    const stamp = entries[i].stamp;
    if (!stamp?.time) continue;
    if (stamp.date || stamp.meridiem) return false;
    if (stamp.time.hour < 12) continue;
    const minutes = stamp.time.hour * 60 + stamp.time.minute;
    return minutes >= time.hour * 60 + time.minute + 720;
  }
  return false;
}

/** How soon after the entry before a twelve o'clock written the other way must come to be read so. */
const TWELVE_SLIP_MINUTES = 90;

/**
 * An undated "12:mm AM" that, read as 12:mm PM, comes minutes after the entry before (which it would
 * otherwise go back from by hours), or a "12:mm PM" that, read as the next day's 12:mm AM, does: where
 * it stands then. Both readings are twelve hours on.
 */
function twelveWrittenTheOtherWay(stamp: Stamp, axis: number, previousAxis: number | null): { axis: number; nextDay: boolean } | null {
  if (!stamp.meridiem || !stamp.time || stamp.date || previousAxis === null || axis >= previousAxis) return null;
  if (stamp.time.hour !== 0 && stamp.time.hour !== 12) return null;
  const other = axis + 720;
  return other >= previousAxis && other - previousAxis <= TWELVE_SLIP_MINUTES ? { axis: other, nextDay: stamp.time.hour === 12 } : null;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_WORD = String.raw`(sun|mon|tue|wed|thu|fri|sat)(?:day|s|sday|nesday|rs|rsday|urday)?\.?`;
/** A weekday in an entry's time ("Sat 16:00 UTC") or right after it ("15:00 UTC(Sat)"). */
const WEEKDAY_IN_TIME = new RegExp(String.raw`\b${WEEKDAY_WORD}(?![a-z])`, 'i');
const WEEKDAY_AFTER_TIME = new RegExp(String.raw`^\(\s*${WEEKDAY_WORD}\s*\)`, 'i');

/** The weekday an undated entry names with its time (0 is Sunday), or null. */
function weekdayOf(entry: TimelineEntry): number | null {
  const named = WEEKDAY_IN_TIME.exec(entry.timeText) ?? WEEKDAY_AFTER_TIME.exec(entry.text);
  return named ? WEEKDAYS.indexOf(named[1].toLowerCase()) : null;
}

/** The first entry after `entry` with a time of day: what every reading of a step back in time looks ahead to. */
function nextTimedEntry(entries: readonly TimelineEntry[], entry: TimelineEntry): TimelineEntry | undefined {
  for (let i = entries.indexOf(entry) + 1; i < entries.length; i++) if (entries[i].stamp?.time) return entries[i];
  return undefined;
}

/** The entries whose date is written, with where it puts them (as written). */
function writtenAxes(entries: readonly TimelineEntry[], defaultYear: number): number[] {
  const axes: number[] = [];
  for (const entry of entries) {
    if (entry.stamp?.date && entry.stamp.time) axes.push(axisMinutes(entry.stamp.date, entry.stamp, entry.zone, defaultYear));
  }
  return axes;
}

/**
 * Whether the written dates mostly go forward: a timeline written newest first (a status page's
 * updates) goes back at every step, and none of its dates is a slip.
 */
function mostlyAscending(entries: readonly TimelineEntry[], defaultYear: number): boolean {
  const axes = writtenAxes(entries, defaultYear);
  let back = 0;
  for (let i = 1; i < axes.length; i++) if (axes[i] < axes[i - 1]) back++;
  return back * 2 < axes.length - 1;
}

/**
 * "### 2021-06-28 14:09", then "### 2021-06-11 14:15" (corpus 059): a written date that goes back by
 * days while the time goes on is a slip of the date, as a person reads it, when on the day of the entry
 * above the time comes after it (within the day) and the next timed entry, its date slipped alike, comes
 * after that. Returns the entry's day and place on it; null when the date is not a slip.
 */
function slipsOnTheDate(entries: readonly TimelineEntry[], entry: TimelineEntry, dayAbove: CalendarDate, previousAxis: number, defaultYear: number): { date: CalendarDate; axis: number } | null {
  const stamp = entry.stamp;
  if (!stamp?.date || !stamp.time) return null;
  const written = { ...stamp.date, year: stamp.date.year ?? dayAbove.year };
  const shift = dayNumber(dayAbove, defaultYear) - dayNumber(written, defaultYear);
  if (shift < 1) return null;
  const onTheDay = axisMinutes(dayAbove, stamp, entry.zone, defaultYear);
  if (onTheDay < previousAxis || onTheDay >= previousAxis + 1440) return null;
  const next = nextTimedEntry(entries, entry);
  if (!next?.stamp) return { date: dayAbove, axis: onTheDay };
  const nextDate = next.stamp.date ? { ...next.stamp.date, year: next.stamp.date.year ?? written.year } : written;
  const sameSlip = dayNumber(nextDate, defaultYear) === dayNumber(written, defaultYear) || !next.stamp.date;
  const nextAxis = axisMinutes(sameSlip ? dayAbove : nextDate, next.stamp, next.zone, defaultYear);
  return nextAxis >= onTheDay ? { date: dayAbove, axis: onTheDay } : null;
}

/**
 * "* 20:25 PST 29 april 2022", then "* 12:30 PST 29 april 2022" (corpus 010): the date copied down while
 * the clock went back by hours, where the summary says the incident ran to a later day ("On 29 april
 * 2022 - 30 April 2022"). As for a time with no date, it is the next day (within the summary's last),
 * when the next timed entry, its date copied alike, carries on from it.
 */
function nextDayBySummary(entries: readonly TimelineEntry[], entry: TimelineEntry, dayAbove: CalendarDate, previousAxis: number, context: TimelineContext, defaultYear: number): { date: CalendarDate; axis: number } | null {
  const stamp = entry.stamp;
  const last = context.summaryLastDate;
  if (!stamp?.date || !stamp.time || !last || stamp.date.year === null) return null;
  if (dayNumber(stamp.date, defaultYear) !== dayNumber(dayAbove, defaultYear)) return null;
  const written = axisMinutes(stamp.date, stamp, entry.zone, defaultYear);
  if (written >= previousAxis - ROLLOVER_MINUTES) return null;
  const days = Math.ceil((previousAxis - ROLLOVER_MINUTES - written) / 1440);
  const date = addDays(stamp.date, days, defaultYear);
  if (dayNumber(date, defaultYear) > dayNumber(last, defaultYear)) return null;
  const axis = written + days * 1440;
  const next = nextTimedEntry(entries, entry);
  if (!next?.stamp) return { date, axis };
  const copied = !next.stamp.date || dayNumber({ ...next.stamp.date, year: next.stamp.date.year ?? stamp.date.year }, defaultYear) === dayNumber(stamp.date, defaultYear);
  const nextAxis = axisMinutes(copied ? date : next.stamp.date, next.stamp, next.zone, defaultYear);
  return nextAxis >= axis ? { date, axis } : null;
}

/** A day written without a year ("03-26", a date line's "May 20"), given the year nearest the dated day before it (else the document's). */
function withYearAround(written: CalendarDate, before: CalendarDate | null, fallback: CalendarDate | null): CalendarDate {
  if (written.year !== null) return written;
  const reference = before?.year != null ? before : fallback?.year != null ? fallback : null;
  return reference ? { ...written, year: nearestYear(written, reference) } : written;
}

/**
 * Whether the next timed entry carries on the day before `entry` (11:30 AM, "12:30 AM", 1:00 PM): then
 * `entry` is a slip that goes back in time, not a night that passed, as a person reads it. Its date,
 * when written, decides; else its clock on the same day lies after the previous entry and before the
 * rolled-over one.
 */
function resumesTheDay(entries: readonly TimelineEntry[], entry: TimelineEntry, previousAxis: number, axis: number, date: CalendarDate | null, defaultYear: number, extraDays: number): boolean {
  const next = nextTimedEntry(entries, entry);
  const stamp = next?.stamp;
  if (!next || !stamp) return false;
  const nextAxis = axisMinutes(stamp.date ? { ...stamp.date, year: stamp.date.year ?? date?.year ?? null } : date, stamp, next.zone, defaultYear, stamp.date ? 0 : extraDays);
  return nextAxis >= previousAxis && nextAxis < axis + 1440;
}

/** How soon after the entry before the previous one an entry must come for the previous to be the one out of place. */
const RESUMED_WITHIN_MINUTES = 60;

/**
 * "17:20", "23:26-23:48", "17:22" (a row of reboots put among the afternoon's, a held-out homelab report):
 * the entry minutes after the one before the previous carries on from it, so the previous is the one out
 * of place, not a night that passed.
 */
function followsTheOneBefore(axis: number, axisBeforePrevious: number | null): boolean {
  return axisBeforePrevious !== null && axis >= axisBeforePrevious && axis - axisBeforePrevious <= RESUMED_WITHIN_MINUTES;
}

/**
 * The year that puts a day written without one nearest the date around it: "12-05" in a timeline of
 * March 2019 is December 2018 ("landed in December last year"), "01-02" after 31 December the new year.
 */
export function nearestYear(date: CalendarDate, reference: CalendarDate): number {
  const year = reference.year as number;
  const around = Date.UTC(year, reference.month - 1, reference.day);
  const distance = (candidate: number) => Math.abs(Date.UTC(candidate, date.month - 1, date.day) - around);
  return [year - 1, year + 1].reduce((best, candidate) => (distance(candidate) < distance(best) ? candidate : best), year);
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
