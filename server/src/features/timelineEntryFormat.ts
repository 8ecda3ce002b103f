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

export function entryStyle(model: PostmortemModel, configuredZone = ''): EntryStyle {
  const timed = model.timeline.filter((entry) => entry.stamp?.time);
  const example: TimelineEntry | undefined = timed[timed.length - 1];
  const zone = example?.zone ?? model.incident.start?.zone ?? parseZoneSetting(configuredZone) ?? { label: 'UTC', offsetMinutes: 0 };
  if (!example?.stamp) return { ...DEFAULT_STYLE, zone };
  const lines = model.lines.index.lines;
  const line = lines[example.line];
  const timeStart = example.timeStart - line.start;
  const timeEnd = example.timeEnd - line.start;
  const before = line.text.slice(0, timeStart);
  const written = line.text.slice(timeStart, timeEnd);
  const after = line.text.slice(timeEnd);
  // What follows the time up to the words: ":** ", " - ", " – ", ": ".
  const separator = /^[\s)\]]*(?:[*_`]*\s*[:\-–—=>|]+\s*[*_`]*\s*|[*_`]*\s*)/.exec(after)?.[0] ?? ': ';
  return {
    prefix: before.replace(/^\s*$/, ''),
    suffix: separator.endsWith(' ') ? separator : `${separator} `,
    twelveHour: example.stamp.meridiem,
    lowerMeridiem: /[ap]\.?m/.test(written),
    padHour: /^\D*0\d/.test(written),
    zone,
    writeZone: timed.some((entry) => entry.zoneSource === 'entry'),
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
