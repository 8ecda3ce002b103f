// The front matter's lifecycle times (`started: 2026-06-01T14:05Z`) as points on the document's time
// axis. Only values the schema accepts are read: a bad one is reported by frontmatter-invalid and changes
// nothing here.
import type { FrontMatter, LifecycleKey } from './frontMatter';
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

/** The front matter's time for `key`, when it is written as an instant with its offset; else null. */
export function frontMatterInstant(frontMatter: FrontMatter | null, key: LifecycleKey): FrontMatterInstant | null {
  const text = frontMatter?.lifecycle[key];
  const match = text === undefined ? null : INSTANT.exec(text);
  if (!frontMatter || !text || !match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const zone = match[7] === 'Z' ? UTC : readZoneAt(match[7], 0)?.zone;
  if (!zone || zone.offsetMinutes === undefined) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls "02-31" over to March: such a date is not one.
  if (new Date(local).getUTCDate() !== day) return null;
  // Written twice, a key's last value is the one YAML keeps (and the one `lifecycle` holds).
  const field = [...frontMatter.fields].reverse().find((candidate) => candidate.key === key);
  return { key, axis: local / 60_000 - zone.offsetMinutes, date: { year, month, day }, zone, text, valueStart: field?.valueStart ?? frontMatter.start };
}
