// A missing summary fact as a labelled line, in the style of the summary's other labels, filled in
// when the model already knows the value (the duration and window computed from the timeline).
import type { TextEdit } from 'vscode-languageserver-types';
import { startsWithLeadUp } from '../../core/leadUp';
import type { PostmortemModel } from '../../core/model';
import { SUMMARY_FIELD_TITLES, type SummaryField } from '../../core/profiles';
import { labelField } from '../../core/summary';
import { lineBreakOf } from '../../core/text';
import { formatDuration } from '../../core/time/duration';
import { localDateTime } from '../../core/time/format';

const LABEL_LINE = /^(\s*(?:[-*+]\s+)?(?:\*\*|__)?)([A-Z][A-Za-z ]{1,30})((?::(?:\*\*|__)|(?:\*\*|__):|:)\s*)/;

/** A summary fact the model computed (the window from the timeline), as it is written in; null when it has none. */
function knownValue(model: PostmortemModel, field: SummaryField): string | null {
  const { incident } = model;
  if (field === 'duration' && incident.durationMinutes !== null && !startsWithLeadUp(model)) return formatDuration(incident.durationMinutes);
  // A lead-up entry ("PR-158 was merged") is no start to write in: the writer knows when it began.
  if (field === 'start' && incident.start && !startsWithLeadUp(model)) return localDateTime(incident.start);
  if (field === 'end' && incident.end && !undatedDays(model)) return localDateTime(incident.end);
  return null;
}

/**
 * A window of a day or more with no year to its days: written as clocks ("14:30 UTC" to "15:00 UTC",
 * the next day's, as a timeline newest first gives it), it would read back as 30 minutes. The start and
 * the duration say it; the end is left for the writer.
 */
function undatedDays({ incident }: PostmortemModel): boolean {
  const { start, end, durationMinutes } = incident;
  const dated = (date: { year: number | null } | null) => date !== null && date.year !== null;
  return durationMinutes !== null && durationMinutes >= 24 * 60 && !(start && end && dated(start.date) && dated(end.date));
}

/**
 * A new summary's skeleton line ("- **End time:** ") with the fact the model knows written in: filled
 * one by one, any two of duration, start and end would state the third and leave its label empty.
 */
export function filledSkeletonLine(model: PostmortemModel, line: string): string {
  const match = LABEL_LINE.exec(line);
  if (!match || line.slice(match[0].length).trim() !== '') return line;
  const field = labelField(match[2]);
  const value = field && knownValue(model, field);
  return value ? `${line.trimEnd()} ${value}` : line;
}

export function summaryFieldEdit(model: PostmortemModel, field: SummaryField): TextEdit | null {
  const section = model.summarySection;
  if (!section) return null;
  const { lines } = model.lines.index;
  // The new line is written as the first label is; the field's own label with nothing after it (a
  // skeleton not yet filled in) gets the value instead.
  let style: { prefix: string; suffix: string } | null = null;
  for (let i = section.line + 1; i <= section.endLine; i++) {
    const match = LABEL_LINE.exec(lines[i].text);
    if (!match) continue;
    style ??= { prefix: match[1], suffix: match[3].endsWith(' ') ? match[3] : `${match[3]} ` };
    if (labelField(match[2]) !== field || lines[i].text.slice(match[0].length).trim() !== '') continue;
    const position = model.lines.index.positionAt(lines[i].end);
    const space = /\s$/.test(lines[i].text) ? '' : ' ';
    return { range: { start: position, end: position }, newText: `${space}${knownValue(model, field) ?? 'TBD'}` };
  }
  const { prefix, suffix } = style ?? { prefix: '- **', suffix: ':** ' };
  const last = lines[section.endLine];
  const eol = lineBreakOf(model.text);
  const position = model.lines.index.positionAt(last.end);
  // A summary with only its heading gets a blank line first, as Markdown wants.
  const gap = section.endLine === section.line ? eol : '';
  return { range: { start: position, end: position }, newText: `${eol}${gap}${prefix}${SUMMARY_FIELD_TITLES[field]}${suffix}${knownValue(model, field) ?? 'TBD'}` };
}
