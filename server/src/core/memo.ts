// A memo for pure per-line readings (a timeline line's time, a line's title words), for the server's
// re-analysis after an edit: it meets the same lines again and reuses their readings.
//
// The readings are kept in the parsed chunk that holds the line (see ChunkCache): a chunk found again
// has the same text and the same Markdown structure, so its lines read the same, and its readings go
// when it does. No per-line key is built or kept, so a keystroke copies no line of the document. Each
// reading is checked against a small `variant` (the line's kind and the like) that the caller passes.
// Values are shared between models: callers treat them as read-only.
import type { ChunkCache, LineSlots, MarkdownLines } from './markdown';
import { detached } from './text';

export class LineMemo<V> {
  constructor(private readonly chunks: ChunkCache) {}

  /**
   * The reading of line `line` of `md` (whose text is `text`) in `variant`. `read` gets a copy of the
   * text that does not hold on to the document (see `detached`), since the reading outlives this version.
   */
  get<K extends string | number>(md: MarkdownLines, line: number, text: string, variant: K, read: (text: string, variant: K) => V): V {
    const placement = this.chunks.placement;
    if (!placement || placement.lines !== md) return read(text, variant);
    const which = placement.chunkOf[line];
    const chunk = placement.chunks[which];
    const local = line - placement.firstLines[which];
    let slots = chunk.slots?.get(this) as LineSlots | undefined;
    if (!slots) (chunk.slots ??= new Map()).set(this, (slots = { variants: [], values: [] }));
    if (slots.variants[local] === variant) return slots.values[local] as V;
    const value = read(detached(text), variant);
    slots.variants[local] = variant;
    slots.values[local] = value;
    return value;
  }
}
