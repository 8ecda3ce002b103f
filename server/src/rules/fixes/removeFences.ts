// Take a pasted report out of its ```markdown block: the fence lines go, with their line breaks, and
// nothing else changes. Conflict markers go the same way (removeLines).
import type { TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../../core/model';

/** Removes lines `from`..`to` with their line breaks (the last line, which has none, with the one before it). */
export function removeLines(model: PostmortemModel, from: number, to: number): TextEdit {
  const { index } = model.lines;
  const next = index.lines[to + 1];
  const start = next ? index.lines[from].start : from > 0 ? index.lines[from - 1].end : 0;
  const end = next ? next.start : index.lines[to].end;
  return { range: index.range(start, end), newText: '' };
}

export function removeFenceEdits(model: PostmortemModel, openLine: number, closeLine: number | null): TextEdit[] {
  const report = model.pastedReport;
  // The document changed since the diagnostic: the fences are not where the data says.
  if (!report || report.openLine !== openLine || report.closeLine !== closeLine) return [];
  return closeLine === null ? [removeLines(model, openLine, openLine)] : [removeLines(model, openLine, openLine), removeLines(model, closeLine, closeLine)];
}
