// An entry's leading time cannot be read ("25:10", "Mar 45"), contradicts itself ("13:30 PM", read as
// 13:30) or lacks its minutes ("3:AM", read as 03:00).
import type { TimelineEntry } from '../core/timeline';
import type { UnreadableTime } from '../core/time/timestamp';
import { hoursAndMinutes } from '../core/time/format';
import { meridiemEdit } from './fixes/meridiem';
import { defineRule, editsOf, type Problem } from './rule';

export interface TimelineUnparsedTimeData {
  code: 'timeline-unparsed-time';
  entryIndex: number;
  text: string;
  reason: UnreadableTime['reason'];
}

const WHY: Record<TimelineUnparsedTimeData['reason'], string> = {
  'conflicting-meridiem': 'mixes a 24-hour clock with AM/PM',
  'out-of-range': 'is not a valid time of day',
  incomplete: 'is incomplete',
  unrecognized: 'looks like a date or time but cannot be read',
};

/** The time an entry was read as, "HH:MM". */
function clock(entry: TimelineEntry): string {
  const time = entry.stamp?.time;
  return time ? hoursAndMinutes(time.hour, time.minute) : '';
}

export const timelineUnparsedTime = defineRule<TimelineUnparsedTimeData>({
  code: 'timeline-unparsed-time',
  defaultSeverity: 'error',
  description: "An entry's leading time cannot be read, or contradicts itself.",
  check({ model }) {
    const problems: Array<Problem<TimelineUnparsedTimeData>> = [];
    model.timeline.forEach((entry, i) => {
      if (!entry.unreadable) return;
      const readAs = !entry.stamp?.time ? ''
        : entry.unreadable.reason === 'incomplete' ? ` Read as ${clock(entry)}; write "${clock(entry)}" or give its minutes.`
        : ` Read as ${clock(entry)}; write "${clock(entry)}" or use a 12-hour time.`;
      problems.push({
        start: entry.timeStart,
        end: entry.timeEnd,
        message: `The time "${entry.unreadable.text}" ${WHY[entry.unreadable.reason]}.${readAs}`,
        data: { code: 'timeline-unparsed-time', entryIndex: i, text: entry.unreadable.text, reason: entry.unreadable.reason },
      });
    });
    return problems;
  },
  fixes: [{
    title: () => 'Write it as a 24-hour time',
    fixAll: false,
    edits: (model, data) => (data.reason === 'conflicting-meridiem' || data.reason === 'incomplete' ? editsOf(meridiemEdit(model, data.entryIndex)) : []),
  }],
});
