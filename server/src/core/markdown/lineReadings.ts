// A memo for pure per-line readings (a timeline line's time, a line's title words), for the server's
// re-analysis after an edit: it meets the same lines again and reuses their readings.
//
// The readings are kept with the parsed chunk that holds the line (see ChunkCache): a chunk found again
// has the same text and the same Markdown structure, so its lines read the same, and its readings go
// when it does. No per-line key is built or kept, so a keystroke copies no line of the document. Each
// reading is kept with the arguments it was read with besides the text, and reused only for the same.
// Values are shared between models: callers treat them as read-only.
import { detached } from '../text';
import type { ChunkCache } from './chunkCache';
import type { MarkdownLines } from './lineKinds';
import type { ChunkLines } from './parse';

/** An argument a reading depends on besides the line's text: compared with `===`. */
export type ReadingArgument = string | number | boolean;

/** Readings of lines that are kept between analyses of a document. */
export interface LineReadings<V> {
  /**
   * `compute(text, a, b, c, d)` for line `line` of `lines`, or the value it gave before for the same
   * line text and arguments. `compute` gets a copy of the text that does not hold on to the document
   * (see `detached`), since the reading outlives this version.
   */
  read<A extends ReadingArgument, B extends ReadingArgument | undefined = undefined, C extends ReadingArgument | undefined = undefined, D extends ReadingArgument | undefined = undefined>(
    lines: MarkdownLines, line: number, compute: (text: string, a: A, b: B, c: C, d: D) => V, a: A, b?: B, c?: C, d?: D,
  ): V;
}

/** Readings kept in the chunks of `cache` (an analysis made without it reads every line afresh). */
export function readingsIn<V>(cache: ChunkCache): LineReadings<V> {
  return new ChunkReadings<V>(cache);
}

/** The arguments each line's reading was made with (ARGUMENTS a line), and the readings. */
interface ChunkSlots<V> {
  arguments: Array<ReadingArgument | undefined>;
  values: V[];
}
const ARGUMENTS = 4;

class ChunkReadings<V> implements LineReadings<V> {
  private readonly slots = new WeakMap<ChunkLines, ChunkSlots<V>>();

  constructor(private readonly cache: ChunkCache) {}

  read<A extends ReadingArgument, B extends ReadingArgument | undefined, C extends ReadingArgument | undefined, D extends ReadingArgument | undefined>(
    lines: MarkdownLines, line: number, compute: (text: string, a: A, b: B, c: C, d: D) => V, a: A, b?: B, c?: C, d?: D,
  ): V {
    const text = lines.index.lines[line].text;
    const placement = this.cache.placementOf(lines);
    if (!placement) return compute(text, a, b as B, c as C, d as D);
    const which = placement.chunkOf[line];
    const chunk = placement.chunks[which];
    const local = line - placement.firstLines[which];
    let slots = this.slots.get(chunk);
    if (!slots) this.slots.set(chunk, (slots = { arguments: [], values: [] }));
    const args = slots.arguments;
    const at = local * ARGUMENTS;
    // `a` is never undefined, so a line not read yet never matches.
    if (args[at] === a && args[at + 1] === b && args[at + 2] === c && args[at + 3] === d) return slots.values[local];
    const value = compute(detached(text), a, b as B, c as C, d as D);
    args[at] = a;
    args[at + 1] = b;
    args[at + 2] = c;
    args[at + 3] = d;
    slots.values[local] = value;
    return value;
  }
}
