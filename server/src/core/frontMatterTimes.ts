// The front matter's lifecycle times (`started: 2026-06-01T14:05Z`) as points on the document's time
// axis. Only values the schema accepts are read: a bad one is reported by frontmatter-invalid and changes
// nothing here.
import { isStatusPageIncident, valuesOf, type FrontMatter, type LifecycleKey } from './frontMatter';
import type { CalendarDate } from './time/timestamp';
import { readZoneAt, type Zone } from './time/zones';

export interface FrontMatterInstant {
  key: LifecycleKey;
  /** Minutes since 1970 UTC, as the timeline's dated and zoned entries are. */
  axis: number;
  /** The date in the written offset. */
  date: CalendarDate;
  zone: Zone;
  /** The value as written. */
  text: string;
  /** Document offset of the value. */
  valueStart: number;
}

// The schema's `instant`: a date, a time, and an offset (Z or ±HH:MM).
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const UTC: Zone = { label: 'UTC', offsetMinutes: 0 };

/**
 * The day and the clock a match of INSTANT or STATUS_PAGE_TIME writes (groups 1 to 6), as minutes since
 * 1970 on that clock; null for one that is no such moment ("02-31", "25:00").
 */
function writtenMoment(match: RegExpExecArray): { date: CalendarDate; local: number } | null {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls "02-31" over to March: such a date is not one.
  if (new Date(local).getUTCDate() !== day) return null;
  return { date: { year, month, day }, local: local / 60_000 };
}

/** The front matter's time for `key`, when it is written as an instant with its offset; else null. */
export function frontMatterInstant(frontMatter: FrontMatter | null, key: LifecycleKey): FrontMatterInstant | null {
  const text = frontMatter?.lifecycle[key];
  const match = text === undefined ? null : INSTANT.exec(text);
  const moment = match && writtenMoment(match);
  if (!frontMatter || !text || !match || !moment) return null;
  const zone = match[7] === 'Z' ? UTC : readZoneAt(match[7], 0)?.zone;
  if (!zone || zone.offsetMinutes === undefined) return null;
  // Written twice, a key's last value is the one YAML keeps (and the one `lifecycle` holds).
  const field = [...frontMatter.fields].reverse().find((candidate) => candidate.key === key);
  return { key, axis: moment.local - zone.offsetMinutes, date: moment.date, zone, text, valueStart: field?.valueStart ?? frontMatter.start };
}

/** A status page's time: a date and a clock, with no zone (the page's own), or with UTC or an offset. */
const STATUS_PAGE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/;

/** When a status page's incident began or was resolved, as its page shows it; zone null: the page's own, unwritten. */
export interface StatusPageTime {
  /** Minutes since 1970, in UTC when the zone is written, else in the page's own clock. */
  axis: number;
  date: CalendarDate;
  zone: Zone | null;
  text: string;
  valueStart: number;
}

/**
 * A status page's incident (see isStatusPageIncident) tells its window in keys of its own: `date` when
 * it began, and cState's `resolvedWhen` or LiveAgent's `resolvedDate` when it was resolved
 * ("2023-09-27 09:50:00", "2024-07-26 22:30 UTC"). Null for a document of another kind, or a value that
 * is no such time.
 */
export function statusPageTime(frontMatter: FrontMatter | null, key: 'started' | 'resolved'): StatusPageTime | null {
  if (!frontMatter?.fields.length || !isStatusPageIncident(valuesOf(frontMatter))) return null;
  const keys = key === 'started' ? ['date'] : ['resolvedWhen', 'resolvedDate'];
  const field = [...frontMatter.fields].reverse().find((candidate) => keys.includes(candidate.key));
  const text = typeof field?.value === 'string' ? field.value.trim() : null;
  return field && text ? pageTimeOf(text, field.valueStart) : null;
}

/** A status page's time as written at `valueStart`; null when it is no such time. */
function pageTimeOf(text: string, valueStart: number): StatusPageTime | null {
  const match = STATUS_PAGE_TIME.exec(text);
  const moment = match && writtenMoment(match);
  if (!match || !moment) return null;
  const written = match[7];
  const zone = !written ? null : written === 'Z' || written === 'UTC' || written === 'GMT' ? { ...UTC, label: written === 'Z' ? 'UTC' : written } : readZoneAt(written, 0)?.zone ?? null;
  if (written && (!zone || zone.offsetMinutes === undefined)) return null;
  return { axis: moment.local - (zone?.offsetMinutes ?? 0), date: moment.date, zone, text, valueStart };
}

// cState's updates in the page's text: "::: update Resolved | 2021-01-14T12:03:46.693Z" (gitpod's status site).
const RESOLVED_UPDATE = /^:::[ \t]*update[ \t]+Resolved[ \t]*\|[ \t]*([^\n|]*?)[ \t]*$/gim;

/**
 * When a status page's incident with no `resolvedWhen` was resolved, as its "Resolved" update says (the
 * last one, where the page reopened it); null for a document of another kind, or a page that says none.
 */
export function resolvedUpdateTime(frontMatter: FrontMatter | null, text: string): StatusPageTime | null {
  if (!frontMatter?.fields.length || !isStatusPageIncident(valuesOf(frontMatter)) || !text.includes(':::')) return null;
  let found: StatusPageTime | null = null;
  for (const match of text.matchAll(RESOLVED_UPDATE)) {
    found = pageTimeOf(match[1], (match.index ?? 0) + match[0].indexOf(match[1], match[0].indexOf('|'))) ?? found;
  }
  return found;
}
