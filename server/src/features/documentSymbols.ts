// The outline: sections (and other headings), with the Timeline's entries under it by time and first words.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../core/model';
import type { LineIndex } from '../core/text';

export function documentSymbols(model: PostmortemModel): DocumentSymbol[] {
  if (!model.isPostmortem) return [];
  const index = model.lines.index;
  const symbols: DocumentSymbol[] = [];
  const headings = [
    ...model.sections.map((section) => ({ line: section.line, endLine: section.endLine, title: section.title, start: section.titleStart, end: section.titleEnd, isTimeline: section === model.timelineSection, known: true })),
    ...model.otherHeadings.map((header) => ({ line: header.line, endLine: header.line, title: header.title, start: header.titleStart, end: header.titleEnd, isTimeline: false, known: false })),
  ].sort((a, b) => a.line - b.line);
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i];
    // Other headings run to the next heading of any kind, so every symbol's range contains its children.
    const endLine = heading.known ? Math.max(heading.line, heading.endLine) : Math.max(heading.line, (headings[i + 1]?.line ?? index.lineCount) - 1);
    const symbol: DocumentSymbol = {
      name: cleanTitle(heading.title) || '(untitled)',
      kind: heading.known ? SymbolKind.Namespace : SymbolKind.String,
      range: wholeLines(index, heading.line, endLine),
      selectionRange: index.range(heading.start, heading.end),
      children: [],
    };
    if (heading.isTimeline) {
      symbol.kind = SymbolKind.Event;
      symbol.children = model.timeline.map((entry) => ({
        name: `${entry.timeText || '?'} ${entry.text.slice(0, 60)}`.trim(),
        detail: entry.axis === null ? 'unreadable time' : entry.zone?.label ?? '',
        kind: SymbolKind.Event,
        range: wholeLines(index, entry.line, Math.min(entry.lastLine, endLine)),
        selectionRange: index.range(entry.timeStart, Math.max(entry.timeEnd, entry.timeStart)),
      }));
    }
    symbols.push(symbol);
  }
  return symbols;
}

function cleanTitle(title: string): string {
  return title.replace(/<[^>]+>/g, '').replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
}

function wholeLines(index: LineIndex, first: number, last: number) {
  return index.lineRange(first, Math.max(first, last));
}
