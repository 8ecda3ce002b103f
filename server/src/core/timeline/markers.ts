// Explicit moments in a timeline: the SRE book's "OUTAGE BEGINS" / "OUTAGE ENDS" markers ("START OF OUTAGE"
// as Flutter writes them) and tags such as "[detected]", "[acknowledged]", "[mitigated]", "[resolved]".
// Where the writer marks the outage, that is its window.
import type { MarkdownLines } from '../markdown';
import type { TimelineEntry } from './types';
import { entryWords } from './words';

export type MarkedMoment = 'outage-begins' | 'outage-mitigated' | 'outage-ends' | 'incident-begins' | 'incident-ends' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved';

// Capitals only: "the outage ends when…" in prose is no marker.
const SHOUTED = /\b(OUTAGE|INCIDENT)\s+(BEGINS|BEGAN|STARTS|MITIGATED|ENDS|ENDED|RESOLVED)\b/;
// Or set apart in any case, the marker alone in parentheses or emphasis: "(**outage starts**)", "_incident ends_".
const SET_APART = /(?:\(\s*[*_]{0,2}|(?<![*_\w])[*_]{1,2})(outage|incident)\s+(begins|began|starts|started|mitigated|ends|ended|resolved)(?:[*_]{0,2}\s*\)|[*_]{1,2}(?![*_\w]))/i;
const TAG = /\[(detected|acknowledged|mitigated|resolved)\]/i;
// Flutter's postmortems: "**<START OF OUTAGE>**", "**<END OF OUTAGE>**" (capitals only, as the SRE book's).
const START_OR_END_OF = /\b(START|END)\s+OF\s+(?:THE\s+)?(OUTAGE|INCIDENT)\b/;

/** The moment an entry marks and the marker as written ("OUTAGE BEGINS", "[detected]"). */
function markerIn(text: string): { moment: MarkedMoment; words: string } | null {
  const shouted = SHOUTED.exec(text) ?? SET_APART.exec(text);
  if (shouted) {
    const what = shouted[1].toLowerCase() === 'outage' ? 'outage' : 'incident';
    const said = shouted[2].toLowerCase();
    const when = /^(?:begins|began|starts|started)$/.test(said) ? 'begins' : said === 'mitigated' ? 'mitigated' : 'ends';
    const moment = what === 'incident' && when === 'mitigated' ? 'mitigated' : `${what}-${when}` as MarkedMoment;
    return { moment, words: shouted[0] };
  }
  const startOrEnd = START_OR_END_OF.exec(text);
  if (startOrEnd) {
    const what = startOrEnd[2] === 'OUTAGE' ? 'outage' : 'incident';
    return { moment: `${what}-${startOrEnd[1] === 'START' ? 'begins' : 'ends'}`, words: startOrEnd[0] };
  }
  const tag = TAG.exec(text);
  return tag ? { moment: tag[1].toLowerCase() as MarkedMoment, words: tag[0] } : null;
}

/** Where a marker may be, below an entry's first line: a capital word of one, or a tag. */
const MARKER_BELOW = /OUTAGE|INCIDENT|\[/;

/**
 * The marker an entry writes, in its first line or in the lines it goes on to ("… take effect. 80% of
 * IPs fail. **<START OF" then "OUTAGE>**", hard-wrapped); those are read only when they may hold one.
 */
export function entryMarker(md: MarkdownLines, entry: TimelineEntry): { moment: MarkedMoment; words: string } | null {
  const own = markerIn(entry.text);
  if (own || entry.lastLine === entry.line) return own;
  const { lines } = md.index;
  for (let line = entry.line + 1; line <= entry.lastLine; line++) {
    if (MARKER_BELOW.test(lines[line].text)) return markerIn(entryWords(md, entry));
  }
  return null;
}

/** The outage's first and last moment as the timeline marks them (the outage's markers before the incident's). */
export function markedWindow(md: MarkdownLines, entries: readonly TimelineEntry[]): { start: TimelineEntry | null; end: TimelineEntry | null } {
  // Each entry is read once: the first timed entry that marks each moment.
  const first = new Map<MarkedMoment, TimelineEntry>();
  for (const entry of entries) {
    if (entry.axis === null) continue;
    const moment = entryMarker(md, entry)?.moment ?? null;
    if (moment && !first.has(moment)) first.set(moment, entry);
  }
  const find = (...moments: MarkedMoment[]) => moments.map((moment) => first.get(moment)).find((entry) => entry !== undefined) ?? null;
  return { start: find('outage-begins', 'incident-begins'), end: find('outage-ends', 'incident-ends', 'resolved') };
}
