// The stated duration replaced by the computed one, written the way the document writes it.
import type { TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../../core/model';
import { formatDurationLike } from '../../core/time/duration';
import type { DurationMismatchData } from '../durationMismatch';

/** Found by the diagnostic's data, not its range: some clients (Neovim) send ranges back in bytes. */
export function durationEdit(model: PostmortemModel, data: DurationMismatchData): TextEdit | null {
  const stated = model.summary?.stated;
  // Only when the text is still what the diagnostic saw: never rewrite something else.
  if (!stated || stated.text !== data.statedText) return null;
  return { range: model.lines.index.range(stated.offset, stated.offset + stated.text.length), newText: formatDurationLike(data.computedMinutes, data.statedText) };
}
