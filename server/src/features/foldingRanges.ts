// Folding: each section, and each timeline entry that spans more than one line.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../core/model';

export function foldingRanges(model: PostmortemModel): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const section of model.sections) {
    if (section.endLine > section.line) ranges.push({ startLine: section.line, endLine: section.endLine, kind: FoldingRangeKind.Region });
  }
  for (const entry of model.timeline) {
    if (entry.lastLine > entry.line) ranges.push({ startLine: entry.line, endLine: entry.lastLine });
  }
  return ranges;
}
