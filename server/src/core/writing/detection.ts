// How the incident was detected: the first line of the summary, the timeline or a Detection section that
// says so (an alert, monitoring, a page, a customer's report). Null when none of them does.
import type { PostmortemModel } from '../model';
import { findPhrases } from './findPhrases';
import { phraseMatcher, phrasesOf, type WritingSettings } from './phrases';
import { proseLines, regionsFor, regionsOf, type Region } from './regions';

export interface DetectionReading {
  /** Whether there is anywhere to look: a summary, a timeline or a Detection section. */
  checked: boolean;
  /** The line that tells how it was detected, or null. */
  line: number | null;
  /** Where a finding sits when nothing tells: the timeline's heading, else the summary's. */
  anchorLine: number | null;
}

export function readDetection(model: PostmortemModel, writing: WritingSettings): DetectionReading {
  const regions = regionsOf(model);
  const detection = regionsFor(regions, 'detection');
  const detectionLines = proseLines(model, detection);
  if (detectionLines.length > 0) return { checked: true, line: detectionLines[0], anchorLine: detection[0].line };
  const places: Region[] = regionsFor(regions, 'summary', 'timeline');
  const anchor = regionsFor(regions, 'timeline')[0] ?? regionsFor(regions, 'summary')[0];
  if (!anchor) return { checked: false, line: null, anchorLine: null };
  const hit = findPhrases(model, proseLines(model, places), phraseMatcher(phrasesOf('detection', writing)))[0];
  return { checked: true, line: hit?.line ?? null, anchorLine: anchor.line };
}
