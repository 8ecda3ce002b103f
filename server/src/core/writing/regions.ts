// The parts of a postmortem the writing rules and the review checklist read: which lines tell the
// summary, the impact, the timeline, the root cause, the resolution, the detection and the action items.
// A part is a profile section (by its id) or any other heading whose title names it ("Customer Impact",
// "How we found out"), so the rules read documents whatever profile checks their sections.
import type { PostmortemModel } from '../model';

export type Topic = 'summary' | 'impact' | 'timeline' | 'rootCause' | 'resolution' | 'detection' | 'actions';

export interface Region {
  topic: Topic;
  /** The heading's line. */
  line: number;
  /** The content's lines, inclusive (empty when firstLine > lastLine). */
  firstLine: number;
  lastLine: number;
}

const BY_ID: Record<string, Topic[]> = {
  summary: ['summary'],
  overview: ['summary'],
  impact: ['impact'],
  timeline: ['timeline'],
  'root-cause': ['rootCause'],
  'root-causes': ['rootCause'],
  'contributing-factors': ['rootCause'],
  trigger: ['rootCause'],
  'what-happened': ['rootCause'],
  fault: ['rootCause'],
  'five-whys': ['rootCause'],
  response: ['resolution'],
  'root-cause-and-resolution': ['rootCause', 'resolution'],
  resolution: ['resolution'],
  detection: ['detection'],
  'action-items': ['actions'],
  'corrective-and-preventive-measures': ['actions'],
};

const BY_TITLE: Array<[Topic, RegExp]> = [
  ['summary', /\b(?:summary|overview|tl;?dr)\b/i],
  ['impact', /\bimpact/i],
  ['timeline', /\btime\s?line\b|\bchronolog/i],
  ['rootCause', /\bcauses?\b|\bwhat happened\b|\bcontributing\b|\btrigger/i],
  ['resolution', /\bresolution\b|\brecovery\b|\bmitigation\b|\bremediation\b|\bthe fix\b/i],
  ['detection', /\bdetect/i],
  ['actions', /\baction\s+items?\b|\bcorrective\b|\bpreventi?v|\bpreventative\b|\bfollow[\s-]?ups?\b|\bnext steps\b|\bwhat we(?:'|’)re doing\b/i],
];

const memo = new WeakMap<PostmortemModel, Region[]>();

/** Every region of the document, in document order (one heading may open several, as "Root Cause and Resolution"). */
export function regionsOf(model: PostmortemModel): Region[] {
  let regions = memo.get(model);
  if (!regions) memo.set(model, (regions = findRegions(model)));
  return regions;
}

function findRegions(model: PostmortemModel): Region[] {
  const lastDocumentLine = model.lines.index.lineCount - 1;
  const headers = [...model.sections, ...model.otherHeadings].sort((a, b) => a.line - b.line);
  const regions: Region[] = [];
  headers.forEach((header, i) => {
    const topics = header.id ? BY_ID[header.id] ?? [] : BY_TITLE.filter(([, title]) => title.test(header.title)).map(([topic]) => topic);
    if (topics.length === 0) return;
    // A heading's content runs to the next heading as deep or shallower (its own subheadings stay in).
    const next = headers.slice(i + 1).find((other) => other.depth <= header.depth);
    const lastLine = 'endLine' in header && typeof header.endLine === 'number' ? header.endLine : (next ? next.line - 1 : lastDocumentLine);
    // A labelled paragraph ("**Detection**: Monitoring paged …") says its words on its own line.
    const firstLine = 'style' in header && header.style === 'labelled' ? header.line : header.line + 1;
    for (const topic of topics) regions.push({ topic, line: header.line, firstLine, lastLine });
  });
  return regions;
}

export function regionsFor(regions: readonly Region[], ...topics: Topic[]): Region[] {
  return regions.filter((region) => topics.includes(region.topic));
}

/** Lines that hold prose (not fenced code, front matter or table rules), in the regions, each once, in order. */
export function proseLines(model: PostmortemModel, regions: readonly Region[]): number[] {
  const lines = new Set<number>();
  for (const region of regions) {
    for (let line = region.firstLine; line <= region.lastLine; line++) if (isProse(model, line)) lines.add(line);
  }
  return [...lines].sort((a, b) => a - b);
}

// HTML lines and indented blocks count: postmortems written in HTML (<p>, <li>) or indented by mistake
// still say their words there. Fenced code holds commands and logs, never the writer's account.
const PROSE_KINDS = new Set(['paragraph', 'heading', 'table-row', 'table-header', 'html', 'indented-code', 'other']);

export function isProse(model: PostmortemModel, line: number): boolean {
  const info = model.lines.info[line];
  return info !== undefined && PROSE_KINDS.has(info.kind);
}

/** Every line of prose in the document. */
export function allProseLines(model: PostmortemModel): number[] {
  const lines: number[] = [];
  for (let line = 0; line < model.lines.index.lineCount; line++) if (isProse(model, line)) lines.push(line);
  return lines;
}
