// Marks lines with the kinds of the blocks a parser reports, as source offsets.
import type { LineKind, MarkdownLines } from './lineKinds';

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
