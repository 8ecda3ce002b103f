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
  + 'programmer programmers coder coders tester testers partner partners provider providers hire hires sysadmin sysadmins dba dbas '
  + 'analyst analysts technician technicians contributor contributors volunteer volunteers student students commander').split(' '));

/** "Environment variables are to blame", "the cache is to blame": a thing blamed, no one's fault. A name (capitalised) may be a person's. */
function thingBlamed(hit: PhraseHit, before: string): boolean {
  if (!/^to blame$/i.test(hit.phrase)) return false;
  const subject = BLAMED_SUBJECT.exec(before)?.[1];
  return subject !== undefined && subject === subject.toLowerCase() && !PERSON_WORDS.has(subject);
}

// A phrase whose verb has a subject: "forgot to", "failed to verify", "should have caught".
const SAID_OF_A_SUBJECT = /^(?:forgot|neglected|failed|should)\b/i;
// "the health check failed to verify", "our alerting failed to notice": a subject named after a determiner
// (a capitalised one may be a person's name, and "the server but forgot to" names none).
const NAMED_SUBJECT = /\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Ee]ach|[Ee]very|[Oo]ur|[Tt]heir|[Yy]our|[Mm]y)\s+((?:[\p{L}-]+\s+){0,2}?[\p{Ll}][\p{L}-]*)\s*$/u;
// Words in a determiner's run that make it no plain subject: "the server but forgot to" (someone did),
// "the engineer on call forgot to" (the person before a preposition).
const NOT_A_SUBJECT = new Set(('but and or so then also just simply still again never not had has have was were is are '
  + 'on in at of for from with by to who that which').split(' '));
// "Connections were open, but they forgot to": the sentence's first words, the subject "they" stands for.
const SENTENCE_SUBJECT = /^\s*(?:[*_]+\s*)?(?:(?:the|all|some|many|most|our|their|its)\s+)?([\p{L}][\p{L}-]*)\s+(?:were|are|was|is|had|have|kept|stayed|remained)\b/iu;

/**
 * "The health check failed to verify the certificate", "Connections were open, but they forgot to close
 * the door" (a held-out ALX report): the verb is said of a thing, which no one blames. Said of a person
 * ("The developer forgot to", "they" for engineers), or of no one named, it stays blame.
 */
function saidOfAThing(hit: PhraseHit, before: string): boolean {
  if (!SAID_OF_A_SUBJECT.test(hit.phrase)) return false;
  const pronoun = /\b(it|they)\s+$/i.exec(before)?.[1].toLowerCase();
  if (pronoun === 'it') return true;
  const words = pronoun === 'they' ? [SENTENCE_SUBJECT.exec(before)?.[1].toLowerCase()] : NAMED_SUBJECT.exec(before)?.[1].toLowerCase().split(/\s+/) ?? [];
  return words.length > 0 && words.every((word) => word !== undefined && !PERSON_WORDS.has(word) && !NOT_A_SUBJECT.has(word));
}

// "Human error is inevitable", "human error will always happen": the premise of a blameless review, no verdict.
const ERROR_AS_GIVEN = /^\s+(?:is|are|was)\s+(?:(?:always|simply|just)\s+)?(?:inevitable|unavoidable|normal|expected|a\s+given|part\s+of)\b|^\s+(?:will\s+)?(?:always\s+)?(?:happens?|occurs?)\b/i;

function blameNotLaid(model: PostmortemModel, hit: PhraseHit): boolean {
  const { before, after } = textAround(model, hit);
  return (/error$/i.test(hit.phrase) && (KIND_OF_THING.test(after) || ERROR_AS_GIVEN.test(after))) || BLAME_DENIED.test(before) || thingBlamed(hit, before) || saidOfAThing(hit, before);
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
