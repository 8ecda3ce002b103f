// An entry goes back in time (a time going back by hours with no date written is read as the next day
// instead): reported on its time, fixed by sorting the timeline. A written date that goes back by days
// while the time goes on, or a date copied down while the clock went back past a summary's later day, is
// read as a slip and reported as one, to correct by hand: sorting would move the entry away from where it
// happened. A timeline written newest first (a status page's updates) is reported once, to turn over.
// Twelve o'clock's half written the other way ("12:15 AM" after "12:00 PM") is read as meant and
// reported once, to correct with a fix that turns the letters.
import { newestFirst, type TimelineEntry } from '../core/timeline';
import { calendarDateText } from '../core/time/format';
import { reverseTimelineEdits, sortTimelineEdits } from './fixes/sortTimeline';
import type { TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../core/model';
import { defineRule, editsOf, type Problem } from './rule';

export interface TimelineOutOfOrderData {
  code: 'timeline-out-of-order';
  entryIndex: number;
  /** The entry this one should precede, and its line (for a slipped date: the entry above, whose day it is read on). */
  shouldPrecedeIndex: number;
  shouldPrecedeLine: number;
  /** The whole timeline runs newest first (reported once, on its first timed entry; the entry it should follow is its last). */
  newestFirst?: true;
  /**
   * Twelve o'clock's half written the other way ("12:15 AM" after "12:00 PM"), read as the other, from
   * this entry on for `count` entries; the entry it should follow is the one before.
   */
  twelve?: { count: number };
}

/** The timed entries from `index` on whose twelve o'clock is read the other way, one run. */
function twelveRun(entries: readonly TimelineEntry[], index: number): number[] {
  const run: number[] = [];
  for (let i = index; i < entries.length; i++) {
    if (entries[i].axis === null) continue;
    if (!entries[i].twelveSlip) break;
    run.push(i);
  }
  return run;
}

const MERIDIEM = /([AaPp])\.?\s?[Mm]\b/g;
const TURNED: Readonly<Record<string, string>> = { A: 'P', a: 'p', P: 'A', p: 'a' };

/** Where the last meridiem letter of a written time is ("12:15 AM": the A), or -1. */
function meridiemAt(written: string): number {
  return [...written.matchAll(MERIDIEM)].pop()?.index ?? -1;
}

/** "12:15 AM" as "12:15 PM", "12:20pm" as "12:20am": the meridiem's letter turned, case kept. */
function turnedLetter(written: string): string {
  const at = meridiemAt(written);
  return at < 0 ? written : written.slice(0, at) + TURNED[written[at]] + written.slice(at + 1);
}

function turnedMeridiem(model: PostmortemModel, entry: TimelineEntry): TextEdit | null {
  const written = model.text.slice(entry.timeStart, entry.timeEnd);
  const at = meridiemAt(written);
  if (at < 0) return null;
  const offset = entry.timeStart + at;
  return { range: { start: model.lines.index.positionAt(offset), end: model.lines.index.positionAt(offset + 1) }, newText: TURNED[written[at]] };
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

/**
 * Whether `later` is before `earlier` on the time axis, to the precision both are written in: "23:28〜"
 * after "23:28:20" is the same minute (a held-out Japanese report), not a step back.
 */
function goesBack(earlier: number, later: number): boolean {
  const toTheSecond = (axis: number) => !Number.isInteger(axis);
  return toTheSecond(earlier) === toTheSecond(later) ? later < earlier : Math.floor(later) < Math.floor(earlier);
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
      if (previous && entry.twelveSlip) {
        // One report where the run begins: "12:15 AM", "12:25 AM" … after "12:00 PM".
        if (!previous.twelveSlip) {
          const run = twelveRun(entries, i);
          const others = run.length - 1;
          const am = entry.stamp?.time?.hour === 0;
          problems.push({
            start: entry.timeStart,
            end: entry.timeEnd,
            message: `"${entry.timeText}" would come hours before "${previous.timeText}" (line ${previous.line + 1}); it is read as ${turnedLetter(entry.timeText)}${am ? '' : ' the next day'}, minutes after it${others === 0 ? '' : others === 1 ? ', as is the entry after it' : `, as are the ${others} entries after it`}. Write ${am ? 'PM' : 'AM'}.`,
            data: { code: 'timeline-out-of-order', entryIndex: i, shouldPrecedeIndex: entries.indexOf(previous), shouldPrecedeLine: previous.line, twelve: { count: run.length } },
          });
        }
      } else if (previous && entry.dateSource === 'slip' && entry.writtenDate && entry.date) {
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
      } else if (previous && previous.axis !== null && goesBack(previous.axis, entry.axis)) {
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
    title: (data) => `Write ${data.twelve && data.twelve.count > 1 ? `the ${data.twelve.count} times` : 'the time'} the other way (AM and PM)`,
    // A fact of the writer's: offered, never applied by fix-all.
    fixAll: false,
    edits: (model, data) => (data.twelve ? editsOf(...twelveRun(model.timeline, data.entryIndex).map((i) => turnedMeridiem(model, model.timeline[i]))) : []),
  }, {
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
    edits: (model, data) => (data.newestFirst || data.twelve ? [] : sortTimelineEdits(model)),
  }],
});
