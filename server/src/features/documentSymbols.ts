// The outline: the document's headings as a tree (the title holds the sections), recognized
// sections among them, under the Timeline each entry by its time and first words, and under the nearest
// heading above each action item (known to the profile or not) that item.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../core/model';
import { detached, type LineIndex } from '../core/text';
import { PSEUDO_DEPTH } from '../core/sections';
import { dueText } from '../core/actionItems';
import { plainText } from '../core/inline';

interface Node {
  line: number;
  endLine: number;
  depth: number;
  symbol: DocumentSymbol;
  isTimeline: boolean;
}

export function documentSymbols(model: PostmortemModel): DocumentSymbol[] {
  const index = model.lines.index;
  const lastLine = index.lineCount - 1;
  const headings = [
    ...model.sections.map((section) => ({ ...section, known: true, isTimeline: section === model.timelineSection })),
    ...model.otherHeadings.map((header) => ({ ...header, endLine: -1, known: false, isTimeline: false })),
  ].sort((a, b) => a.line - b.line);
  const nodes: Node[] = headings.map((heading, i) => {
    // A heading the profile does not know runs to the next heading of its level or above.
    let endLine = heading.endLine;
    if (!heading.known) {
      const next = headings.slice(i + 1).find((other) => other.depth <= heading.depth);
      endLine = next ? next.line - 1 : lastLine;
      while (endLine > heading.line && model.lines.info[endLine].kind === 'blank') endLine--;
    }
    endLine = Math.max(heading.line, endLine);
    const symbol: DocumentSymbol = {
      name: cleanTitle(heading.title) || '(untitled)',
      kind: heading.isTimeline ? SymbolKind.Event : heading.known ? SymbolKind.Namespace : SymbolKind.String,
      range: wholeLines(index, heading.line, endLine),
      selectionRange: index.range(heading.titleStart, heading.titleEnd),
      children: heading.isTimeline ? timelineChildren(model, endLine) : [],
    };
    return { line: heading.line, endLine, depth: heading.depth, symbol, isTimeline: heading.isTimeline };
  });
  const roots: DocumentSymbol[] = [];
  placeActionItems(model, nodes, roots);
  // Nest by depth, as long as the parent's range holds the child.
  const stack: Node[] = [];
  for (const node of nodes) {
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.depth < node.depth && top.depth < PSEUDO_DEPTH && node.line <= top.endLine && node.endLine <= top.endLine) break;
      stack.pop();
    }
    (stack.length ? stack[stack.length - 1].symbol.children! : roots).push(node.symbol);
    stack.push(node);
  }
  // Items come before the headings nested in the same parent: put every list back in line order.
  const byLine = (symbols: DocumentSymbol[]) => {
    symbols.sort((a, b) => a.range.start.line - b.range.start.line);
    for (const symbol of symbols) if (symbol.children) byLine(symbol.children);
  };
  byLine(roots);
  return roots;
}

/**
 * Each action item under the innermost heading whose range holds it (the last one starting above it, as
 * `nodes` are in line order); an item above every heading stays at the top level.
 */
function placeActionItems(model: PostmortemModel, nodes: readonly Node[], roots: DocumentSymbol[]): void {
  const index = model.lines.index;
  for (const item of model.actionItems) {
    let holder: Node | undefined;
    for (const node of nodes) {
      if (node.line > item.line) break;
      if (item.line <= node.endLine && !node.isTimeline) holder = node;
    }
    (holder ? holder.symbol.children! : roots).push({
      name: cleanTitle(item.text).slice(0, 60) || '(action item)',
      detail: [item.done ? 'done' : 'open', item.owner?.text, item.due ? `due ${dueText(item.due)}` : null].filter(Boolean).join(' · '),
      kind: SymbolKind.Field,
      range: wholeLines(index, item.line, item.lastLine),
      selectionRange: index.range(item.start, index.lines[item.line].end),
    });
  }
}

function timelineChildren(model: PostmortemModel, endLine: number): DocumentSymbol[] {
  const index = model.lines.index;
  return model.timeline.map((entry) => ({
    name: `${entry.timeText || '?'} ${entryWords(entry.text)}`.trim(),
    detail: entry.axis === null ? 'unreadable time' : entry.zone?.label ?? '',
    kind: SymbolKind.Event,
    range: wholeLines(index, entry.line, Math.min(entry.lastLine, endLine)),
    selectionRange: index.range(entry.timeStart, Math.max(entry.timeEnd, entry.timeStart)),
  }));
}

/**
 * An entry's first words in the outline, from its plain words. The outline is asked for again after each
 * edit, and the words of an unchanged entry come again (the same string, from the reused line reading):
 * they are cleaned once, not on every outline of a long timeline. Bounded: emptied when full.
 */
const ENTRY_WORDS = new Map<string, string>();
const ENTRY_WORDS_KEPT = 50_000;

function entryWords(text: string): string {
  let words = ENTRY_WORDS.get(text);
  if (words === undefined) {
    words = cleanTitle(text).slice(0, 60);
    if (ENTRY_WORDS.size >= ENTRY_WORDS_KEPT) ENTRY_WORDS.clear();
    // Copies: the words are a slice of their line's text, which V8 keeps whole for a slice.
    words = detached(words);
    ENTRY_WORDS.set(detached(text), words);
  }
  return words;
}

/**
 * What the reader sees, not the Markdown: "Duration" for "- ### Duration:", "Timeline" for
 * "**[Timeline](https://…)**", no images, entities or emoji codes.
 */
function cleanTitle(title: string): string {
  return plainText(title.replace(/!\[[^\][]{0,1000}\]\([^()]{0,2000}\)/g, ' '))
    .replace(/^(?:#{1,6}[ \t]*|(?:[-+•]|\d{1,3}[.)])[ \t]+)+/, '')
    .replace(/\s+([:;,.!?])/g, '$1')
    .replace(/[ \t]*[:;]+$/, '')
    .trim();
}

function wholeLines(index: LineIndex, first: number, last: number) {
  return index.lineRange(first, Math.max(first, last));
}
