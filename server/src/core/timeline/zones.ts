// The second step: each timed entry's zone.
import { findZone, type Zone } from '../time/zones';
import type { ZoneLine } from './classify';
import type { TimelineContext, TimelineEntry, ZoneSource } from './types';

/**
 * Sets the zone of each entry with a time: written, else the timeline's (its heading's, or a note or
 * date line above the entry), else the previous entry's, the summary's, the document's, the setting.
 */
export function resolveZones(entries: TimelineEntry[], zoneLines: ZoneLine[], context: TimelineContext): void {
  const headingZone = findZone(context.headingText)?.zone ?? null;
  let currentZone: { zone: Zone; source: ZoneSource } | null = headingZone ? { zone: headingZone, source: 'timeline-heading' } : null;
  let previousEntryZone: Zone | null = null;
  let next = 0;
  for (const entry of entries) {
    for (; next < zoneLines.length && zoneLines[next].line < entry.line; next++) currentZone = zoneLines[next];
    const stamp = entry.stamp;
    if (!stamp) continue;
    if (stamp.zone) {
      entry.zone = stamp.zone;
      entry.zoneSource = 'entry';
      previousEntryZone = stamp.zone;
    } else if (currentZone) {
      entry.zone = currentZone.zone;
      entry.zoneSource = currentZone.source;
    } else if (previousEntryZone) {
      entry.zone = previousEntryZone;
      entry.zoneSource = 'previous-entry';
    } else if (context.summaryZone) {
      entry.zone = context.summaryZone;
      entry.zoneSource = 'summary';
    } else if (context.documentZone) {
      entry.zone = context.documentZone;
      entry.zoneSource = 'document';
    } else if (context.configZone) {
      entry.zone = context.configZone;
      entry.zoneSource = 'config';
    }
  }
}
