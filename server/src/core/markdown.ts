// Markdown structure per source line. Postmortems are written in every style (real headings, bold
// lines, plain "Label:" lines, whole documents indented into code blocks), so the model reads the
// document line by line, and micromark (the parser inside remark) tells it what each line is in
// Markdown terms.
import type { Extension } from 'micromark-util-types';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { readBlockEvents } from './blockEvents';
import { detached, LineIndex } from './text';

export type LineKind =
  | 'blank'
  | 'heading'
  | 'heading-underline'
  | 'paragraph'
  | 'table-row'
  | 'table-header'
  | 'table-delimiter'
  | 'indented-code'
  | 'fenced-code'
  | 'html'
  | 'frontmatter'
  | 'rule'
  | 'other';

export interface LineInfo {
  kind: LineKind;
  /** Heading depth 1-6 for 'heading' lines. */
  depth: number;
  /** True on the first line of a list item. */
  itemStart: boolean;
  /** Index (into `listItems`) of the innermost list item holding this line, or -1. */
  item: number;
  /** Index of the first line of the block (paragraph, heading, table, code) holding this line. */
  blockStart: number;
}

export interface ListItemSpan {
  firstLine: number;
  lastLine: number;
  parent: number;
}

export interface MarkdownLines {
  index: LineIndex;
  info: LineInfo[];
  listItems: ListItemSpan[];
  frontMatter: string | null;
  /** Set when remark could not parse the document (e.g. nesting so deep it overflowed the stack). */
  parseError: string | null;
}

// The model reads only block structure: which line is a heading, a list item, a table row, code.
// CommonMark settles block structure before inline structure ("indicators of block structure always
// take precedence"), so inline structure is never read: blockEvents.ts gives paragraphs, headings and
// table cells a flat tokenizer (one data token per line). Text that opens with "[" still goes to
// micromark's own tokenizers (it may be a definition or a task item's check box), and for that text the
// inline constructs below are switched off. test/unit/incremental.test.ts proves the line kinds equal
// remark's full parse.
export const INLINE_CONSTRUCTS = [
  'attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText',
  'labelEnd', 'labelStartImage', 'labelStartLink', 'emailAutolink', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall',
  'protocolAutolink', 'strikethrough', 'wwwAutolink',
];
const BLOCKS_ONLY: Extension = { disable: { null: INLINE_CONSTRUCTS } };
// GFM changes what the model reads only through tables, footnote definitions and task list items (a
// "[ ]" alone on an item's first line moves its paragraph to the next line): only these are used.
const GFM_BLOCKS: Extension[] = [gfmTable(), gfmFootnote(), gfmTaskListItem()];
/** The extensions of a document's first chunk (which may open with front matter), as remark orders them. */
const FIRST_CHUNK_EXTENSIONS: Extension[] = [...GFM_BLOCKS, frontmatter(['yaml']), BLOCKS_ONLY];
// Front matter exists only at the very start of a document: later chunks are parsed without it.
const BODY_EXTENSIONS: Extension[] = [...GFM_BLOCKS, BLOCKS_ONLY];
// Tables need a "|", footnote definitions a "[^" and task list items a "[ ]" or "[x]": a chunk with
// none of them parses the same without GFM, at about half the cost.
const PLAIN_BODY_EXTENSIONS: Extension[] = [BLOCKS_ONLY];
const GFM_BLOCK_SIGNS = /\||\[\^|\[[ \txX]\]/;

/** Line kinds of one stretch of text, in its own line numbers (0 = its first line). */
interface ChunkLines {
  info: LineInfo[];
  listItems: ListItemSpan[];
  frontMatter: string | null;
  parseError: string | null;
  /** A block runs into the chunk's trailing blank lines (an unclosed fence, HTML comment, list item): it may go on. */
  open: boolean;
  /** The delimiter ("." or ")") of the ordered list at column 0 whose item holds the chunk's last line, if any. */
  orderedDelimiter: string | null;
  /** Readings of the chunk's lines that LineMemo keeps (made on first use): they live as long as the chunk. */
  slots?: Map<object, LineSlots>;
}

/** One memo's readings of a chunk's lines, by line in the chunk, with the variant each was read in. */
export interface LineSlots {
  variants: Array<string | number | undefined>;
  values: unknown[];
}

/** Which cached chunk holds each line of the last analysis (so per-line readings can live in it). */
export interface ChunkPlacement {
  lines: MarkdownLines;
  chunkOf: Int32Array;
  chunks: ChunkLines[];
  firstLines: number[];
}

/**
 * Parsed chunks found by their text, for re-analysing a document after an edit: only the chunks whose
 * text changed are parsed again. Holds what the last analysis used (and what the one before used, until
 * the next analysis), so its size follows one document.
 *
 * Looked up by a hash of the chunk's characters and compared in place, so a lookup copies nothing: a key
 * cut from the document would be a new string of the whole document on every keystroke, and one kept
 * would keep that version of the document alive. Each entry keeps its own copy of its text.
 */
export class ChunkCache {
  private readonly buckets = new Map<number, CachedChunk[]>();
  private generation = 0;
  hits = 0;
  misses = 0;
  /** Where the last analysis found each line (set by analyzeLines). */
  placement: ChunkPlacement | null = null;

  /** Start an analysis: what the last one did not use is dropped. */
  begin(): void {
    for (const [hash, bucket] of this.buckets) {
      const kept = bucket.filter((entry) => entry.used >= this.generation);
      if (kept.length === 0) this.buckets.delete(hash);
      else if (kept.length < bucket.length) this.buckets.set(hash, kept);
    }
    this.generation++;
  }

  /** The chunk `text.slice(from, to)` (the document's first chunk or a later one), if parsed before. */
  get(text: string, from: number, to: number, first: boolean): ChunkLines | undefined {
    const bucket = this.buckets.get(rangeHash(text, from, to, first));
    const found = bucket?.find((entry) => entry.first === first && sameText(entry.text, text, from, to));
    if (!found) return undefined;
    this.hits++;
    found.used = this.generation;
    return found.lines;
  }

  set(text: string, from: number, to: number, first: boolean, lines: ChunkLines): void {
    this.misses++;
    const hash = rangeHash(text, from, to, first);
    const entry: CachedChunk = { text: detached(text.slice(from, to)), first, lines, used: this.generation };
    const bucket = this.buckets.get(hash);
    if (bucket) bucket.push(entry);
    else this.buckets.set(hash, [entry]);
  }

  /** Chunks the last analysis used. */
  get size(): number {
    let count = 0;
    for (const bucket of this.buckets.values()) for (const entry of bucket) if (entry.used === this.generation) count++;
    return count;
  }
}

interface CachedChunk {
  text: string;
  first: boolean;
  lines: ChunkLines;
  used: number;
}

function rangeHash(text: string, from: number, to: number, first: boolean): number {
  return fnv1a(text, from, to, first ? 0x811c9dc5 : 0x050c5d1f);
}

/** FNV-1a over `text[from, to)`, without cutting the range out. */
function fnv1a(text: string, from: number, to: number, basis: number): number {
  let hash = basis;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

function sameText(own: string, text: string, from: number, to: number): boolean {
  if (own.length !== to - from) return false;
  for (let i = 0; i < own.length; i++) if (own.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
}

/**
 * Where the text can be cut into chunks that parse exactly as they do in the whole document:
 * - before a line that starts at column 0 right after a blank line. There, every block is closed (a list
 *   item needs indentation, a block quote needs its marker, a table and a paragraph end at a blank line);
 * - before a bullet list item at column 0 ("- text", "* text", "+ text"), blank line or not: a bullet
 *   with content ends every container that is not indented under it, and interrupts a paragraph, so a
 *   long list (a whole timeline) need not be one chunk;
 * - before an ordered item at column 0 ("12. text"), blank line or not, when the chunk before ends in an
 *   item of an ordered list at column 0 with the same delimiter: the item goes on that list. (Anywhere
 *   else "12." could not interrupt a paragraph and would continue it: the chunks are merged.)
 * Blocks that run on over such a line (an unclosed fence or HTML block, a table taking the line as a
 * row) show as `open` when the chunk before is parsed, and the chunks are merged. Front matter (only at
 * the start) stays in the first chunk.
 */
function chunkStarts(index: LineIndex, everyBoundary: boolean): ChunkStarts {
  const { lines } = index;
  const starts = [0];
  const continuing: Array<string | null> = [null];
  let from = 1;
  if (lines[0].text.startsWith('---')) {
    from = lines.length;
    for (let i = 1; i < lines.length; i++) {
      if (/^---[ \t]*$/.test(lines[i].text)) {
        from = i + 1;
        break;
      }
    }
  }
  let previousBlank = false;
  for (let i = from - 1; i < lines.length; i++) {
    const text = lines[i].text;
    if (i >= from && text.length > 0) {
      const code = text.charCodeAt(0);
      const bullet = !previousBlank && isBulletItem(text);
      const delimiter = previousBlank || bullet ? null : orderedDelimiterOf(text);
      const boundary = previousBlank ? code !== 32 && code !== 9 : bullet || delimiter !== null;
      // Not every boundary cuts: a parse call has a fixed cost (~0.2 ms with GFM), so chunks hold about
      // 16 blocks or items. Which boundaries cut depends on the line's text alone, so an edit moves no
      // other cut.
      if (boundary && (everyBoundary || (hashOf(text) & 15) === 0 || i - starts[starts.length - 1] >= MAX_CHUNK_LINES)) {
        starts.push(i);
        continuing.push(delimiter);
      }
    }
    previousBlank = i >= 0 && BLANK.test(text);
  }
  return { starts, continuing };
}

interface ChunkStarts {
  /** First line of each chunk. */
  starts: number[];
  /**
   * For a chunk that starts with a numbered item right under a line of text, the delimiter of the
   * numbered list the chunk before must end in (the item goes on it); else null.
   */
  continuing: Array<string | null>;
}

/**
 * "- text", "* text", "+ text" at column 0: not an empty item, not a thematic break ("* * *"), and not
 * a line a table's delimiter row could be ("- | -" under "a | b" makes a table).
 */
function isBulletItem(text: string): boolean {
  const code = text.charCodeAt(0);
  return (code === 45 || code === 42 || code === 43) && BULLET_ITEM.test(text) && NOT_DELIMITER_ROW.test(text) && !THEMATIC_BREAK.test(text) && plainItemStart(text);
}

/**
 * Whether an item's first line starts plainly. Right after a paragraph line micromark reads what opens
 * the item as interrupting that paragraph, unlike the same item alone: "- 2. x" makes no inner list
 * there, "- <tag>" no HTML block, "- [a]: /b" no definition. Items that open like that are not cut before.
 */
function plainItemStart(text: string): boolean {
  const content = text.replace(ITEM_MARKER, '');
  return !NESTED_START.test(content);
}
const ITEM_MARKER = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const NESTED_START = /^(?:(?:\d{1,9}[.)]|[-*+])(?:[ \t]|$)|[<>#`~|=_]|\[[^\]]*\]:)/;
/** "." or ")" for an ordered list item at column 0 with content ("3. text", "3) text"), else null. */
function orderedDelimiterOf(text: string): string | null {
  const code = text.charCodeAt(0);
  if (code < 48 || code > 57) return null;
  const delimiter = ORDERED_ITEM.exec(text)?.[1] ?? null;
  return delimiter !== null && plainItemStart(text) ? delimiter : null;
}
const ORDERED_ITEM = /^\d{1,9}([.)])[ \t]+\S/;
const BULLET_ITEM = /^[-*+][ \t]+\S/;
const NOT_DELIMITER_ROW = /[^\s|:-]/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BLANK = /^[ \t]*$/;
const CODE_KINDS = new Set<LineKind>(['indented-code', 'fenced-code']);
// Blocks an item at column 0 does not end (code, which runs on too, is in CODE_KINDS).
const RUNS_ON_OVER_AN_ITEM = new Set<LineKind>(['html', 'table-header', 'table-delimiter', 'table-row', 'frontmatter']);
const MAX_CHUNK_LINES = 400;

function hashOf(text: string): number {
  let hash = fnv1a(text, 0, text.length, 0x811c9dc5);
  // FNV's low bits depend only on the characters' low bits: mix (murmur3's finalizer) before masking.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

function parseChunk(text: string, first: boolean): ChunkLines {
  const index = new LineIndex(text);
  // A chunk ending with a line break has an empty last line (the next chunk's first): not part of it.
  const lineCount = text.endsWith('\n') || text.endsWith('\r') ? index.lineCount - 1 : index.lineCount;
  const out = readLines(text, index, eventReader(first ? FIRST_CHUNK_EXTENSIONS : GFM_BLOCK_SIGNS.test(text) ? BODY_EXTENSIONS : PLAIN_BODY_EXTENSIONS));
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

/**
 * Markdown structure per line. The text is cut into chunks at safe boundaries and each is parsed on its
 * own (smaller trees, less garbage); with a `cache`, chunks already parsed (same text) are reused.
 */
export function analyzeLines(text: string, index = new LineIndex(text), cache?: ChunkCache, everyBoundary = false): MarkdownLines {
  cache?.begin();
  const { starts, continuing } = chunkStarts(index, everyBoundary);
  const { lines } = index;
  const info: LineInfo[] = new Array(index.lineCount);
  const result: MarkdownLines = { index, info, listItems: [], frontMatter: null, parseError: null };
  const placement: ChunkPlacement | null = cache ? { lines: result, chunkOf: new Int32Array(index.lineCount), chunks: [], firstLines: [] } : null;
  let c = 0;
  while (c < starts.length) {
    let take = 1;
    for (;;) {
      const end = Math.min(c + take, starts.length);
      const firstLine = starts[c];
      const from = lines[firstLine].start;
      const to = end < starts.length ? lines[starts[end]].start : text.length;
      let chunk = cache?.get(text, from, to, c === 0);
      if (!chunk) {
        chunk = parseChunk(text.slice(from, to), c === 0);
        cache?.set(text, from, to, c === 0, chunk);
      }
      // A numbered item cut off without a blank line goes on the list the chunk ends in, or nowhere.
      const orphan = end < starts.length && continuing[end] !== null && continuing[end] !== chunk.orderedDelimiter;
      if ((chunk.open || orphan) && end < starts.length) {
        take *= 2; // An unclosed block runs on: parse a longer stretch (doubling keeps it linear).
        continue;
      }
      const lineCount = (end < starts.length ? starts[end] : index.lineCount) - firstLine;
      appendChunk(result, chunk, firstLine, lineCount);
      if (placement) {
        placement.chunkOf.fill(placement.chunks.length, firstLine, firstLine + lineCount);
        placement.chunks.push(chunk);
        placement.firstLines.push(firstLine);
      }
      c = end;
      break;
    }
  }
  if (cache) cache.placement = placement;
  return result;
}

function appendChunk(out: MarkdownLines, chunk: ChunkLines, firstLine: number, lineCount: number): void {
  const itemOffset = out.listItems.length;
  // A chunk that ends with a line break has an empty last line: the next chunk's first.
  for (let i = 0; i < lineCount; i++) {
    const line = chunk.info[i];
    out.info[firstLine + i] = {
      kind: line.kind,
      depth: line.depth,
      itemStart: line.itemStart,
      item: line.item < 0 ? -1 : line.item + itemOffset,
      blockStart: line.blockStart + firstLine,
    };
  }
  for (const item of chunk.listItems) {
    out.listItems.push({ firstLine: item.firstLine + firstLine, lastLine: item.lastLine + firstLine, parent: item.parent < 0 ? -1 : item.parent + itemOffset });
  }
  if (out.frontMatter === null) out.frontMatter = chunk.frontMatter;
  if (out.parseError === null) out.parseError = chunk.parseError;
}

/**
 * The front matter's text without parsing the document: only the first chunk (which holds it) is read.
 * Front matter opens on the document's first line, so anything else has none.
 */
export function frontMatterOf(text: string): string | null {
  if (!text.startsWith('---')) return null;
  // The closing fence: "---" and nothing but spaces after it (micromark-extension-frontmatter's rule).
  const close = /[\r\n]---[ \t]*(?:\r\n|\r|\n|$)/.exec(text);
  const head = close ? text.slice(0, close.index + close[0].length) : text;
  return parseChunk(head, true).frontMatter;
}

/** Lines as blank or paragraph, without parsing: for documents that get no analysis. */
export function plainLines(index: LineIndex): MarkdownLines {
  const info = index.lines.map((line): LineInfo => ({ kind: line.text.trim() === '' ? 'blank' : 'paragraph', depth: 0, itemStart: false, item: -1, blockStart: line.index }));
  return { index, info, listItems: [], frontMatter: null, parseError: null };
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
    const depth = deepestNesting(index);
    if (depth > MAX_NESTING) throw new RangeError(`${depth} levels of block quotes or lists in one line, more than ${MAX_NESTING}`);
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

/**
 * Containers (block quotes, list items) nested deeper than this are not parsed: remark's time grows with
 * the square of the depth (and its stack overflows at a few thousand), and no postmortem nests so deep.
 * The chunk's lines are then read one by one, and the model reports it once (document-too-deep).
 */
export const MAX_NESTING = 100;

/** The most containers any line opens: its "> " and list markers, and its indentation in steps of four. */
function deepestNesting(index: LineIndex): number {
  let deepest = 0;
  for (const line of index.lines) {
    const text = line.text;
    let depth = 0;
    let indent = 0;
    let i = 0;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 32) indent++;
      else if (code === 9) indent += 4;
      else if (code === 62 /* > */) depth++;
      else if ((code === 45 || code === 42 || code === 43) && i + 1 < text.length && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) depth++; // - * +
      else if (code >= 48 && code <= 57) {
        const marker = /^\d{1,9}[.)][ \t]/.exec(text.slice(i, i + 12));
        if (!marker) break;
        depth++;
        i += marker[0].length - 2;
      } else break;
      // The one space after a marker separates it from what follows: not indentation.
      if (code !== 32 && code !== 9 && i + 1 < text.length && text.charCodeAt(i + 1) === 32) i++;
      i++;
    }
    if (depth > 0) depth += indent >> 2;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/**
 * Marks the lines of blocks, given as source offsets, in the order of a walk of remark's tree: a
 * container's lines first, then its children's. Blank lines keep their kind, except in code and front
 * matter.
 */
export class LineMarker {
  constructor(private readonly out: MarkdownLines, private readonly shift = 0) {}

  /** The first and last line of the text from `start` to `end` (offsets in the parsed text). */
  private lines(start: number, end: number): [number, number] {
    const { index } = this.out;
    const first = index.lineAt(start + this.shift);
    // An end offset at the very start of a line belongs to the line before.
    let last = index.lineAt(end + this.shift);
    if (last > first && index.lines[last].start === end + this.shift) last--;
    return [first, last];
  }

  /** Marks a block in list item `item` (-1: none); `kind` 'item' opens a list item, and returns its number. */
  mark(kind: LineKind | 'table' | 'item', start: number, end: number, item: number, depth = 0): number {
    const [first, last] = this.lines(start, end);
    const { info, index } = this.out;
    switch (kind) {
      case 'item': {
        const id = this.out.listItems.length;
        this.out.listItems.push({ firstLine: first, lastLine: last, parent: item });
        this.fill(first, last, 'paragraph', id, 0);
        info[first].itemStart = true;
        return id;
      }
      case 'heading':
        this.fill(first, last, 'heading', item, depth);
        if (last > first && isSetextUnderline(index.lines[last].text)) info[last].kind = 'heading-underline';
        return -1;
      case 'fenced-code':
      case 'indented-code': {
        // By its first line: an indented block whose text opens with ``` reads as fenced.
        const opener = index.lines[first].text.trimStart();
        this.fill(first, last, opener.startsWith('```') || opener.startsWith('~~~') ? 'fenced-code' : 'indented-code', item, 0);
        return -1;
      }
      case 'table':
        this.fill(first, last, 'table-row', item, 0);
        info[first].kind = 'table-header';
        if (first + 1 <= last) info[first + 1].kind = 'table-delimiter';
        return -1;
      default:
        this.fill(first, last, kind, item, depth);
        return -1;
    }
  }

  frontMatter(value: string): void {
    this.out.frontMatter = value;
  }

  private fill(first: number, last: number, kind: LineKind, item: number, depth: number): void {
    for (let line = first; line <= last; line++) {
      const target = this.out.info[line];
      if (target.kind === 'blank' && kind !== 'fenced-code' && kind !== 'frontmatter') continue;
      target.kind = kind;
      target.depth = depth;
      target.item = item;
      target.blockStart = first;
    }
  }
}

function isSetextUnderline(text: string): boolean {
  return /^ {0,3}(=+|-+)\s*$/.test(text);
}
