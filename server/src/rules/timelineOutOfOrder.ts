// An entry goes back in time (a time going back by hours with no date written is read as the next day
// instead): reported on its time, fixed by sorting the timeline. A written date that goes back by days
// while the time goes on, or a date copied down while the clock went back past a summary's later day, is
// read as a slip and reported as one, to correct by hand: sorting would move the entry away from where it
// happened. A timeline written newest first (a status page's updates) is reported once, to turn over.
import { newestFirst, type TimelineEntry } from '../core/timeline';
import { calendarDateText } from '../core/time/format';
import { reverseTimelineEdits, sortTimelineEdits } from './fixes/sortTimeline';
import { defineRule, type Problem } from './rule';

export interface TimelineOutOfOrderData {
  code: 'timeline-out-of-order';
  entryIndex: number;
  /** The entry this one should precede, and its line (for a slipped date: the entry above, whose day it is read on). */
  shouldPrecedeIndex: number;
  shouldPrecedeLine: number;
  /** The whole timeline runs newest first (reported once, on its first timed entry; the entry it should follow is its last). */
  newestFirst?: true;
}

/** How many timed entries right after `index` slipped with it (the same written date, read as the day above). */
function sameSlipAfter(entries: readonly TimelineEntry[], index: number, written: string): number {
  let count = 0;
  for (const entry of entries.slice(index + 1)) {
    if (entry.axis === null) continue;
    if (entry.dateSource !== 'slip' || !entry.writtenDate || calendarDateText(entry.writtenDate) !== written) break;
    count++;
  }
  return count;
}

export const timelineOutOfOrder = defineRule<TimelineOutOfOrderData>({
  code: 'timeline-out-of-order',
  defaultSeverity: 'error',
  description: 'A timeline entry goes back in time.',
  check({ model }) {
    const problems: Array<Problem<TimelineOutOfOrderData>> = [];
    const entries = model.timeline;
    const turned = newestFirst(entries);
    if (turned) {
      const timed = entries.flatMap((entry, i) => (entry.axis === null ? [] : [i]));
      const first = timed[0];
      const last = timed[timed.length - 1];
      return [{
        start: entries[first].timeStart,
        end: entries[first].timeEnd,
        message: `The timeline runs newest first (${turned.back} of its ${turned.steps} steps go back in time); a postmortem's timeline reads oldest first. Turn it over, so that "${entries[last].timeText}" (line ${entries[last].line + 1}) comes first.`,
        data: { code: 'timeline-out-of-order', entryIndex: first, shouldPrecedeIndex: last, shouldPrecedeLine: entries[last].line, newestFirst: true },
      }];
    }
    let previous: TimelineEntry | null = null;
    for (const [i, entry] of entries.entries()) {
      if (entry.axis === null) continue;
      if (previous && entry.dateSource === 'slip' && entry.writtenDate && entry.date) {
        // One report where the slip begins: the entries after it that write the same date slipped with it.
        const written = calendarDateText(entry.writtenDate);
        if (previous.dateSource === 'slip' && previous.writtenDate && calendarDateText(previous.writtenDate) === written) {
          previous = entry;
          continue;
        }
        const alike = sameSlipAfter(entries, i, written);
        const readAs = `read as ${calendarDateText(entry.date)}${alike === 0 ? '' : alike === 1 ? ', as is the entry after it that writes the same date' : `, as are the ${alike} entries after it that write the same date`}`;
        // The same date as the entry above, the clock back by hours: the summary's later day says which.
        const copied = previous.writtenDate === undefined && previous.date !== null && calendarDateText(previous.date) === written;
        problems.push({
          start: entry.timeStart,
          end: entry.timeEnd,
          message: copied
            ? `The time of "${entry.timeText}" goes back by hours on the date of the entry above it (line ${previous.line + 1}), and the summary runs to a later day; ${readAs}. Correct the date.`
            : `The date of "${entry.timeText}" (${written}) goes back before the entry above it (line ${previous.line + 1}) while its time goes on; ${readAs}. Correct the date.`,
          data: { code: 'timeline-out-of-order', entryIndex: i, shouldPrecedeIndex: entries.indexOf(previous), shouldPrecedeLine: previous.line },
        });
      } else if (previous && previous.axis !== null && entry.axis < previous.axis) {
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
    title: () => 'Turn the timeline over (oldest first)',
    // Its own key: once turned over, an entry still out of place (a day not written) is the sort's to fix.
    // First: a summary fact filled in comes from the timeline in its new order (where days roll over).
    fixAll: { key: () => 'timeline-newest-first', solved: (model) => newestFirst(model.timeline) === null, first: true },
    edits: (model, data) => (data.newestFirst ? reverseTimelineEdits(model) : []),
  }, {
    title: () => 'Sort timeline chronologically',
    // Sorting works within runs of entries, so one out-of-order entry may stay (across a date line):
    // solved means there is nothing left to sort.
    fixAll: { key: () => 'timeline-out-of-order', solved: (model) => sortTimelineEdits(model).length === 0, first: true },
    edits: (model, data) => (data.newestFirst ? [] : sortTimelineEdits(model)),
  }],
});
