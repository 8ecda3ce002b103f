// What the server keeps per open document between versions, so re-analysis after an edit redoes only
// what the edit touched: parsed chunks of the text, and the readings of unchanged lines.
import { ChunkCache } from './markdown';
import { LineMemo } from './memo';
import type { TitleReading } from './sections';
import type { LineReading } from './timeline';

export class AnalysisCache {
  readonly chunks = new ChunkCache();
  readonly titles = new LineMemo<TitleReading | null>();
  readonly readings = new LineMemo<LineReading | null>();

  /** Called once per analysis (the chunk cache starts its own generation in analyzeLines). */
  begin(): void {
    this.titles.begin();
    this.readings.begin();
  }
}
