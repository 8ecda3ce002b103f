// A document's front matter, read without parsing the rest of it.
import { parseChunk } from './parse';

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
