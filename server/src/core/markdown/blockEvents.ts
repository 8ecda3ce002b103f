// Line kinds straight from micromark's events, the tokens remark builds its tree from. The model
// needs only which lines hold which blocks: building mdast nodes for that cost about a seventh of all
// analysis time, and mdast-util-from-markdown's per-parse setup was the costliest code for V8 to
// optimize (each CLI worker compiles it again). For the same reason the insides of paragraphs,
// headings and table cells are not tokenized (see flatTokenizer): about a quarter of all analysis
// time. The spans are the ones remark's nodes get; test/unit/incremental.test.ts compares the two
// readers on the corpus and on random edits.
import { parse, postprocess, preprocess } from 'micromark';
import type { Chunk, Create, Event, Extension, ParseContext, Point, Token, TokenizeContext } from 'micromark-util-types';
import type { LineKind } from './lineKinds';

/** What a block token marks its lines as; containers' lines are marked, then their children's. */
type MarkKind = LineKind | 'table' | 'item';

/**
 * One block's mark, in document (pre-)order as remark's tree walk would make them. List items are
 * numbered in that order: an 'item' mark opens the next number.
 */
export interface BlockMark {
  kind: MarkKind;
  start: number;
  end: number;
  /** The list item holding the block (for an 'item', the item holding its list), or -1. */
  item: number;
  /** Heading depth. */
  depth: number;
}

export interface BlockEvents {
  marks: BlockMark[];
  frontMatter: string | null;
  /** End offset of the last top-level block, or -1. */
  lastEnd: number;
}

/** Blocks whose insides the model does not read: everything from enter to exit is one mark. */
const LEAVES = new Map<string, MarkKind>([
  ['atxHeading', 'heading'],
  ['setextHeading', 'heading'],
  ['codeFenced', 'fenced-code'],
  ['codeIndented', 'indented-code'],
  ['htmlFlow', 'html'],
  ['thematicBreak', 'rule'],
  ['paragraph', 'paragraph'],
  ['definition', 'paragraph'],
  ['table', 'table'],
  ['yaml', 'frontmatter'],
  ['toml', 'frontmatter'],
]);
/** Blocks holding blocks: marked as paragraph lines, then their children. */
const CONTAINERS = new Set(['blockQuote', 'listOrdered', 'listUnordered', 'gfmFootnoteDefinition']);
/** Tokens that may sit between an item's last line and the next item: its end is before them. */
const TRAILING = new Set(['linePrefix', 'blockQuotePrefix', 'blockQuotePrefixWhitespace', 'blockQuoteMarker', 'listItemIndent']);

interface Container {
  list: boolean;
  /** The item its blocks belong to: for a list, the one opened last (until then, `parent`). */
  item: number;
  /** The item the container itself sits in. */
  parent: number;
  /** For a list: the mark of its open item, whose end is settled when the next item or the list's end comes. */
  open: BlockMark | null;
}

interface ReusableParser {
  parser: ParseContext;
  contentTokenizer: Create;
  inlineTokenizer: Create;
}
const parsers = new WeakMap<Extension[], ReusableParser>();

/**
 * micromark's parse() merges every construct table on each call, a few percent of all analysis time
 * with a document read in chunks: a context is made once per extension set and lent to one parse at
 * a time. What a parse records (definition and footnote labels, lazy lines) and the tokenizers that
 * read its text are set for that parse and dropped after it, so no text is kept between parses.
 */
function borrowParser(extensions: Extension[], text: string): ReusableParser {
  let reusable = parsers.get(extensions);
  if (!reusable) {
    const parser = parse({ extensions });
    reusable = { parser, contentTokenizer: parser.content, inlineTokenizer: parser.text };
    parsers.set(extensions, reusable);
  }
  const { parser, contentTokenizer, inlineTokenizer } = reusable;
  // Inside paragraphs, only definitions and a task item's check box ("[ ]" opening a list item's
  // first paragraph) matter to the model, and both open with "[".
  const opensWithBracket = (from: Omit<Point, '_bufferIndex' | '_index'> | undefined) => from !== undefined && text.charCodeAt(from.offset) === 91;
  parser.content = (from) => (opensWithBracket(from) ? contentTokenizer(from) : flatTokenizer(from, true));
  parser.text = (from) => (opensWithBracket(from) ? inlineTokenizer(from) : flatTokenizer(from, false));
  return reusable;
}

function returnParser({ parser, contentTokenizer, inlineTokenizer }: ReusableParser): void {
  parser.content = contentTokenizer;
  parser.text = inlineTokenizer;
  parser.defined = [];
  parser.lazy = {};
  parser.gfmFootnotes = [];
}

/** Parses `text` (no byte order mark) with micromark and reads its blocks' spans. */
export function readBlockEvents(text: string, extensions: Extension[]): BlockEvents {
  const reusable = borrowParser(extensions, text);
  let events: Event[];
  try {
    events = postprocess(reusable.parser.document().write(preprocess()(text, undefined, true)));
  } finally {
    returnParser(reusable);
  }
  const out: BlockEvents = { marks: [], frontMatter: null, lastEnd: -1 };
  const containers: Container[] = [];
  let items = 0;
  let leaf: Token | null = null;
  for (let i = 0; i < events.length; i++) {
    const [kind, token] = events[i];
    const type = token.type;
    if (leaf) {
      if (kind === 'exit' && token === leaf) {
        leaf = null;
        if (containers.length === 0) out.lastEnd = token.end.offset;
      }
      continue;
    }
    const holder = containers[containers.length - 1];
    const item = holder ? holder.item : -1;
    if (kind === 'enter') {
      const leafKind = LEAVES.get(type);
      if (leafKind !== undefined) {
        leaf = token;
        const mark: BlockMark = { kind: leafKind, start: token.start.offset, end: token.end.offset, item, depth: 0 };
        if (leafKind === 'heading') mark.depth = headingDepth(events, i, text);
        else if (leafKind === 'frontmatter') out.frontMatter = frontMatterValue(events, i, text);
        else if (type === 'paragraph' && events[i + 1]?.[1].type === 'taskListCheck') mark.start = taskListParagraphStart(events, i, mark.start);
        out.marks.push(mark);
      } else if (CONTAINERS.has(type)) {
        const list = type === 'listOrdered' || type === 'listUnordered';
        out.marks.push({ kind: 'paragraph', start: token.start.offset, end: token.end.offset, item, depth: 0 });
        containers.push({ list, item, parent: item, open: null });
      } else if (type === 'listItemPrefix' && holder?.list) {
        closeItem(holder, events, i, token.end.offset);
        holder.item = items++;
        holder.open = { kind: 'item', start: token.start.offset, end: -1, item: holder.parent, depth: 0 };
        out.marks.push(holder.open);
      }
    } else if (CONTAINERS.has(type)) {
      closeItem(holder, events, i, token.end.offset);
      containers.pop();
      if (containers.length === 0) out.lastEnd = token.end.offset;
    }
  }
  return out;
}

/**
 * Ends a list's open item as mdast-util-from-markdown does: before the line endings (and the
 * indentation and block quote markers between them) that precede the next item or the list's end.
 */
function closeItem(list: Container, events: Event[], at: number, fallbackEnd: number): void {
  if (!list.open) return;
  let lineEnding = -1;
  for (let i = at - 1; i >= 0; i--) {
    const [kind, token] = events[i];
    if (token.type === 'lineEnding' || token.type === 'lineEndingBlank') {
      if (kind === 'enter') lineEnding = i;
    } else if (!TRAILING.has(token.type)) {
      break;
    }
  }
  list.open.end = lineEnding >= 0 ? events[lineEnding][1].start.offset : fallbackEnd;
  list.open = null;
}

function headingDepth(events: Event[], at: number, text: string): number {
  for (let i = at + 1; i < events.length; i++) {
    const token = events[i][1];
    if (token.type === 'atxHeadingSequence') return token.end.offset - token.start.offset;
    if (token.type === 'setextHeadingLineSequence') return text.charCodeAt(token.start.offset) === 61 /* = */ ? 1 : 2;
  }
  return 1;
}

/**
 * The front matter's text as mdast-util-frontmatter gives it: what lies between the fences, less one
 * line break at each end.
 */
function frontMatterValue(events: Event[], at: number, text: string): string {
  const block = events[at][1];
  let openingEnd = -1;
  let closingStart = -1;
  for (let i = at + 1; i < events.length && events[i][1] !== block; i++) {
    const [kind, token] = events[i];
    // micromark-extension-frontmatter declares no token types.
    if (kind === 'enter' && ((token.type as string) === 'yamlFence' || (token.type as string) === 'tomlFence')) {
      if (openingEnd < 0) openingEnd = token.end.offset;
      else closingStart = token.start.offset;
    }
  }
  if (openingEnd < 0 || closingStart < 0) return '';
  return text.slice(openingEnd, closingStart).replace(/^(?:\r?\n|\r)|(?:\r?\n|\r)$/g, '');
}

/** Tokens of a paragraph that become text in mdast (consecutive ones join into one text node). */
const TEXT = new Set(['data', 'lineEnding']);
/** Tokens of a paragraph that mdast drops (trailing spaces, indentation, block quote markers). */
const DROPPED = new Set(['lineSuffix', 'whitespace', 'linePrefix', 'listItemIndent', 'blockQuotePrefix', 'blockQuoteMarker', 'blockQuotePrefixWhitespace']);

/**
 * mdast-util-gfm-task-list-item drops the first character of the text after "[ ]" (a space, or the
 * line break when the check box ends its line), and the paragraph then starts one character on.
 * Text that would be left empty is removed instead, and the start stays.
 */
function taskListParagraphStart(events: Event[], at: number, start: number): number {
  const check = events[at + 1][1];
  let i = at + 2;
  while (i < events.length && events[i][1] !== check) i++;
  let head: Token | null = null;
  let length = 0;
  for (i++; i < events.length; i++) {
    const [kind, token] = events[i];
    if (kind === 'exit') {
      if (token.type === 'paragraph') break;
      continue;
    }
    if (TEXT.has(token.type)) {
      head ??= token;
      length += token.end.offset - token.start.offset;
      if (length > 1) break;
    } else if (!DROPPED.has(token.type)) {
      break; // a hard break or other node: the text (if any) ends here
    }
  }
  return head && length > 1 ? head.start.offset + 1 : start;
}

/**
 * Stands in for micromark's tokenizers of a paragraph's content (`content`: definitions, else a
 * paragraph) and of inline content (`text`), where the model reads nothing inside: each line becomes
 * one data token and its line ending, in a paragraph for `content`, without running micromark's
 * constructs over every character again. What is left to micromark: content that opens with "[" (a
 * definition, or a task item's check box in a list item's first paragraph). Block structure does not
 * depend on what is inside a paragraph, so the marks are the same; the incremental test checks them
 * against remark's tree. micromark's subtokenize uses only `events`, `defineSkip` and `write` of it,
 * and writes one line (chunk) at a time, the last one ending in null.
 */
function flatTokenizer(from: Omit<Point, '_bufferIndex' | '_index'> | undefined, paragraph: boolean): TokenizeContext {
  let next = { line: from?.line ?? 1, column: from?.column ?? 1, offset: from?.offset ?? 0 };
  const events: Event[] = [];
  let paragraphToken: Token | null = null;
  const point = (line: number, column: number, offset: number): Point => ({ line, column, offset, _index: 0, _bufferIndex: -1 });
  const enter = (token: Token) => events.push(['enter', token, self]);
  const exit = (token: Token) => events.push(['exit', token, self]);
  const emit = (type: 'data' | 'lineEnding', start: Point, end: Point) => {
    const token = { type, start, end } as Token;
    enter(token);
    exit(token);
  };
  const tokenizer = {
    events,
    defineSkip(start: Point) {
      next = { line: start.line, column: start.column, offset: start.offset };
    },
    write(slice: Chunk[]) {
      let { line, column, offset } = next;
      let dataStart = point(line, column, offset);
      if (paragraph && !paragraphToken) {
        paragraphToken = { type: 'paragraph', start: dataStart, end: dataStart } as Token;
        enter(paragraphToken);
      }
      for (const chunk of slice) {
        if (typeof chunk === 'string') {
          column += chunk.length;
          offset += chunk.length;
        } else if (chunk === -1 /* virtual space */) {
          column++;
        } else if (chunk === -2 /* tab */) {
          column++;
          offset++;
        } else if (chunk === null) {
          if (offset > dataStart.offset) emit('data', dataStart, point(line, column, offset));
          if (paragraphToken) {
            paragraphToken.end = point(line, column, offset);
            exit(paragraphToken);
          }
          return events;
        } else {
          // A line ending (-5 CR, -4 LF, -3 CRLF) ends the line.
          const end = point(line, column, offset);
          if (offset > dataStart.offset) emit('data', dataStart, end);
          offset += chunk === -3 ? 2 : 1;
          line++;
          column = 1;
          dataStart = point(line, column, offset);
          emit('lineEnding', end, dataStart);
        }
      }
      if (offset > dataStart.offset) emit('data', dataStart, point(line, column, offset));
      next = { line, column, offset };
      return events;
    },
  };
  // The rest of TokenizeContext (attempt, check, consume …) is never called on this tokenizer.
  const self = tokenizer as unknown as TokenizeContext;
  return self;
}
