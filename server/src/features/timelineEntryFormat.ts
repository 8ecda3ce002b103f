// A new timeline entry written the way the document writes its entries: the same list marker and
// bold, 12- or 24-hour clock, the zone when entries carry one, the same separator.
import type { PostmortemModel } from '../core/model';
import type { TimelineEntry } from '../core/timeline';
import { offsetMinutesAt, type Zone } from '../core/time/zones';
import { parseZoneSetting } from '../core/config';

export interface EntryStyle {
  prefix: string;
  suffix: string;
  twelveHour: boolean;
  lowerMeridiem: boolean;
  padHour: boolean;
  zone: Zone | null;
  writeZone: boolean;
}

const DEFAULT_STYLE: EntryStyle = { prefix: '- **', suffix: ':** ', twelveHour: false, lowerMeridiem: false, padHour: true, zone: null, writeZone: true };

/** The most common of `values` (the latest of those tied): the document's habit, not its last line's. */
function majority<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (best === undefined || count >= (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

/** How one entry writes its time: what comes before it and after it, and the clock's shape. */
function writtenStyle(model: PostmortemModel, entry: TimelineEntry) {
  const line = model.lines.index.lines[entry.line];
  const timeStart = entry.timeStart - line.start;
  const timeEnd = entry.timeEnd - line.start;
  const written = line.text.slice(timeStart, timeEnd);
  // What follows the time up to the words: ":** ", " - ", " – ", ": ".
  const separator = /^[\s)\]]*(?:[*_`]*\s*[:\-–—=>|]+\s*[*_`]*\s*|[*_`]*\s*)/.exec(line.text.slice(timeEnd))?.[0] ?? ': ';
  const hour = /^\D*(\d{1,2})/.exec(written)?.[1] ?? '';
  const prefix = line.text.slice(0, timeStart).replace(/^\s*$/, '');
  const suffix = separator.endsWith(' ') ? separator : `${separator} `;
  return {
    prefix,
    suffix,
    // The marker and emphasis around the time as one shape ("- **" with ":** "); no line holds a "\n".
    shape: `${prefix}\n${suffix}`,
    twelveHour: Boolean(entry.stamp?.meridiem),
    lowerMeridiem: /[ap]\.?m/.test(written),
    // Only hours below 10 show whether the document pads them ("09:10" or "9:10").
    padHour: hour.length === 2 && hour.startsWith('0') ? true : hour.length === 1 ? false : undefined,
    writesZone: entry.zoneSource === 'entry',
  };
}

export function entryStyle(model: PostmortemModel, configuredZone = ''): EntryStyle {
  const timed = model.timeline.filter((entry) => entry.stamp?.time);
  const last: TimelineEntry | undefined = timed[timed.length - 1];
  const zone = last?.zone ?? model.incident.start?.zone ?? parseZoneSetting(configuredZone) ?? { label: 'UTC', offsetMinutes: 0 };
  if (!last) return { ...DEFAULT_STYLE, zone };
  const styles = timed.map((entry) => writtenStyle(model, entry));
  const shape = majority(styles.map((style) => style.shape));
  const { prefix, suffix } = [...styles].reverse().find((style) => style.shape === shape) ?? styles[styles.length - 1];
  const twelveHour = majority(styles.map((style) => style.twelveHour)) ?? false;
  const padVotes = styles.map((style) => style.padHour).filter((pad): pad is boolean => pad !== undefined);
  return {
    prefix,
    suffix,
    twelveHour,
    lowerMeridiem: majority(styles.filter((style) => style.twelveHour).map((style) => style.lowerMeridiem)) ?? false,
    // With no hour below 10 to tell, 24-hour clocks are padded ("09:10") and 12-hour ones not ("9:10 AM").
    padHour: majority(padVotes) ?? !twelveHour,
    zone,
    writeZone: styles.filter((style) => style.writesZone).length * 2 >= styles.length,
  };
}

export function formatClock(date: Date, style: EntryStyle): string {
  const offset = style.zone ? offsetMinutesAt(style.zone, date.getTime()) : 0;
  const local = new Date(date.getTime() + offset * 60_000);
  let hour = local.getUTCHours();
  const minute = String(local.getUTCMinutes()).padStart(2, '0');
  let meridiem = '';
  if (style.twelveHour) {
    meridiem = hour >= 12 ? ' PM' : ' AM';
    hour = hour % 12 || 12;
    if (style.lowerMeridiem) meridiem = meridiem.toLowerCase();
  }
  const hourText = style.padHour ? String(hour).padStart(2, '0') : String(hour);
  const zone = style.writeZone && style.zone ? ` ${style.zone.label}` : '';
  return `${hourText}:${minute}${meridiem}${zone}`;
}

/** The whole line for an entry at `now`, ready to type after. */
export function newEntryLine(model: PostmortemModel, now: Date, configuredZone = ''): string {
  const style = entryStyle(model, configuredZone);
  return `${style.prefix}${formatClock(now, style)}${style.suffix}`;
}
