// A timeline often opens before the outage: the change merged days before, the release that carried it.
// Where the window runs from such an entry, its span bounds the outage from above only.
import type { PostmortemModel } from './model';
import type { StatedDuration } from './time/duration';
import { entryWords } from './timeline';

// What an outage's first moment says: something went wrong, or someone saw that it had.
const TROUBLE = /\b(?:outage|down(?:time)?|fail(?:s|ed|ing|ures?)?|errors?|alert(?:s|ed)?|detect(?:s|ed)?|report(?:s|ed)?|impact(?:ed)?|unavailable|unreachable|degrad(?:ed|ation)|incident|issues?|problems?|spik(?:e|ed|es)|crash(?:es|ed)?|broke(?:n)?|slow|timeouts?|start(?:s|ed)?|began|begins?|[45]\d\d|lost|loss|stopped|stall(?:s|ed|ing)?|halt(?:s|ed)?|hung|froze(?:n)?|unable|cannot|can\s+not|can['’]?t|couldn['’]?t|could\s+not|not\s+being|(?:became|become|becomes)\s+aware|tickets?|investigat(?:e[sd]?|ing|ions?)|notic(?:e[sd]|ing)|paged|suspicious|phishing|attacks?|breach(?:ed)?)\b/i;

// A change planned or shipped ahead: "agree … to schedule an emergency upgrade to address a security issue".
const PLANNED = /\b(?:schedul(?:e|es|ed|ing)|plan(?:s|ned)?\s+to|agree(?:s|d)?|announc(?:e|es|ed|ing)|propos(?:al|ed|es)|merged|released|published)\b/i;
// What breaks: an issue merely named ("a security issue") may be the reason for a change, not the outage.
const BREAKAGE = /\b(?:outage|down(?:time)?|fail(?:s|ed|ing|ures?)?|errors?|alert(?:s|ed)?|unavailable|unreachable|degrad(?:ed|ation)|spik(?:e|ed|es)|crash(?:es|ed)?|broke(?:n)?|slow|timeouts?|[45]\d\d|lost|loss|stopped|halt(?:s|ed)?|stall(?:s|ed|ing)?|hung|froze(?:n)?|unable|cannot|can['’]?t|attacks?|breach(?:ed)?|exploit(?:s|ed)?)\b/i;

/**
 * The window runs from the timeline's first entry, and that entry tells no trouble ("PR-158 was merged",
 * "v1.26.0 released"), or plans or ships a change and tells nothing broken (a Cosmos Hub report opens on
 * the upgrade agreed five days before the four-hour halt): a lead-up to the outage, so the span bounds
 * the outage from above only.
 */
export function startsWithLeadUp(model: PostmortemModel): boolean {
  const start = model.incident.start;
  if (!start || start.source !== 'timeline') return false;
  const first = model.timeline.find((entry) => entry.axis === start.axis);
  // Its words with its nested lines: an entry that is a heading ("### 2021-06-03 9:00") tells below it.
  if (first === undefined) return false;
  const words = entryWords(model.lines, first);
  return !TROUBLE.test(words) || (PLANNED.test(words) && !BREAKAGE.test(words));
}

/**
 * The length the document states for an outage whose window opens on a lead-up and spans more than it
 * (corpus 070: the PR merged eight days before, "Incident Duration 3h 45m"): the outage's own length,
 * within the window. Null otherwise, and for a lower bound ("more than 2 hours"), which bounds nothing.
 */
export function statedWithinLeadUp(model: PostmortemModel): (StatedDuration & { line: number }) | null {
  const stated = model.summary?.stated;
  const spanned = model.incident.durationMinutes;
  if (!stated || spanned === null || stated.minutes >= spanned || stated.bound === 'at-least') return null;
  return startsWithLeadUp(model) ? stated : null;
}
