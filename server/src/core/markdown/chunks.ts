// Where a document is cut into chunks that are parsed on their own (and cached by their text).
import type { LineIndex } from '../text';
import { mixedHash } from './hash';
import { BLANK } from './lineKinds';

export interface ChunkStarts {
  /** First line of each chunk. */
  starts: number[];
  /**
   * For a chunk that starts with a numbered item right under a line of text, the delimiter of the
   * numbered list the chunk before must end in (the item goes on it); else null.
   */
  continuing: Array<string | null>;
}

const MAX_CHUNK_LINES = 400;

/**
 * The fence of the front matter a text opens with: "---" for YAML, "+++" for TOML (as Hugo and Zola
 * sites write it), alone on the first line (but for spaces, and a byte order mark before it). It closes
 * on a line of the same fence with nothing but spaces after it (micromark-extension-frontmatter's rules).
 */
export function frontMatterFence(text: string): '---' | '+++' | null {
  return (OPENING_FENCE.exec(text)?.[1] as '---' | '+++' | undefined) ?? null;
}
const OPENING_FENCE = /^\ufeff?(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/;
const FENCE_REST = /^[ \t]*$/;

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
export function chunkStarts(index: LineIndex, everyBoundary: boolean): ChunkStarts {
  const { lines } = index;
  const starts = [0];
  const continuing: Array<string | null> = [null];
  let from = 1;
  const fence = frontMatterFence(index.text);
  if (fence) {
    from = lines.length;
    for (let i = 1; i < lines.length; i++) {
      if (lines[i].text.startsWith(fence) && FENCE_REST.test(lines[i].text.slice(3))) {
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
      if (boundary && (everyBoundary || (mixedHash(text) & 15) === 0 || i - starts[starts.length - 1] >= MAX_CHUNK_LINES)) {
        starts.push(i);
        continuing.push(delimiter);
      }
    }
    previousBlank = i >= 0 && BLANK.test(text);
  }
  return { starts, continuing };
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
export function orderedDelimiterOf(text: string): string | null {
  const code = text.charCodeAt(0);
  if (code < 48 || code > 57) return null;
  const delimiter = ORDERED_ITEM.exec(text)?.[1] ?? null;
  return delimiter !== null && plainItemStart(text) ? delimiter : null;
}
const ORDERED_ITEM = /^\d{1,9}([.)])[ \t]+\S/;
const BULLET_ITEM = /^[-*+][ \t]+\S/;
const NOT_DELIMITER_ROW = /[^\s|:-]/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
