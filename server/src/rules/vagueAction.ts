// An action item that promises an attitude or a direction ("Be more careful", "Improve monitoring",
// "Communicate better") with nothing to check it by: the item says little more than the vague phrase.
// "Improve monitoring of replication lag with an alert at 30 s" names what changes, and passes.
import type { PhraseData } from '../core/writing/findPhrases';
import { listMatcher, writingGuide } from '../core/writing/phrases';
import { looksEnglish } from '../core/writing/english';
import { defineRule, type Problem } from './rule';

export type VagueActionData = PhraseData<'vague-action'>;

/** Words around the vague phrase that still leave it vague: at most this many. */
const MAX_OTHER_WORDS = 2;

/** A linked issue or ticket holds the item's detail and its outcome: the item is tracked, not vague. */
const TRACKED = /\]\([^)]*(?:\/issues\/|\/pull\/|\/browse\/|jira|trello\.com|linear\.app)[^)]*\)|\b[A-Z][A-Z0-9]+-\d+\b/;

/** An owner, a date, a ticket or a link says who and when, not what: not counted as words of the item. */
const NOT_WHAT = /\[([^\]]*)\]\([^)]*\)|\([^)]*\)|@\S+|\b[A-Z][A-Z0-9]+-\d+\b|#\d+|\b\d{4}-\d{2}-\d{2}\b|\b(?:owner|due|by|assignee|status|done|todo|in progress)\b\s*:?/gi;

export const vagueAction = defineRule<VagueActionData>({
  code: 'vague-action',
  defaultSeverity: 'information',
  description: 'An action item with no concrete change or checkable outcome ("Be more careful", "Improve monitoring").',
  documentation: writingGuide('vague-action'),
  check({ model, settings }) {
    if (!looksEnglish(model)) return [];
    const matcher = listMatcher('vagueAction', settings.writing);
    if (!matcher) return [];
    const problems: Array<Problem<VagueActionData>> = [];
    for (const item of model.actionItems) {
      // The words as written (links and ticket keys still there), without emphasis marks.
      const text = item.words.text.replace(/[*_~]+/g, '').replace(/\s+/g, ' ').trim();
      // A ticket in its own table column tracks the item as surely as one written in its words.
      if (TRACKED.test(text) || (item.table && item.ticket)) continue;
      const what = text.replace(NOT_WHAT, (_m, linkText: string | undefined) => linkText ?? ' ');
      const match = [...what.matchAll(matcher)][0];
      if (!match) continue;
      const others = what.replace(matcher, ' ').split(/[^\p{L}\p{N}']+/u).filter(Boolean);
      if (others.length > MAX_OTHER_WORDS) continue;
      problems.push({
        start: item.words.start, end: item.words.end,
        message: `"${text}" names no change anyone can check. Say what will be built or changed, on what, and how we will know it is done (an alert at a threshold, a test in CI, a runbook step).`,
        data: { code: 'vague-action', phrase: match[0], line: item.line },
      });
    }
    return problems;
  },
  fixes: [],
});
