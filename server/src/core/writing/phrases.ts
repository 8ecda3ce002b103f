// The word lists of the blameless-writing rules, in one place (English only). Each list can be
// extended or muted per document through the settings `postmortem.writing.<list>.extend` / `.mute`
// (core/config.ts reads them; writingPhrases() below merges them). A phrase is words matched whole and
// case-insensitively, any run of spaces matching any run of spaces, straight and curly apostrophes alike.

/** The lists a setting can extend or mute, by their settings key. */
export const PHRASE_LISTS = ['blameLanguage', 'counterfactual', 'vagueAction', 'detection'] as const;
export type PhraseListName = (typeof PHRASE_LISTS)[number];

export interface PhraseSetting {
  extend: string[];
  mute: string[];
}
export type WritingSettings = Record<PhraseListName, PhraseSetting>;

/** Words that put the cause on a person instead of on the system that let the mistake through. */
const BLAME_LANGUAGE = [
  'human error', 'operator error', 'user error', 'pilot error', 'careless', 'carelessly', 'carelessness',
  'negligence', 'negligent', 'negligently', "someone's fault", 'his fault', 'her fault', 'their fault',
  'my fault', 'our fault', 'to blame', 'forgot to', 'neglected to', 'should have known',
  'should have noticed', 'should have caught', 'lack of attention', 'not paying attention', 'sloppy',
  'incompetent', 'incompetence', 'failed to notice', 'failed to check', 'failed to follow',
  'failed to verify', 'failed to test',
];

/** What did not happen, told as if it had: reviewers ask for what did happen and why. */
const COUNTERFACTUAL = [
  'should have', "should've", 'could have', "could've", 'would have', "would've", 'if only', 'had we',
  'had they', 'had I', 'had someone', 'had the team', 'ought to have', 'might have been avoided',
  'could have been avoided', 'should not have', "shouldn't have", 'could not have', 'would not have',
  "wouldn't have",
];

/**
 * Action items that promise an attitude or a direction, not a change someone can check: the whole item
 * says only this (with an owner, a date or a check box around it at most).
 */
const VAGUE_ACTION = [
  'be more careful', 'be careful', 'more careful', 'pay more attention', 'pay attention', 'be vigilant',
  'be more vigilant', 'try harder', 'communicate better', 'better communication', 'improve communication',
  'improve monitoring', 'better monitoring', 'more monitoring', 'improve alerting', 'better alerting',
  'improve testing', 'better testing', 'more testing', 'test more', 'improve documentation',
  'better documentation', 'improve processes', 'improve process', 'improve the process', 'be more aware',
  'raise awareness', 'double check', 'double-check', 'learn from this', 'avoid this in the future',
  'make sure this does not happen again', "make sure this doesn't happen again", 'be more proactive',
];

/** Words that say how an incident came to be known: an alert, monitoring, a person's or customer's report. */
const DETECTION = [
  'alert', 'alerts', 'alerted', 'alerting', 'alarm', 'alarms', 'alarmed', 'page', 'paged', 'paging',
  'pager', 'pagerduty', 'opsgenie', 'on-call', 'oncall', 'on call', 'monitor', 'monitors', 'monitoring',
  'monitored', 'detect', 'detects', 'detected', 'detection', 'detecting', 'noticed', 'notice', 'notices', 'noticing',
  'reported', 'reports', 'report', 'reporting', 'discovered', 'discover', 'spotted', 'observed',
  'notified', 'notifies', 'notifying', 'notification', 'complaint', 'complaints', 'complain', 'complains', 'complained', 'complaining', 'ticket', 'tickets',
  'became aware', 'aware', 'first sign', 'first signs', 'identified', 'flagged', 'escalated', 'dashboard',
  'dashboards', 'nagios', 'datadog', 'grafana', 'pingdom', 'prometheus', 'sentry', 'new relic',
  'health check', 'health checks', 'warning', 'warnings', 'warned', 'uptime', 'investigating', 'investigate', 'investigation',
];

export const DEFAULT_PHRASES: Readonly<Record<PhraseListName, readonly string[]>> = {
  blameLanguage: BLAME_LANGUAGE,
  counterfactual: COUNTERFACTUAL,
  vagueAction: VAGUE_ACTION,
  detection: DETECTION,
};

export function defaultWritingSettings(): WritingSettings {
  return Object.fromEntries(PHRASE_LISTS.map((name) => [name, { extend: [], mute: [] }])) as unknown as WritingSettings;
}

const normalize = (phrase: string) => phrase.trim().toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');

/** A list's phrases: the defaults less the muted ones, plus the extensions (muting names a phrase as written). */
export function phrasesOf(list: PhraseListName, writing: WritingSettings): string[] {
  const muted = new Set(writing[list].mute.map(normalize));
  const phrases = [...DEFAULT_PHRASES[list], ...writing[list].extend].map(normalize).filter((p) => p && !muted.has(p));
  return [...new Set(phrases)];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matchers by their phrases, so that each analysis does not compile the same expressions again. */
const matchers = new Map<string, RegExp>();
/** Each matcher's quick first test: its phrases without the word bounds (see findPhrases). */
const prefilters = new WeakMap<RegExp, RegExp>();

/** One expression matching any of the phrases as whole words, longest first (shared: use it with matchAll). */
export function phraseMatcher(phrases: readonly string[]): RegExp | null {
  if (phrases.length === 0) return null;
  const alternatives = [...phrases].sort((a, b) => b.length - a.length)
    .map((phrase) => escape(phrase).replace(/'/g, "['’]").replace(/ /g, '\\s+'));
  const key = alternatives.join('|');
  let matcher = matchers.get(key);
  if (!matcher) {
    // Letters, digits and hyphens bound a word: "re-alert" does not hold "alert", "careless" not "care".
    matcher = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${key})(?![\\p{L}\\p{N}]|-[\\p{L}])`, 'giu');
    prefilters.set(matcher, new RegExp(`(?:${key})`, 'iu'));
    if (matchers.size > 64) matchers.clear();
    matchers.set(key, matcher);
  }
  return matcher;
}

/** Each writing settings' matcher per list: a run's documents share their settings, so each list is compiled once. */
const listMatchers = new WeakMap<WritingSettings, Map<PhraseListName, RegExp | null>>();

/** The matcher of a list under these settings (phraseMatcher of phrasesOf); settings are never changed in place. */
export function listMatcher(list: PhraseListName, writing: WritingSettings): RegExp | null {
  let byList = listMatchers.get(writing);
  if (!byList) listMatchers.set(writing, (byList = new Map()));
  let matcher = byList.get(list);
  if (matcher === undefined) byList.set(list, (matcher = phraseMatcher(phrasesOf(list, writing))));
  return matcher;
}

/**
 * A cheaper test that every text the matcher matches passes too (the same phrases, without the word
 * bounds' lookarounds): most lines hold no phrase, and it tells them apart several times faster.
 */
export function phrasePrefilter(matcher: RegExp): RegExp | undefined {
  return prefilters.get(matcher);
}

/** The README's section on blameless writing (the repository's address in package.json). */
const WRITING_GUIDE = 'https://example.invalid/postmortem-writer#blameless-writing';

/** Where the README explains a writing rule: its section "Blameless writing: `code`". */
export function writingGuide(code: string): string {
  return `${WRITING_GUIDE}-${code}`;
}
