// Markdown structure per source line. Postmortems are written in every style (real headings, bold
// lines, plain "Label:" lines, whole documents indented into code blocks), so the model reads the
// document line by line, and remark tells it what each line is in Markdown terms.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, Nodes } from 'mdast';
import { LineIndex } from './text';

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

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

export function analyzeLines(text: string, index = new LineIndex(text)): MarkdownLines {
  const info: LineInfo[] = index.lines.map((line) => ({
    kind: line.text.trim() === '' ? 'blank' : 'other',
    depth: 0,
    itemStart: false,
    item: -1,
    blockStart: line.index,
  }));
  const result: MarkdownLines = { index, info, listItems: [], frontMatter: null, parseError: null };
  let tree: Root;
  try {
    tree = parseMarkdown(text);
  } catch (error) {
    // Without a tree every line stays 'other': the line-based reading below still works.
    result.parseError = error instanceof Error ? error.message : String(error);
    for (const line of info) if (line.kind === 'other') line.kind = 'paragraph';
    return result;
  }
  const walker = new LineWalker(result);
  try {
    for (const node of tree.children) walker.visit(node, -1);
  } catch (error) {
    result.parseError = error instanceof Error ? error.message : String(error);
  }
  for (const line of info) if (line.kind === 'other') line.kind = 'paragraph';
  return result;
}

class LineWalker {
  constructor(private readonly out: MarkdownLines) {}

  private lines(node: Nodes): [number, number] | null {
    const position = node.position;
    if (!position || position.start.offset === undefined || position.end.offset === undefined) return null;
    const first = this.out.index.lineAt(position.start.offset);
    // An end offset at the very start of a line belongs to the line before.
    let last = this.out.index.lineAt(position.end.offset);
    if (last > first && this.out.index.lines[last].start === position.end.offset) last--;
    return [first, last];
  }

  private mark(first: number, last: number, kind: LineKind, item: number, depth = 0): void {
    for (let line = first; line <= last; line++) {
      const target = this.out.info[line];
      if (target.kind === 'blank' && kind !== 'fenced-code' && kind !== 'frontmatter') continue;
      target.kind = kind;
      target.depth = depth;
      target.item = item;
      target.blockStart = first;
    }
  }

  visit(node: RootContent, item: number): void {
    const span = this.lines(node);
    if (!span) return;
    const [first, last] = span;
    switch (node.type) {
      case 'yaml':
        this.out.frontMatter = node.value;
        this.mark(first, last, 'frontmatter', item);
        return;
      case 'heading':
        this.mark(first, last, 'heading', item, node.depth);
        if (last > first && isSetextUnderline(this.out.index.lines[last].text)) {
          this.out.info[last].kind = 'heading-underline';
        }
        return;
      case 'code': {
        const opener = this.out.index.lines[first].text.trimStart();
        const fenced = opener.startsWith('```') || opener.startsWith('~~~');
        this.mark(first, last, fenced ? 'fenced-code' : 'indented-code', item);
        return;
      }
      case 'table': {
        this.mark(first, last, 'table-row', item);
        this.out.info[first].kind = 'table-header';
        if (first + 1 <= last) this.out.info[first + 1].kind = 'table-delimiter';
        return;
      }
      case 'html':
        this.mark(first, last, 'html', item);
        return;
      case 'thematicBreak':
        this.mark(first, last, 'rule', item);
        return;
      case 'paragraph':
        this.mark(first, last, 'paragraph', item);
        return;
      case 'listItem': {
        const id = this.out.listItems.length;
        this.out.listItems.push({ firstLine: first, lastLine: last, parent: item });
        this.out.info[first].itemStart = true;
        this.mark(first, last, 'paragraph', id);
        this.out.info[first].itemStart = true;
        for (const child of node.children) this.visit(child, id);
        return;
      }
      default:
        if ('children' in node) {
          this.mark(first, last, 'paragraph', item);
          for (const child of node.children as RootContent[]) this.visit(child, item);
        } else {
          this.mark(first, last, 'paragraph', item);
        }
    }
  }
}

function isSetextUnderline(text: string): boolean {
  return /^ {0,3}(=+|-+)\s*$/.test(text);
}
