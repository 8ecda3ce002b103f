// Timeline entries: every list item, table row, heading or line in the Timeline section that begins
// with a time, with its instant resolved from what the entry writes and what surrounds it.
import type { LineReadings, MarkdownLines } from '../markdown';
import { classifyLines, type LineReading } from './classify';
import { resolveDates } from './dates';
import { newestFirst } from './order';
import type { TimelineContext, TimelineEntry } from './types';
import { resolveZones } from './zones';

export type { DateSource, EntryKind, TimelineContext, TimelineEntry, ZoneSource } from './types';
export type { LineReading } from './classify';
export { axisMinutes, nearestYear, PLACEHOLDER_YEAR, ROLLOVER_MINUTES } from './dates';
export { entryMarker, markedWindow, type MarkedMoment } from './markers';
export { entryWords } from './words';
export { newestFirst, type NewestFirst } from './order';

/** The entries of the timeline from `firstLine` to `lastLine` (inclusive); `memo` keeps line readings between versions. */
export function readTimeline(md: MarkdownLines, firstLine: number, lastLine: number, context: TimelineContext, memo?: LineReadings<LineReading | null>): TimelineEntry[] {
  const { entries, dateLines, zoneLines } = classifyLines(md, firstLine, lastLine, context.dateOrder, memo);
  resolveZones(entries, zoneLines, context);
  resolveDates(entries, dateLines, context);
  // A status page's updates pasted newest first, with no day written anywhere: read from the oldest up,
  // as they happened, so that an update past midnight (or on a day named anew) is the next day's.
  if (dateLines.length === 0 && entries.every((entry) => !entry.stamp?.date) && newestFirst(entries)) {
    for (const entry of entries) {
      entry.rolledOver = false;
      delete entry.twelveSlip;
    }
    resolveDates([...entries].reverse(), dateLines, context);
  }
  return entries;
}
