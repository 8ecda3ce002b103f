// Parsing one chunk of a document into line kinds.
import type { Extension } from 'micromark-util-types';
import { detached, LineIndex } from '../text';
import { readBlockEvents } from './blockEvents';
import { orderedDelimiterOf } from './chunks';
import { extensionsFor } from './extensions';
import { BLANK, CODE_KINDS, RUNS_ON_OVER_AN_ITEM, type LineInfo, type ListItemSpan, type MarkdownLines } from './lineKinds';
import { LineMarker } from './lineMarker';
import { guardNesting } from './nestingGuard';

/** Line kinds of one stretch of text, in its own line numbers (0 = its first line). */
export interface ChunkLines {
  info: LineInfo[];
  listItems: ListItemSpan[];
  frontMatter: string | null;
  parseError: string | null;
  /** A block runs into the chunk's trailing blank lines (an unclosed fence, HTML comment, list item): it may go on. */
  open: boolean;
  /** The delimiter ("." or ")") of the ordered list at column 0 whose item holds the chunk's last line, if any. */
  orderedDelimiter: string | null;
}

/** Parses a chunk: the document's first (`first`, which may open with front matter) or a later one. */
export function parseChunk(text: string, first: boolean): ChunkLines {
  const index = new LineIndex(text);
  // A chunk ending with a line break has an empty last line (the next chunk's first): not part of it.
  const lineCount = text.endsWith('\n') || text.endsWith('\r') ? index.lineCount - 1 : index.lineCount;
  const out = readLines(text, index, eventReader(extensionsFor(text, first)));
  let lastBlockLine = -1;
  for (let i = 0; i < lineCount; i++) if (out.info[i].kind !== 'blank') lastBlockLine = i;
  let lastNonBlank = lineCount - 1;
  while (lastNonBlank >= 0 && BLANK.test(index.lines[lastNonBlank].text)) lastNonBlank--;
  // The chunk ends on a line of text, not a blank: the next may start with an item, no blank between.
  const endsOnText = lastNonBlank >= 0 && lastNonBlank === lineCount - 1;
  return {
    info: out.info,
    listItems: out.listItems,
    // Kept in the cache across versions: its own copy, not a view into this version's text.
    frontMatter: out.frontMatter === null ? null : detached(out.frontMatter),
    parseError: out.parseError,
    // A chunk cut off right before an item (no blank line between) is open if its last line is in a
    // block that the item would not close: a fence, an HTML block, a table (which takes it as a row).
    // After indented code (blank lines or not) micromark reads the next block differently from the same
    // block alone: "2. x" or "- 2. x" make no list there. Such a chunk is merged with the next (and one
    // ending in any code: an indented block whose text opens with ``` reads as fenced).
    open: out.lastNodeLine > lastNonBlank || lastBlockLine > lastNonBlank || (lastNonBlank >= 0 && CODE_KINDS.has(out.info[lastNonBlank].kind)) ||
      (endsOnText && RUNS_ON_OVER_AN_ITEM.has(out.info[lastNonBlank].kind)),
    orderedDelimiter: endsOnText ? topOrderedDelimiter(out, index, lastNonBlank) : null,
  };
}

/** The delimiter of the list at column 0 whose item holds `line`, when that list is ordered. */
function topOrderedDelimiter(lines: MarkdownLines, index: LineIndex, line: number): string | null {
  let item = lines.info[line].item;
  if (item < 0) return null;
  while (lines.listItems[item].parent >= 0) item = lines.listItems[item].parent;
  return orderedDelimiterOf(index.lines[lines.listItems[item].firstLine].text);
}

/** Parses a text and marks its lines' kinds (throws when the parser fails); returns its last block's end. */
export type BlockReader = (source: string, marker: LineMarker) => number;

function eventReader(extensions: Extension[]): BlockReader {
  return (source, marker) => {
    const blocks = readBlockEvents(source, extensions);
    for (const mark of blocks.marks) marker.mark(mark.kind, mark.start, mark.end, mark.item, mark.depth);
    if (blocks.frontMatter !== null) marker.frontMatter(blocks.frontMatter);
    return blocks.lastEnd;
  };
}

/** A text's line kinds, as `read` finds them (see BlockReader); lines it marks nothing on are paragraphs. */
export function readLines(text: string, index: LineIndex, read: BlockReader): MarkdownLines & { lastNodeLine: number } {
  const info: LineInfo[] = index.lines.map((line) => ({
    kind: line.text.trim() === '' ? 'blank' : 'other',
    depth: 0,
    itemStart: false,
    item: -1,
    blockStart: line.index,
  }));
  const result: MarkdownLines & { lastNodeLine: number } = { index, info, listItems: [], frontMatter: null, parseError: null, lastNodeLine: -1 };
  // micromark drops a byte order mark and counts offsets without it: parse without it, and shift back.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lastEnd: number;
  try {
    guardNesting(index);
    lastEnd = read(bom ? text.slice(1) : text, new LineMarker(result, bom));
  } catch (error) {
    // Without the parse every line is read as text: the line-based reading of the model still works.
    result.parseError = error instanceof Error ? error.message : String(error);
    info.forEach((line, i) => {
      if (line.kind !== 'blank') Object.assign(line, { kind: 'paragraph', depth: 0, itemStart: false, item: -1, blockStart: i });
    });
    result.listItems = [];
    result.frontMatter = null;
    return result;
  }
  if (lastEnd >= 0) {
    // The line of the last block's end; an end at the very start of a line belongs to the line before.
    const last = lastEnd + bom;
    let line = index.lineAt(last);
    if (line > 0 && index.lines[line].start === last) line--;
    result.lastNodeLine = line;
  }
  for (const line of info) if (line.kind === 'other') line.kind = 'paragraph';
  return result;
}
