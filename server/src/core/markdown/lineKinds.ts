// What the model knows of each line in Markdown terms: its kind, the block and the list item holding it.
import type { LineIndex } from '../text';

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

export const BLANK = /^[ \t]*$/;
export const CODE_KINDS = new Set<LineKind>(['indented-code', 'fenced-code']);
/** Blocks an item at column 0 does not end (code, which runs on too, is in CODE_KINDS). */
export const RUNS_ON_OVER_AN_ITEM = new Set<LineKind>(['html', 'table-header', 'table-delimiter', 'table-row', 'frontmatter']);

/** Lines as blank or paragraph, without parsing: for documents that get no analysis. */
export function plainLines(index: LineIndex): MarkdownLines {
  const info = index.lines.map((line): LineInfo => ({ kind: line.text.trim() === '' ? 'blank' : 'paragraph', depth: 0, itemStart: false, item: -1, blockStart: line.index }));
  return { index, info, listItems: [], frontMatter: null, parseError: null };
}
