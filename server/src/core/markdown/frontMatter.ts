// A document's front matter, read without parsing the rest of it.
import { frontMatterFence } from './chunks';
import { parseChunk } from './parse';

// The closing fence: the same three characters and nothing but spaces after them.
const YAML_CLOSE = /[\r\n]---[ \t]*(?:\r\n|\r|\n|$)/;
const TOML_CLOSE = /[\r\n]\+\+\+[ \t]*(?:\r\n|\r|\n|$)/;

/**
 * The front matter's text without parsing the document: only the first chunk (which holds it) is read.
 * Front matter opens on the document's first line, so anything else has none.
 */
export function frontMatterOf(text: string): string | null {
  const fence = frontMatterFence(text);
  if (fence === null) return null;
  const close = (fence === '---' ? YAML_CLOSE : TOML_CLOSE).exec(text);
  const head = close ? text.slice(0, close.index + close[0].length) : text;
  return parseChunk(head, true).frontMatter;
}
