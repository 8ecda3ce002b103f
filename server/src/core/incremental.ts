// What the server keeps per open document between versions, so re-analysis after an edit redoes only
// what the edit touched: parsed chunks of the text, and the readings of their lines (kept in the chunks).
import { ChunkCache, readingsIn, type LineReadings } from './markdown';
import type { TitleReading } from './sections';
import type { LineReading } from './timeline';

export class AnalysisCache {
  readonly chunks = new ChunkCache();
  readonly titles: LineReadings<TitleReading | null> = readingsIn(this.chunks);
  readonly readings: LineReadings<LineReading | null> = readingsIn(this.chunks);
}
