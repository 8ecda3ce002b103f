// Milestones of the response, read from the words of the timeline entries: when the incident was
// detected, escalated, its root cause identified, mitigated and resolved; and from them the time to
// detect, to mitigate and to resolve, counted from the incident's start.
import type { PostmortemModel } from '../core/model';
import type { TimelineEntry } from '../core/timeline';
import type { MilestoneKind } from '../protocol';

export interface MilestoneMatch {
  kind: MilestoneKind;
  entryIndex: number;
  /** The words that marked it, as written ("Alert", "resolved"). */
  word: string;
  /** Minutes from the incident's start on the document's time axis; null when either is unknown. */
  minutesFromStart: number | null;
}

export interface Milestones {
  milestones: MilestoneMatch[];
  timeToDetect: MilestoneMatch | null;
  timeToMitigate: MilestoneMatch | null;
  timeToResolve: MilestoneMatch | null;
}

/** The words of each milestone. The first entry (in time) that says one of them marks it. */
export const MILESTONE_WORDS: ReadonlyArray<{ kind: MilestoneKind; pattern: RegExp }> = [
  { kind: 'detected', pattern: /\b(?:detected|detects?|detection|alert(?:s|ed|ing)?|paged|pages)\b/i },
  { kind: 'escalated', pattern: /\bescalat(?:ed|es|ion|ing)\b/i },
  {
    kind: 'root-cause-identified',
    pattern: /\b(?:root[\s-]?cause\s+(?:was\s+|is\s+)?(?:identified|found|determined|confirmed|located)|(?:identified|found|determined|confirmed)\s+(?:the\s+)?root[\s-]?cause)\b/i,
  },
  { kind: 'mitigated', pattern: /\b(?:mitigated|mitigation\s+(?:applied|deployed|in\s+place|complete[d]?)|mitigates|partial(?:ly)?\s+(?:restored|recovered|recovery))\b/i },
  { kind: 'resolved', pattern: /\b(?:resolved|restored|fully\s+recovered)\b/i },
];

// "not resolved", "wasn't detected", "no alert fired": the word is there, the milestone is not.
const NEGATION = /\b(?:not|no|never|without)\s*$|n't\s+(?:\w+\s+)?$/i;
// "partially restored" is a mitigation, not the resolution.
const PARTIAL = /\bpartial(?:ly)?\s*$/i;

/** Each pattern with the g flag, made once: every kind is looked for in every entry. */
const GLOBAL_PATTERNS = new Map(MILESTONE_WORDS.map(({ pattern }) => [pattern, new RegExp(pattern.source, 'gi')]));

function matchWords(entry: TimelineEntry, kind: MilestoneKind, pattern: RegExp): string | null {
  const global = GLOBAL_PATTERNS.get(pattern) ?? new RegExp(pattern.source, 'gi');
  global.lastIndex = 0;
  for (let match = global.exec(entry.text); match !== null; match = global.exec(entry.text)) {
    const before = entry.text.slice(Math.max(0, (match.index ?? 0) - 16), match.index);
    if (!NEGATION.test(before) && !(kind === 'resolved' && PARTIAL.test(before))) return match[0];
  }
  return null;
}

/** Beyond this the entry and the start are not on one axis (a summary without a year, a timeline with one). */
const MAX_SPAN_MINUTES = 60 * 24 * 60;

const hasYear = (date: { year: number | null } | null) => date !== null && date.year !== null;

export function findMilestones(model: PostmortemModel): Milestones {
  const startPoint = model.incident.start;
  const start = startPoint?.axis ?? null;
  const fromStart = (entry: TimelineEntry): number | null => {
    if (entry.axis === null || start === null || !startPoint) return null;
    if (hasYear(entry.date) !== hasYear(startPoint.date)) return null;
    const minutes = Math.round(entry.axis - start);
    return Math.abs(minutes) > MAX_SPAN_MINUTES ? null : minutes;
  };
  // In time order; entries without a readable time come last, in document order.
  const order = model.timeline
    .map((entry, entryIndex) => ({ entry, entryIndex }))
    .sort((a, b) => (a.entry.axis ?? Infinity) - (b.entry.axis ?? Infinity) || a.entryIndex - b.entryIndex);
  const milestones: MilestoneMatch[] = [];
  for (const { kind, pattern } of MILESTONE_WORDS) {
    for (const { entry, entryIndex } of order) {
      const word = matchWords(entry, kind, pattern);
      if (!word) continue;
      milestones.push({ kind, entryIndex, word, minutesFromStart: fromStart(entry) });
      break;
    }
  }
  const timed = (kind: MilestoneKind) => {
    const found = milestones.find((m) => m.kind === kind);
    return found && found.minutesFromStart !== null && found.minutesFromStart >= 0 ? found : null;
  };
  return { milestones, timeToDetect: timed('detected'), timeToMitigate: timed('mitigated'), timeToResolve: timed('resolved') };
}
