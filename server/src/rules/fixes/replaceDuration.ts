// The stated duration replaced by the computed one, written the way the document writes it.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../../core/model';
import { formatDurationLike } from '../../core/time/duration';
import type { DurationMismatchData } from '../durationMismatch';

/** `range`: where the diagnostic saw the stated duration. */
export function durationEdit(model: PostmortemModel, range: Range, data: DurationMismatchData): TextEdit | null {
  const index = model.lines.index;
  const start = index.offsetAt(range.start);
  const end = index.offsetAt(range.end);
  // Only when the text is still what the diagnostic saw: never rewrite something else.
  if (model.text.slice(start, end) !== data.statedText) return null;
  return { range, newText: formatDurationLike(data.computedMinutes, data.statedText) };
}
