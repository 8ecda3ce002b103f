// Points in time written out: ISO-8601 for machines, the local clock and date for people.
import type { CalendarDate } from './timestamp';
import { offsetMinutesAt, type Zone } from './zones';

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** A clock as "HH:MM". */
export function hoursAndMinutes(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}`;
}

/** A calendar day as "2026-06-01", or "06-01" when its year is unknown. */
export function calendarDateText(date: CalendarDate): string {
  const monthDay = `${pad(date.month)}-${pad(date.day)}`;
  return date.year === null ? monthDay : `${date.year}-${monthDay}`;
}

/** ISO-8601 for a point on the axis: an instant with Z when the zone is known, local time when not, null without a year. */
export function isoOf(axis: number, date: CalendarDate | null, hasZone: boolean): string | null {
  if (!date || date.year === null) return null;
  const when = new Date(Math.round(axis * 60_000));
  const text = `${pad(when.getUTCFullYear(), 4)}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}T${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}:${pad(when.getUTCSeconds())}`;
  return hasZone ? `${text}Z` : text;
}

/**
 * ISO-8601 for a point, never null: as `isoOf` when the year is known; without one, what is known in the
 * point's own zone: the local date and time without the year (`--MM-DDThh:mm`, ISO 8601's truncated
 * form), or the time alone (`Thh:mm`) when no date is written either, each with the zone's offset when
 * one is written (`T10:00Z` for "10:00 AM - 12:00 PM GMT", `T06:00+01:00` for "06:00 WAT").
 */
export function knownIsoOf(point: { axis: number; zone: Zone | null; date: CalendarDate | null }): string {
  const full = isoOf(point.axis, point.date, point.zone !== null);
  if (full) return full;
  const offset = point.zone ? offsetMinutesAt(point.zone, point.axis * 60_000) : 0;
  const local = new Date(Math.round((point.axis + offset) * 60_000));
  const time = `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}${point.zone ? offsetText(offset) : ''}`;
  return point.date ? `--${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}${time}` : time;
}

/** An offset as ISO 8601 writes it after a time: `Z`, `+01:00`, `-05:30`. */
function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const size = Math.abs(Math.round(minutes));
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
}

/** The local clock of a point in its own zone ("14:00 UTC"). */
export function localClock(point: { axis: number; zone: Zone | null }): string {
  const offset = point.zone ? offsetMinutesAt(point.zone, point.axis * 60_000) : 0;
  const local = (((point.axis + offset) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(local / 60))}:${pad(Math.floor(local % 60))}${point.zone ? ' ' + point.zone.label : ''}`;
}

/** The local date and clock of a point ("2024-04-10 14:00 UTC"); the clock alone when the year is unknown. */
export function localDateTime(point: { axis: number; zone: Zone | null; date: CalendarDate | null }): string {
  if (!point.date || point.date.year === null) return localClock(point);
  const offset = point.zone ? offsetMinutesAt(point.zone, point.axis * 60_000) : 0;
  const local = new Date(Math.round((point.axis + offset) * 60_000));
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${localClock(point)}`;
}
