// The stated duration replaced by the computed one, written the way the document writes it.
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../../core/model';
import { formatDurationLike } from '../../core/time/duration';
import type { DurationMismatchData } from '../../protocol';

export function durationEdit(model: PostmortemModel, diagnostic: Diagnostic, data: DurationMismatchData): TextEdit | null {
  const index = model.lines.index;
  const start = index.offsetAt(diagnostic.range.start);
  const end = index.offsetAt(diagnostic.range.end);
  // Only when the text is still what the diagnostic saw: never rewrite something else.
  if (model.text.slice(start, end) !== data.statedText) return null;
  return { range: diagnostic.range, newText: formatDurationLike(data.computedMinutes, data.statedText) };
}
