// "13:20PM" and "3:AM" rewritten as the 24-hour time they were read as.
import type { TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../../core/model';
import { hoursAndMinutes } from '../../core/time/format';

export function meridiemEdit(model: PostmortemModel, entryIndex: number): TextEdit | null {
  const entry = model.timeline[entryIndex];
  const unreadable = entry?.unreadable;
  if (!entry?.stamp?.time || !unreadable || (unreadable.reason !== 'conflicting-meridiem' && unreadable.reason !== 'incomplete')) return null;
  const lineStart = model.lines.index.lines[entry.line].start;
  const start = lineStart + unreadable.start;
  const end = lineStart + unreadable.end;
  const written = model.text.slice(start, end);
  // Only the clock and its "PM" change; a zone or date written after them stays.
  const clock = /\d{1,2}(?:\s?[:.]\s?\d{2}(?::\d{2})?|:)\s?[ap]\.?\s?m\.?/i.exec(written);
  if (!clock) return null;
  const { hour, minute } = entry.stamp.time;
  const replacement = hoursAndMinutes(hour, minute);
  const from = start + clock.index;
  return { range: model.lines.index.range(from, from + clock[0].length), newText: replacement };
}
