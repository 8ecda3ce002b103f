// Where a postmortem states its impact: the summary's "Impact:" line, and each Impact section's prose.
import type { PostmortemModel } from '../model';
import { proseLines, regionsFor, regionsOf } from './regions';

export interface ImpactStatement {
  /** The line a finding or a checklist link points at: the label's line, or the section's heading. */
  line: number;
  /** The lines that state it. */
  lines: number[];
  text: string;
}

/**
 * The labelled impact with the block around it (up to blank lines): "Impact: no file access" beside
 * "Total downtime: 0.0 hours", or "Impact:" above the lines that say it, is sized by its block.
 */
function labelledImpactLines(model: PostmortemModel, labelLine: number): number[] {
  const { lines } = model.lines.index;
  let first = labelLine;
  let last = labelLine;
  while (first > 0 && lines[first - 1].text.trim()) first--;
  while (last + 1 < lines.length && lines[last + 1].text.trim()) last++;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** "TBD", "TODO", "N/A", "…": a value still to be written, not an impact stated without a size. */
const PLACEHOLDER = /^[\s*_]*(?:tbd|tba|todo|n\/?a|\?+|…|\.{3}|-+|—)[\s*_.]*$/i;

export function impactStatements(model: PostmortemModel): ImpactStatement[] {
  const statements: ImpactStatement[] = [];
  const labelled = model.summary?.impact;
  if (labelled && labelled.text.trim() && !PLACEHOLDER.test(labelled.text)) {
    const lines = labelledImpactLines(model, labelled.line);
    statements.push({ line: labelled.line, lines, text: [labelled.text, ...lines.map((line) => model.lines.index.lines[line].text)].join('\n') });
  }
  for (const region of regionsFor(regionsOf(model), 'impact')) {
    const lines = proseLines(model, [region]);
    if (lines.length === 0 || lines.includes(labelled?.line ?? -1)) continue;
    statements.push({ line: region.line, lines, text: lines.map((line) => model.lines.index.lines[line].text).join('\n') });
  }
  return statements;
}
