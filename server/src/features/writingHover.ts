// Hover on a blameless-writing hint: why it matters, how to rewrite it, and a link to the README's
// explanation. The hint's own message says what was found; this says what to do about it.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Settings } from '../core/config';
import type { PostmortemModel } from '../core/model';
import { findingsOf } from '../rules/findings';
import { ruleFor } from '../rules/index';

/** Why each writing rule asks what it asks, and how to rewrite; keyed by code. */
export const WRITING_ADVICE: Readonly<Record<string, { why: string; rewrite: string }>> = {
  'blame-language': {
    why: 'Blame makes people stop telling what really happened, and the fix turns into "be more careful".',
    rewrite: 'Name the condition that let the mistake through: *"The script defaults to production"*, not *"The engineer forgot the staging flag"*.',
  },
  'counterfactual-language': {
    why: 'A counterfactual tells what did not happen; the review needs what did happen and why it made sense at the time.',
    rewrite: 'State the facts and the reason: *"The page went out at 14:20 because the rule waits 15 minutes"*, not *"We should have been paged sooner"*. Put the change in an action item.',
  },
  'vague-action': {
    why: 'An item nobody can check is never done: it has no owner for a change, no outcome to verify.',
    rewrite: 'Name the change, where, and how we know it is done: *"Alert when replication lag > 30 s for 5 min (@dana, 2024-05-01)"*.',
  },
  'impact-unquantified': {
    why: 'Without a size nobody can weigh the incident or the response against others.',
    rewrite: 'Give numbers: users or requests affected, a percentage, money, or how long: *"12% of checkout requests failed for 40 minutes"*.',
  },
  'detection-missing': {
    why: 'How an incident was found, and how long that took, is where the next one is won or lost.',
    rewrite: 'Add a timeline entry for the detection: *"14:05 UTC: the 5xx-rate alert paged the on-call"*, or *"a customer reported failed logins"*.',
  },
};

const contains = (start: Position, end: Position, at: Position) =>
  (at.line > start.line || (at.line === start.line && at.character >= start.character)) &&
  (at.line < end.line || (at.line === end.line && at.character <= end.character));

export function writingHover(model: PostmortemModel, settings: Settings, position: Position): Hover | null {
  const { index } = model.lines;
  for (const finding of findingsOf(model, settings)) {
    const advice = WRITING_ADVICE[finding.code];
    if (!advice) continue;
    const range = index.range(finding.start, finding.end);
    if (!contains(range.start, range.end, position)) continue;
    const link = ruleFor(finding.code)?.documentation;
    const value = [
      `**${finding.code}**: ${advice.why}`,
      '',
      advice.rewrite,
      ...(link ? ['', `[Why, and how to rewrite](${link})`] : []),
    ].join('\n');
    return { contents: { kind: MarkupKind.Markdown, value }, range };
  }
  return null;
}
