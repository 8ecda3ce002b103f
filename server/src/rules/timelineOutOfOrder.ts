// An entry goes back in time (a time going back by hours with no date written is read as the next day
// instead): reported on its time, fixed by sorting the timeline.
import type { TimelineEntry } from '../core/timeline';
import { sortTimelineEdits } from './fixes/sortTimeline';
import { defineRule, type Problem } from './rule';

export interface TimelineOutOfOrderData {
  code: 'timeline-out-of-order';
  entryIndex: number;
  /** The entry this one should precede, and its line. */
  shouldPrecedeIndex: number;
  shouldPrecedeLine: number;
}

export const timelineOutOfOrder = defineRule<TimelineOutOfOrderData>({
  code: 'timeline-out-of-order',
  defaultSeverity: 'error',
  description: 'A timeline entry goes back in time.',
  check({ model }) {
    const problems: Array<Problem<TimelineOutOfOrderData>> = [];
    const entries = model.timeline;
    let previous: TimelineEntry | null = null;
    for (const [i, entry] of entries.entries()) {
      if (entry.axis === null) continue;
      if (previous && previous.axis !== null && entry.axis < previous.axis) {
        const axis = entry.axis;
        const target = entries.findIndex((other) => other.axis !== null && other.axis > axis);
        const before = entries[target];
        problems.push({
          start: entry.timeStart,
          end: entry.timeEnd,
          message: `"${entry.timeText}" is earlier than the entry before it; it should come before "${before.timeText}" (line ${before.line + 1}).`,
          data: { code: 'timeline-out-of-order', entryIndex: i, shouldPrecedeIndex: target, shouldPrecedeLine: before.line },
        });
      }
      previous = entry;
    }
    return problems;
  },
  fixes: [{
    title: () => 'Sort timeline chronologically',
    // Sorting works within runs of entries, so one out-of-order entry may stay (across a date line):
    // solved means there is nothing left to sort.
    fixAll: { key: () => 'timeline-out-of-order', solved: (model) => sortTimelineEdits(model).length === 0 },
    edits: (model) => sortTimelineEdits(model),
  }],
});
