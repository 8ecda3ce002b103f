// "Insert Timeline Entry (Now)": a line after the last entry, stamped with the current time.
import type { PostmortemModel } from '../core/model';
import { lineBreakOf } from '../core/text';
import type { NewTimelineEntryResult } from '../protocol';
import { newEntryLine } from './timelineEntryFormat';

export function newTimelineEntry(model: PostmortemModel, now: Date, configuredZone = ''): NewTimelineEntryResult {
  const section = model.timelineSection;
  if (!section) return null;
  const index = model.lines.index;
  const last = model.timeline[model.timeline.length - 1];
  const afterLine = last ? last.lastLine : section.endLine;
  const line = index.lines[afterLine];
  const eol = lineBreakOf(model.text);
  // After a heading with nothing under it, leave the blank line Markdown wants.
  const gap = !last && afterLine === section.line ? eol : '';
  const entry = newEntryLine(model, now, configuredZone);
  const position = index.positionAt(line.end);
  const newText = `${eol}${gap}${entry}`;
  const cursorLine = afterLine + 1 + (gap ? 1 : 0);
  return { edit: { range: { start: position, end: position }, newText }, cursor: { line: cursorLine, character: entry.length } };
}
