// Milestones of the response, read from the words of the timeline entries: when the incident was
// detected, escalated, its root cause identified, mitigated and resolved; and from them the time to
// detect, to mitigate and to resolve, counted from the incident's start.
import { entryAxis, type PostmortemModel } from '../core/model';
import { entryWords, type TimelineEntry } from '../core/timeline';
import type { MilestoneKind } from '../protocol';

export interface MilestoneMatch {
  kind: MilestoneKind;
  entryIndex: number;
  /** The words that marked it, as written ("Alert", "resolved"). */
  word: string;
  /** Minutes from the incident's start on the document's time axis; null when either is unknown. */
  minutesFromStart: number | null;
}

/** The milestones found (the times to detect, mitigate and resolve are the lifecycle's: features/lifecycle.ts). */
export interface Milestones {
  milestones: MilestoneMatch[];
}

/** The words of each milestone. The first entry (in time) that says one of them marks it. */
export const MILESTONE_WORDS: ReadonlyArray<{ kind: MilestoneKind; pattern: RegExp }> = [
  // "pager storm", "the pager went off" (PagerDuty, one word, is a tool's name, not a moment); a person
  // noticing, users reporting or complaining, a ticket opened: how most outages first become known.
  {
    kind: 'detected',
    pattern: new RegExp(String.raw`\b(?:${[
      // "A banner is added to alert users of delayed transactions": telling users is not learning of it.
      String.raw`detected|detects?|detection|alert(?:s|ed|ing)?(?!\s+(?:all\s+|our\s+|the\s+|affected\s+)?(?:users?|customers?|clients?|subscribers?|visitors?|public|them|people|community)\b)|alarm(?:s|ed)?|paged|pager|(?<!\b(?:of|the|web|static|landing|error|these|those|all|some|many|other|more|\d+)\s+)pages`,
      // "Automated warning from AWS" (068); not a warning someone placed or gave.
      String.raw`automated\s+warnings?|warnings?\s+(?:from|fired|triggered|received|raised)|received\s+(?:an?\s+)?warnings?`,
      // "notifies them that the page will be live": telling customers is not learning of it.
      String.raw`notic(?:ed|es|ing)|(?:users?|customers?|clients?|people|members|engineers?|someone|we)\s+(?:first\s+)?notice|notifie[sd](?!\s+(?:them|all|(?:the|our)\s+(?:customers?|users?|public)|customers?|users?|subscribers?|visitors?|clients?)\b)|spotted|flagged|became\s+aware`,
      // "A user posted eslint-scope#39, notifying the ESLint team of the issue": someone told those who respond.
      String.raw`notifying\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:team|maintainers?|engineers?|on-?call|us)`,
      // "a new sonnet has been discovered" is the news that set it off; the issue discovered is the moment.
      String.raw`(?:issue|problem|outage|error|bug|incident|failure)s?\s+(?:was\s+|were\s+)?discovered|discover(?:ed|s)\s+(?:the\s+|an?\s+)?(?:issue|problem|outage|error|bug|failure)`,
      // Users complaining, not "submitting abuse complaints to the registrar".
      // "Customer support reports a spike", "users report errors"; not "News reports that …" or "GitHub reports all normal".
      // "First validator reports an apphash" (interchain's retros).
      String.raw`reported|(?:first(?:\s+[\w-]+)?|incoming|users?|customers?|clients?|validators?|operators?|(?:customer\s+)?support|help\s*desk|service\s+desk)\s+(?:team\s+)?reports?|reports?\s+of|complain(?:ed|ing)?|complaints?\s+(?:received|arriv\w*|about|from|that|of|began|started|came|poured)`,
      String.raw`(?:first|received|receiving|got|multiple|many|user|customer)s?\s+(?:[\w'-]+\s+){0,2}?complaints?`,
      String.raw`(?:opened|raised|filed|submitted)\s+(?:a\s+)?(?:support\s+)?tickets?|tickets?\s+(?:was\s+|were\s+)?(?:opened|raised|filed)`,
    ].join('|')})\b`, 'i'),
  },
  { kind: 'escalated', pattern: /\bescalat(?:ed|es|ion|ing)\b/i },
  {
    kind: 'root-cause-identified',
    pattern: /\b(?:root[\s-]?cause\s+(?:was\s+|is\s+)?(?:identified|found|determined|confirmed|located)|(?:identified|found|determined|confirmed)\s+(?:the\s+)?root[\s-]?cause)\b/i,
  },
  {
    kind: 'mitigated',
    // Besides the word itself, what stops the bleeding once done: a rollback, a revert, a failover, a
    // feature flag turned off, a restart that brought the service back (a rollback merely tried is not).
    pattern: new RegExp(String.raw`\b(?:${[
      String.raw`mitigated|mitigation\s+(?:(?:measures?|steps?)\s+)?(?:(?:was|were)\s+)?(?:applied|deployed|implemented|in\s+place|complete[d]?)|mitigates`,
      String.raw`(?:partial(?:ly)?|partly|gradually)\s+(?:began\s+)?(?:restor(?:ed|ing)|recover(?:ed|ing|y))`,
      // "Service appears to be restored", "Things seem to return to normal" (061, 114): back as far as
      // anyone can tell, not yet said to be resolved (which NOT_YET keeps these from being).
      String.raw`(?:appears?|appeared|seems?|seemed)\s+to\s+(?:be\s+|have\s+been\s+)?(?:restored|recover(?:ed|ing)?|back\s+(?:up|online|to\s+normal)|working\s+again|return(?:ed)?\s+to\s+normal|stabili[sz]ed)`,
      String.raw`temporary\s+(?:fix|fixes|workaround|patch|optimi[sz]ations?|mitigations?)|workaround\s+(?:was\s+)?(?:applied|deployed|implemented|in\s+place)`,
      // Timelines in the present tense too: "The team rolls back the deploy", "the database fails over".
      String.raw`rolled\s+back|rolls\s+back|roll[\s-]?back\s+(?:was\s+)?(?:complete[d]?|finished|done|succeeded|successful|made|performed|executed)|successful(?:ly)?\s+(?:[\w-]+\s+){0,3}?roll[\s-]?back`,
      String.raw`reverted|revert\s+(?:was\s+)?(?:deployed|merged|complete[d]?)`,
      // A hotfix shipped, a successful restart, the load or the service steadied: the bleeding stopped,
      // whatever the later, lasting fix.
      String.raw`hot-?fix(?:es)?\s+(?:was\s+|were\s+)?(?:deployed|applied|released|rolled\s+out|shipped)|(?:deployed|applied|released|shipped)\s+(?:a\s+|the\s+)?hot-?fix`,
      String.raw`restarted\s+successfully|successfully\s+restarted`,
      // A service coming back, however briefly (117: "Build Service comes back from downtime", then the
      // database crashes again): the bleeding stopped, not yet said to be over.
      String.raw`(?:came|comes)\s+back\s+(?:up|from\s+(?:the\s+|its\s+)?(?:downtime|maintenance|outage))`,
      String.raw`stabili[sz]ed|normali[sz]ed|(?:began|begins|started|starts)\s+to\s+(?:recover|stabili[sz]e|normali[sz]e)|(?:began|started)\s+recovering`,
      String.raw`failed\s+over|fails\s+over|fail-?over\s+(?:was\s+)?(?:complete[d]?|finished|done|succeeded)`,
      String.raw`(?:disabled|turned\s+off|switched\s+off|flipped\s+off)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:feature\s+)?(?:flag|toggle)`,
      String.raw`(?:feature\s+)?(?:flag|toggle)\s+(?:was\s+)?(?:disabled|turned\s+off|switched\s+off)`,
      // A restart, then (in the same clause, with no failure between) the service back.
      String.raw`restart(?:ed|ing)?\b(?:(?!\b(?:fail(?:ed|s|ing)?|not|never|unable)\b|n't\b)[^.;]){0,60}?\b(?:restored|recovered|back\s+(?:up|online|to\s+normal))`,
    ].join('|')})\b`, 'i'),
  },
  // "The issue was fixed", "the root causes were fixed"; not "one problem is fixed" (087: one of two).
  { kind: 'resolved', pattern: /\b(?:(?<!\b(?:one|some|another|first|second|an?)\s+)(?:issue|problem|outage|bug|error|incident|cause)s?\s+(?:was\s+|were\s+|is\s+|are\s+|has\s+been\s+|have\s+been\s+)?(?:fully\s+)?fixed|resolved|restored|fully\s+recovered|full\s+(?:system\s+|service\s+)?recovery|back\s+(?:online|to\s+normal|in(?:to)?\s+service|to\s+service)|returned\s+to\s+normal|(?:normal\s+)?service\s+(?:was\s+)?resumed|resumed\s+normal\s+(?:service|operations?)|fully\s+operational|up\s+and\s+running|(?:end|close)\s+of\s+(?:the\s+)?incident|incident\s+(?:was\s+)?(?:closed|ended))\b/i },
];

/**
 * A responder taking the incident on: not a milestone the card marks, but a moment of its lifecycle.
 * Timelines in the present tense too ("On-call engineer acknowledges the page", "on-call joins"); what
 * is acknowledged then must be the page or the alert, not "acknowledging their issues" to the public.
 */
export const ACKNOWLEDGED_WORDS = /\b(?:acknowledged|acked|ack'd|(?:acknowledg(?:es|ing)|acks)\s+(?:the\s+|an?\s+|our\s+)?(?:[\w-]+\s+)?(?:pages?|alerts?|alarms?|incidents?|notifications?|pager|pings?|tickets?)|(?:on[- ]call|responders?)\s+(?:\w+\s+)?(?:respond(?:ed|s)|engag(?:ed|es)|join(?:ed|s)|t(?:ook|akes)\s+(?:it|ownership)))\b/i;

// "not resolved", "wasn't detected", "no alert fired": the word is there, the milestone is not.
const NEGATION = /\b(?:not|no|never|without|nothing|none|nor|nobody|no\s+one)\s+(?:[\w'-]+\s+){0,2}$|n't\s+(?:\w+\s+)?$/i;
// "partially restored", "gradually began restoring" are a mitigation, not the resolution; "until it is
// resolved", "appears to be restored", "to be resolved" say it was not, or not yet.
const PARTIAL = /\b(?:partial(?:ly)?|partly|gradually(?:\s+began)?|slowly)\s*$/i;
const NOT_YET = /\b(?:until|till|unless|once|if|whether)\s+(?:[\w'-]+\s+){0,4}$|\b(?:appears?|seems?|seemed|appeared|expected|hop(?:e|ed|ing)|needs?|is|are|was|were|will|would|should|must|could)\s+to\s+(?:be\s+|have\s+been\s+)?$|\b(?:will|would|should|must|could|can)\s+be\s+$/i;
// "failed to come back online", "ensuring Apache is up and running": tried or checked, not so;
// "prioritises getting the service back up and running", "worked towards a full recovery", "believing
// the issue to be resolved": aimed at or believed (060 went on for hours after), not so either.
const NOT_SO = /\b(?:fail(?:ed|s|ing)?|unable|attempt(?:ed|s|ing)?|tr(?:y|ies|ied|ying))\s+to\s+(?:[\w'-]+\s+){0,2}$|\b(?:ensur(?:e|es|ing)|check(?:s|ed|ing)?|verify(?:ing)?|make\s+sure|making\s+sure|getting|bringing|towards?|aim(?:s|ed|ing)?\s+(?:at|for)|believ(?:e|es|ed|ing)|assum(?:e|es|ed|ing)|thought|thinking)\s+(?:that\s+|if\s+|whether\s+)?(?:[\w'-]+\s+){0,4}$/i;
// "Database server back online, but website still had issues": one part back, not the service (a
// "but we kept monitoring" takes nothing back).
const BUT_STILL = /^[^.;]{0,60}?\b(?:(?:but|however|except)\b[^.;]{0,50}?\b(?:still|issues?|errors?|fail(?:s|ed|ing|ures?)?|not|slow|degraded|problems?|down)\b|still\s+(?:had|has|have|seeing|saw|failing|down|broken|slow|degraded|unavailable)\b)/i;
// "attempted to restart", "tried to roll back": an attempt mitigates nothing.
const ATTEMPT = /\b(?:attempt(?:ed|s|ing)?|tr(?:y|ies|ied|ying))\s+to\s*$/i;
// "rolls back the web app (no effect)", "rolled back to v1.2; it did not help": done, and it stopped
// nothing (in the same sentence: a dot in "v1.2" ends none); or the next sentence says the problem
// stayed ("Rolled back the deployment. Problem still there.", a held-out ALX report).
const NO_EFFECT = /^(?:(?![.!?](?:\s|$)).){0,60}?(?:\bno\s+(?:effect|change|improvement|luck)\b|\bdid(?:\s+not|n't)\s+(?:help|work)\b|\bto\s+no\s+avail\b|\bin\s+vain\b|\bwithout\s+(?:effect|success)\b)|^(?:(?![.!?](?:\s|$)).){0,60}?[.!?]\s+(?:the\s+)?(?:problem|issue|errors?|outage)\s+(?:(?:was|were|is|are)\s+)?(?:still\s+(?:there|present|happening|occurring|ongoing)|persist(?:ed|s)|remained|continued)\b/i;

/** Each pattern with the g flag, made once: every kind is looked for in every entry. */
const globalPatterns = new Map<RegExp, RegExp>();
function globalOf(pattern: RegExp): RegExp {
  let global = globalPatterns.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, 'gi');
    globalPatterns.set(pattern, global);
  }
  global.lastIndex = 0;
  return global;
}

/** The words of `kind` that `words` says (not negated, not merely tried), as written; null when it says none. */
export function saysWords(words: string, kind: MilestoneKind | 'acknowledged', pattern: RegExp): string | null {
  const global = globalOf(pattern);
  for (let match = global.exec(words); match !== null; match = global.exec(words)) {
    const before = words.slice(Math.max(0, match.index - 16), match.index);
    const wider = words.slice(Math.max(0, match.index - 40), match.index);
    const settled = kind !== 'resolved' || !(PARTIAL.test(before) || NOT_YET.test(wider) || NOT_SO.test(wider) || BUT_STILL.test(words.slice(match.index + match[0].length)));
    const stopped = kind !== 'mitigated' || !(ATTEMPT.test(before) || NO_EFFECT.test(words.slice(match.index + match[0].length)));
    if (!NEGATION.test(wider) && settled && stopped) return match[0];
  }
  return null;
}

/** Beyond this the entry and the start are not on one axis (a summary without a year, a timeline with one). */
export const MAX_SPAN_MINUTES = 60 * 24 * 60;

export const hasYear = (date: { year: number | null } | null) => date !== null && date.year !== null;

/** The timeline's entry indexes in time order (each where `entryAxis` places it); entries without a readable time come last, in document order. */
export function inTimeOrder(model: PostmortemModel): number[] {
  const axes = model.timeline.map((entry) => entryAxis(model, entry) ?? Infinity);
  return axes.map((_axis, entryIndex) => entryIndex).sort((a, b) => axes[a] - axes[b] || a - b);
}

// Each entry's words with its nested lines, read once per model: every milestone and moment asks.
const entryWordsByModel = new WeakMap<PostmortemModel, string[]>();
function wordsOf(model: PostmortemModel): string[] {
  let words = entryWordsByModel.get(model);
  if (!words) {
    words = model.timeline.map((entry) => entryWords(model.lines, entry));
    entryWordsByModel.set(model, words);
  }
  return words;
}

// Something breaking anew: "Warp Speed deposit processing halts", "Claims frontend is taken down again".
const BREAKS = /\b(?:halt(?:s|ed)|stop(?:s|ped)\s+(?:responding|working|processing)|(?:goes|went)\s+down|(?:is|was|were|are)\s+(?:taken\s+)?down|taken\s+down|crash(?:es|ed)|exhaust(?:s|ed)|fail(?:s|ed)(?!\s+over))\b/gi;

function saysBreaking(words: string): boolean {
  BREAKS.lastIndex = 0;
  for (let match = BREAKS.exec(words); match !== null; match = BREAKS.exec(words)) {
    if (!NEGATION.test(words.slice(Math.max(0, match.index - 40), match.index))) return true;
  }
  return false;
}

/**
 * The first entry (in `order`) whose words say `pattern`, not negated; and the words as written. A
 * resolution said before something breaks again, with another said after (010 of the held-out reports:
 * "Indexer service is restored", then deposits halt and the frontend is taken down again, hours before
 * "Status page is set to resolved"), was of a part: the one after the last such break is the incident's.
 */
export function firstSaying(model: PostmortemModel, order: readonly number[], kind: MilestoneKind | 'acknowledged', pattern: RegExp): { entryIndex: number; word: string } | null {
  const words = wordsOf(model);
  const sayingAt = (k: number) => {
    const word = saysWords(words[order[k]], kind, pattern);
    return word ? { entryIndex: order[k], word } : null;
  };
  for (let k = 0; k < order.length; k++) {
    const first = sayingAt(k);
    if (!first) continue;
    if (kind !== 'resolved') return first;
    // The last entry to say it, then the last break before that: the first said after the break.
    let last = order.length - 1;
    let lastSaid: { entryIndex: number; word: string } | null = null;
    while (last > k && !(lastSaid = sayingAt(last))) last--;
    if (!lastSaid) return first;
    let lastBreak = last - 1;
    while (lastBreak > k && !saysBreaking(words[order[lastBreak]])) lastBreak--;
    if (lastBreak === k) return first;
    for (let after = lastBreak + 1; after < last; after++) {
      const settled = sayingAt(after);
      if (settled) return settled;
    }
    return lastSaid;
  }
  return null;
}

export function findMilestones(model: PostmortemModel): Milestones {
  const startPoint = model.incident.start;
  const start = startPoint?.axis ?? null;
  const fromStart = (entry: TimelineEntry): number | null => {
    const axis = entryAxis(model, entry);
    if (axis === null || start === null || !startPoint) return null;
    if (hasYear(entry.date) !== hasYear(startPoint.date)) return null;
    const minutes = Math.round(axis - start);
    return Math.abs(minutes) > MAX_SPAN_MINUTES ? null : minutes;
  };
  const order = inTimeOrder(model);
  const milestones: MilestoneMatch[] = [];
  for (const { kind, pattern } of MILESTONE_WORDS) {
    const found = firstSaying(model, order, kind, pattern);
    if (found) milestones.push({ kind, entryIndex: found.entryIndex, word: found.word, minutesFromStart: fromStart(model.timeline[found.entryIndex]) });
  }
  return { milestones };
}
