// Explicit moments in a timeline: the SRE book's "OUTAGE BEGINS" / "OUTAGE ENDS" markers ("START OF OUTAGE"
// as Flutter writes them), tags such as "[detected]", "[acknowledged]", "[mitigated]", "[resolved]", and a
// Japanese or Chinese timeline's bold moments ("**発生**", "**検知**", "**復旧**").
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
// Flutter's postmortems: "**<START OF OUTAGE>**", "**<END OF OUTAGE>**" (capitals only, as the SRE book's);
// a homelab's "**INCIDENT START:**", "**INCIDENT END:**".
const START_OR_END_OF = /\b(START|END)\s+OF\s+(?:THE\s+)?(OUTAGE|INCIDENT)\b|\b(OUTAGE|INCIDENT)\s+(START|END)\b/;
// Japanese and Chinese timelines open an entry with its moment, in bold: "| 2026-04-15 23:28:20 | **発生** — … |",
// "| 00:00 頃 | **検知** — … |", "**復旧確認**" (the entry's words come without the bold).
const OPENING_CJK_MOMENT = /^(?:[頃〜~]\s*)?[\s|*]*(発生|検知|緩和策適用|緩和|復旧確認|復旧|发生|发现|恢复)[\s*]*(?:[—–\-:：|]|$)/;
const CJK_MOMENTS: Readonly<Record<string, MarkedMoment>> = {
  発生: 'incident-begins', 发生: 'incident-begins', 検知: 'detected', 发现: 'detected',
  緩和策適用: 'mitigated', 緩和: 'mitigated', 復旧確認: 'resolved', 復旧: 'resolved', 恢复: 'resolved',
};

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
    const what = (startOrEnd[2] ?? startOrEnd[3]) === 'OUTAGE' ? 'outage' : 'incident';
    return { moment: `${what}-${(startOrEnd[1] ?? startOrEnd[4]) === 'START' ? 'begins' : 'ends'}`, words: startOrEnd[0] };
  }
  const tag = TAG.exec(text);
  if (tag) return { moment: tag[1].toLowerCase() as MarkedMoment, words: tag[0] };
  const opening = OPENING_CJK_MOMENT.exec(text);
  return opening ? { moment: CJK_MOMENTS[opening[1]], words: opening[1] } : null;
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
