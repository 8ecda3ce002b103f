// Where inserted lines stay blocks of their own. A blank line and a heading inserted inside code, an
// HTML block or a table cut it in two, and what follows the cut is read anew (code and HTML become
// text, headings appear or vanish): the fix would change the document beyond what it inserts, and a
// second fix-all would find other problems to fix.
import type { LineKind, MarkdownLines } from './markdown';

/** Blocks that a blank line does not simply end (or that end only at their closing line). */
const UNCUTTABLE = new Set<LineKind>(['fenced-code', 'indented-code', 'html', 'table-header', 'table-delimiter', 'table-row', 'frontmatter']);

/**
 * The line to insert after, for an insertion meant to follow `line`: `line` itself, or the last line of
 * the code, HTML or table block holding it. When that block runs unclosed to the end of the document
 * (whatever follows it would be inside it), the line before the block (-1: the very start).
 */
export function insertionBoundary(lines: MarkdownLines, line: number): number {
  const { info } = lines;
  if (line < 0 || line >= info.length || !UNCUTTABLE.has(info[line].kind)) return line;
  const first = info[line].blockStart;
  let last = line;
  // The block's last line, past the blank lines inside it (a fence's are its own).
  for (let next = line + 1; next < info.length; next++) {
    if (info[next].blockStart === first && UNCUTTABLE.has(info[next].kind)) last = next;
    else if (info[next].kind !== 'blank') break;
  }
  const atEnd = info.slice(last + 1).every((after) => after.kind === 'blank');
  return atEnd && !isClosed(lines, first, last) ? first - 1 : last;
}

/** Leading block quote markers, list markers and indentation. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*/;

/**
 * HTML blocks of CommonMark's kinds 1 to 5, by how they open, and the marker that ends them. The others
 * end at a blank line, which an insertion starts with.
 */
const HTML_BLOCK_ENDS: Array<[opens: RegExp, ends: RegExp]> = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];

/** Whether the block on lines `first`..`last` ends there, rather than running on into whatever would follow. */
function isClosed(lines: MarkdownLines, first: number, last: number): boolean {
  const text = (line: number) => lines.index.lines[line].text.replace(CONTAINER_PREFIX, '');
  const opener = text(first);
  const closer = text(last);
  const fence = /^(`{3,}|~{3,})/.exec(opener);
  if (fence) {
    const closing = /^(`{3,}|~{3,})[ \t]*$/.exec(closer);
    return last > first && closing !== null && closing[1][0] === fence[1][0] && closing[1].length >= fence[1].length;
  }
  if (lines.info[first].kind !== 'html') return true;
  const kind = HTML_BLOCK_ENDS.find(([opens]) => opens.test(opener));
  if (!kind) return true;
  // On the opening line the end marker counts only after the opener ("<!-->" aside).
  return kind[1].test(last === first ? opener.slice(4) : closer);
}
