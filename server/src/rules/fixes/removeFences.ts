// Take a pasted report out of its ```markdown block: the fence lines go, with their line breaks, and
// nothing else changes.
import type { TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../../core/model';

export function removeFenceEdits(model: PostmortemModel, openLine: number, closeLine: number | null): TextEdit[] {
  const report = model.pastedReport;
  // The document changed since the diagnostic: the fences are not where the data says.
  if (!report || report.openLine !== openLine || report.closeLine !== closeLine) return [];
  const { index } = model.lines;
  const wholeLine = (line: number): TextEdit => {
    const next = index.lines[line + 1];
    // The last line has no break of its own: take the one before it instead.
    const start = next ? index.lines[line].start : line > 0 ? index.lines[line - 1].end : 0;
    const end = next ? next.start : index.lines[line].end;
    return { range: index.range(start, end), newText: '' };
  };
  return closeLine === null ? [wholeLine(openLine)] : [wholeLine(openLine), wholeLine(closeLine)];
}
