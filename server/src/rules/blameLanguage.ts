// Words that put an incident on a person ("human error", "forgot to", "careless"): a blameless
// postmortem asks what let the mistake through, so people keep reporting what really happened.
import type { PostmortemModel } from '../core/model';
import { findPhrases, phraseProblem, textAround, type PhraseData, type PhraseHit } from '../core/writing/findPhrases';
import { listMatcher, writingGuide } from '../core/writing/phrases';
import { allProseLines } from '../core/writing/regions';
import { looksEnglish } from '../core/writing/english';
import { defineRule } from './rule';

/**
 * "Failure can stem from bugs, traffic spikes, hardware failures, human error": a phrase that ends a
 * list of kinds of failure (two or more comma-separated items before it) names a category, blaming no one.
 */
function inListOfKinds(model: PostmortemModel, hit: PhraseHit): boolean {
  const clause = textAround(model, hit).before.split(/[:;]\s/).pop() ?? '';
  return /,[^,]{1,40},\s*(?:and\s+|or\s+)?$/.test(clause);
}

// "a surge in user error reports": the error names a kind of report, message or rate, no one's fault.
const KIND_OF_THING = /^\s+(?:reports?|messages?|rates?|logs?|codes?|pages?|counts?|dialogs?|handling|budgets?|responses?|screens?|spikes?|metrics?)\b/i;
// "We cannot blame vibe coding … and sloppy bug fixes", "no one is to blame": blame denied, not laid.
const BLAME_DENIED = /\b(?:can(?:not|'t|’t)|could(?:n't|n’t| not)|do(?:n't|n’t| not)|did(?:n't|n’t| not)|won't|will not|never|not)\s+(?:\w+\s+)?blame\b|\b(?:no\s+one|nobody|not)\s+(?:is\s+|was\s+)?$/i;

// "still suspecting Environment variables are to blame": what "to blame" is said of, the word before its verb.
const BLAMED_SUBJECT = /\b([\p{L}][\p{L}'’-]*)\s+(?:is|are|was|were|(?:may|might|could|must|would|will)\s+be|(?:seems?|seemed|appears?|appeared)\s+to\s+be)\s+$/iu;
// Who can be blamed: people, and the words that stand for them. Any other word written in lower case is a thing.
const PERSON_WORDS = new Set(('i we you he she they who whom us them one someone somebody anyone anybody everyone everybody person people human humans '
  + 'engineer engineers developer developers dev devs operator operators admin admins administrator administrators team teams staff member members '
  + 'user users customer customers owner owners lead leads manager managers management contractor contractors vendor vendors sre sres oncall on-call '
  + 'responder responders reviewer reviewers author authors intern interns colleague colleagues employee employees maintainer maintainers '
  + 'programmer programmers coder coders tester testers partner partners provider providers').split(' '));

/** "Environment variables are to blame", "the cache is to blame": a thing blamed, no one's fault. A name (capitalised) may be a person's. */
function thingBlamed(hit: PhraseHit, before: string): boolean {
  if (!/^to blame$/i.test(hit.phrase)) return false;
  const subject = BLAMED_SUBJECT.exec(before)?.[1];
  return subject !== undefined && subject === subject.toLowerCase() && !PERSON_WORDS.has(subject);
}

function blameNotLaid(model: PostmortemModel, hit: PhraseHit): boolean {
  const { before, after } = textAround(model, hit);
  return (/error$/i.test(hit.phrase) && KIND_OF_THING.test(after)) || BLAME_DENIED.test(before) || thingBlamed(hit, before);
}

export type BlameLanguageData = PhraseData<'blame-language'>;

export const blameLanguage = defineRule<BlameLanguageData>({
  code: 'blame-language',
  defaultSeverity: 'information',
  description: 'Words that blame a person ("human error", "forgot to", "careless") instead of the system that let the mistake through.',
  documentation: writingGuide('blame-language'),
  check({ model, settings }) {
    if (!looksEnglish(model)) return [];
    const matcher = listMatcher('blameLanguage', settings.writing);
    return findPhrases(model, allProseLines(model), matcher).filter((hit) => !inListOfKinds(model, hit) && !blameNotLaid(model, hit)).map((hit) => phraseProblem('blame-language', hit,
      `"${hit.phrase}" blames a person. Say what happened and what let it happen (a missing check, an unclear runbook), not who is at fault.`));
  },
  fixes: [],
});
