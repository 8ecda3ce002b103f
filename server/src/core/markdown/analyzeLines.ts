// The document's line kinds, read chunk by chunk and merged.
import { LineIndex } from '../text';
import type { ChunkCache } from './chunkCache';
import { chunkStarts } from './chunks';
import type { LineInfo, MarkdownLines } from './lineKinds';
import { parseChunk, type ChunkLines } from './parse';

/**
 * Markdown structure per line. The text is cut into chunks at safe boundaries and each is parsed on its
 * own (smaller trees, less garbage); with a `cache`, chunks already parsed (same text) are reused.
 */
export function analyzeLines(text: string, index = new LineIndex(text), cache?: ChunkCache, everyBoundary = false): MarkdownLines {
  const info: LineInfo[] = new Array(index.lineCount);
  const result: MarkdownLines = { index, info, listItems: [], frontMatter: null, parseError: null };
  cache?.begin(result);
  const { starts, continuing } = chunkStarts(index, everyBoundary);
  const { lines } = index;
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
      cache?.place(chunk, firstLine, lineCount);
      c = end;
      break;
    }
  }
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
