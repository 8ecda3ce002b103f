// Parsed chunks kept between versions of a document, and where the last analysis placed them.
import { detached } from '../text';
import { fnv1a } from './hash';
import type { MarkdownLines } from './lineKinds';
import type { ChunkLines } from './parse';

/** Which cached chunk holds each line of an analysis (so per-line readings can live in it). */
export interface ChunkPlacement {
  readonly lines: MarkdownLines;
  readonly chunkOf: Int32Array;
  readonly chunks: ChunkLines[];
  readonly firstLines: number[];
}

/**
 * Parsed chunks found by their text, for re-analysing a document after an edit: only the chunks whose
 * text changed are parsed again. Holds what the last analysis used (and what the one before used, until
 * the next analysis), so its size follows one document.
 *
 * Looked up by a hash of the chunk's characters and compared in place, so a lookup copies nothing: a key
 * cut from the document would be a new string of the whole document on every keystroke, and one kept
 * would keep that version of the document alive. Each entry keeps its own copy of its text.
 */
export class ChunkCache {
  private readonly buckets = new Map<number, CachedChunk[]>();
  private generation = 0;
  hits = 0;
  misses = 0;
  private placement: ChunkPlacement | null = null;

  /** Start an analysis, whose lines go in `lines`: what the last one did not use is dropped. */
  begin(lines: MarkdownLines): void {
    for (const [hash, bucket] of this.buckets) {
      const kept = bucket.filter((entry) => entry.used >= this.generation);
      if (kept.length === 0) this.buckets.delete(hash);
      else if (kept.length < bucket.length) this.buckets.set(hash, kept);
    }
    this.generation++;
    this.placement = { lines, chunkOf: new Int32Array(lines.index.lineCount), chunks: [], firstLines: [] };
  }

  /** The chunk `text.slice(from, to)` (the document's first chunk or a later one), if parsed before. */
  get(text: string, from: number, to: number, first: boolean): ChunkLines | undefined {
    const bucket = this.buckets.get(rangeHash(text, from, to, first));
    const found = bucket?.find((entry) => entry.first === first && sameText(entry.text, text, from, to));
    if (!found) return undefined;
    this.hits++;
    found.used = this.generation;
    return found.lines;
  }

  set(text: string, from: number, to: number, first: boolean, lines: ChunkLines): void {
    this.misses++;
    const hash = rangeHash(text, from, to, first);
    const entry: CachedChunk = { text: detached(text.slice(from, to)), first, lines, used: this.generation };
    const bucket = this.buckets.get(hash);
    if (bucket) bucket.push(entry);
    else this.buckets.set(hash, [entry]);
  }

  /** The analysis begun last reads `lineCount` lines from `firstLine` on from `chunk`. */
  place(chunk: ChunkLines, firstLine: number, lineCount: number): void {
    const placement = this.placement as ChunkPlacement;
    placement.chunkOf.fill(placement.chunks.length, firstLine, firstLine + lineCount);
    placement.chunks.push(chunk);
    placement.firstLines.push(firstLine);
  }

  /** Where the lines of `lines` were read from, if it is the analysis begun last (an older one's chunks may be gone). */
  placementOf(lines: MarkdownLines): ChunkPlacement | null {
    const placement = this.placement;
    return placement !== null && placement.lines === lines ? placement : null;
  }

  /** Chunks the last analysis used. */
  get size(): number {
    let count = 0;
    for (const bucket of this.buckets.values()) for (const entry of bucket) if (entry.used === this.generation) count++;
    return count;
  }
}

interface CachedChunk {
  text: string;
  first: boolean;
  lines: ChunkLines;
  used: number;
}

function rangeHash(text: string, from: number, to: number, first: boolean): number {
  return fnv1a(text, from, to, first ? 0x811c9dc5 : 0x050c5d1f);
}

function sameText(own: string, text: string, from: number, to: number): boolean {
  if (own.length !== to - from) return false;
  for (let i = 0; i < own.length; i++) if (own.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
}
