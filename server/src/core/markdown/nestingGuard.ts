// A guard against documents nested too deep to parse.
import type { LineIndex } from '../text';

/**
 * Containers (block quotes, list items) nested deeper than this are not parsed: remark's time grows with
 * the square of the depth (and its stack overflows at a few thousand), and no postmortem nests so deep.
 * The chunk's lines are then read one by one, and the model reports it once (document-too-deep).
 */
export const MAX_NESTING = 100;

/** Throws when a line of the text opens more than MAX_NESTING containers. */
export function guardNesting(index: LineIndex): void {
  const depth = deepestNesting(index);
  if (depth > MAX_NESTING) throw new RangeError(`${depth} levels of block quotes or lists in one line, more than ${MAX_NESTING}`);
}

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
