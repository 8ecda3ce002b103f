// What the server keeps per open document between versions, so re-analysis after an edit redoes only
// what the edit touched: parsed chunks of the text, and the readings of their lines (kept in the chunks).
import { ChunkCache } from './markdown';
import { LineMemo } from './memo';
import type { TitleReading } from './sections';
import type { LineReading } from './timeline';

export class AnalysisCache {
  readonly chunks = new ChunkCache();
  readonly titles = new LineMemo<TitleReading | null>(this.chunks);
  readonly readings = new LineMemo<LineReading | null>(this.chunks);
}
