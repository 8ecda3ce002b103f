// No zone is written on an entry, inherited (timeline heading, a note, a date line, the previous entry,
// the summary) or configured. Said once on the heading when no entry has one, else on each entry. The
// fixes assert a zone, a fact only the writer knows: fix-all leaves them alone.
import { entryZoneEdit, headingZoneEdit } from './fixes/addTimezone';
import { defineRule, editsOf, type Problem } from './rule';

export interface TimelineMissingTimezoneData {
  code: 'timeline-missing-timezone';
  /** 'timeline' when no entry has a zone (one diagnostic on the heading); else this entry only. */
  scope: 'timeline' | 'entry';
  entryIndexes: number[];
  /** The zone the document uses elsewhere, if any. */
  suggestedZone: string | null;
}

const zoneOf = (data: TimelineMissingTimezoneData): string => data.suggestedZone ?? 'UTC';

export const timelineMissingTimezone = defineRule<TimelineMissingTimezoneData>({
  code: 'timeline-missing-timezone',
  defaultSeverity: 'warning',
  description: 'A timeline time has no time zone, written, inherited or configured.',
  check({ model, lineSpan }) {
    const problems: Array<Problem<TimelineMissingTimezoneData>> = [];
    const timed = model.timeline.map((entry, i) => ({ entry, i })).filter(({ entry }) => entry.stamp?.time);
    const zoneless = timed.filter(({ entry }) => entry.zoneSource === 'none');
    const suggestedZone = timed.find(({ entry }) => entry.zone)?.entry.zone?.label ?? model.summary?.zone?.label ?? null;
    if (zoneless.length && zoneless.length === timed.length && model.timelineSection) {
      const [start, end] = lineSpan(model.timelineSection.line);
      problems.push({
        start, end,
        message: 'No time zone is written for the timeline, in its heading, the summary or the settings.',
        data: { code: 'timeline-missing-timezone', scope: 'timeline', entryIndexes: zoneless.map(({ i }) => i), suggestedZone },
      });
    } else {
      for (const { entry, i } of zoneless) {
        problems.push({
          start: entry.timeStart,
          end: entry.timeEnd,
          message: `"${entry.timeText}" has no time zone.`,
          data: { code: 'timeline-missing-timezone', scope: 'entry', entryIndexes: [i], suggestedZone },
        });
      }
    }
    return problems;
  },
  fixes: [
    {
      title: (data) => `Add ${zoneOf(data)} to this entry`,
      preferred: () => false,
      fixAll: false,
      edits: (model, data) => (data.scope === 'entry' && data.entryIndexes.length === 1
        ? editsOf(entryZoneEdit(model, data.entryIndexes[0], zoneOf(data)))
        : []),
    },
    {
      title: (data) => `Add (${zoneOf(data)}) to the Timeline heading, for all entries`,
      preferred: (data) => data.scope === 'timeline',
      fixAll: false,
      edits: (model, data) => editsOf(headingZoneEdit(model, zoneOf(data))),
    },
  ],
});
