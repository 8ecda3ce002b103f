// The review checklist: the questions a postmortem review asks (after the SRE book's checklist), each
// marked from the model as met, not met or cannot tell, with the lines that decide it. Computed from the
// document alone, for the preview's panel and the CLI's JSON.
import type { Settings } from '../core/config';
import type { PostmortemModel } from '../core/model';
import { isPlaceholderOwner } from '../core/actionItems';
import { readDetection } from '../core/writing/detection';
import { statesQuantity } from '../core/writing/impact';
import { impactStatements } from '../core/writing/impactStatements';
import { proseLines, regionsFor, regionsOf } from '../core/writing/regions';
import type { ChecklistItem, ChecklistMark, ReviewChecklist } from '../protocol';
import type { Finding } from '../rules/rule';
import { plural } from '../shared/plural';
import { findMilestones } from './milestones';

const oneBased = (lines: readonly number[]) => [...new Set(lines)].sort((a, b) => a - b).map((line) => line + 1);

function item(id: ChecklistItem['id'], question: string, mark: ChecklistMark, detail: string, lines: readonly number[]): ChecklistItem {
  return { id, question, mark, detail, lines: oneBased(lines) };
}

function summaryItem(model: PostmortemModel): ChecklistItem {
  const question = 'Is the summary complete?';
  const section = model.summarySection;
  if (!section && !model.summary) return item('summary', question, 'not-met', 'There is no summary.', []);
  const spec = section ? model.profile.sections.find((s) => s.id === section.specId) : undefined;
  const at = section ? [section.line] : [];
  const missing = (spec?.fields ?? []).filter((field) => !model.summary?.fields.has(field));
  if (missing.length) return item('summary', question, 'not-met', `The summary does not state: ${missing.join(', ')}.`, at);
  if (!spec?.fields) return item('summary', question, 'unknown', 'The profile names no facts a summary must state; read it yourself.', at);
  return item('summary', question, 'met', 'The summary states every fact the profile asks for.', at);
}

function impactItem(model: PostmortemModel): ChecklistItem {
  const question = 'Is the impact quantified?';
  const statements = impactStatements(model);
  if (statements.length === 0) return item('impact', question, 'not-met', 'No impact is stated (an "Impact:" line or an Impact section).', []);
  const sized = statements.filter((statement) => statesQuantity(statement.text));
  if (sized.length) return item('impact', question, 'met', 'The impact gives a size (users, requests, money, a share or a time).', sized.map((s) => s.line));
  return item('impact', question, 'not-met', 'The impact gives no number of users, requests, money, percentage or time.', statements.map((s) => s.line));
}

function timelineItem(model: PostmortemModel, settings: Settings): ChecklistItem {
  const question = 'Does the timeline show detection and resolution?';
  const section = model.timelineSection;
  if (!section) return item('timeline', question, 'not-met', 'There is no timeline.', []);
  const timed = model.timeline.filter((entry) => entry.axis !== null);
  const detection = readDetection(model, settings.writing);
  const resolved = findMilestones(model).milestones.find((milestone) => milestone.kind === 'resolved' || milestone.kind === 'mitigated');
  const resolvedLine = resolved ? model.timeline[resolved.entryIndex].line : null;
  const lacking = [
    ...(timed.length === 0 ? ['no timed entries'] : []),
    ...(detection.line === null ? ['nothing says how it was detected'] : []),
    ...(resolvedLine === null ? ['no entry that marks the resolution (resolved, restored, mitigated)'] : []),
  ];
  const lines = [section.line, ...(detection.line !== null ? [detection.line] : []), ...(resolvedLine !== null ? [resolvedLine] : [])];
  if (lacking.length) return item('timeline', question, 'not-met', `The timeline has ${lacking.join('; ')}.`, lines);
  return item('timeline', question, 'met', `${timed.length} timed ${timed.length === 1 ? 'entry' : 'entries'}, with the detection and the resolution.`, lines);
}

function rootCauseItem(model: PostmortemModel): ChecklistItem {
  const question = 'Is the root cause stated?';
  const regions = regionsFor(regionsOf(model), 'rootCause');
  const said = proseLines(model, regions).filter((line) => /\p{L}{3,}/u.test(model.lines.index.lines[line].text));
  const labelled = model.summary?.rootCause;
  if (said.length) return item('root-cause', question, 'met', 'A root-cause section says it.', [regions[0].line]);
  if (labelled?.text.trim()) return item('root-cause', question, 'met', 'The summary says it.', [labelled.line]);
  return item('root-cause', question, 'not-met', regions.length ? 'The root-cause section is empty.' : 'No root cause is stated.', regions.map((r) => r.line));
}

function actionItemsItem(model: PostmortemModel): ChecklistItem {
  const question = 'Do the action items have owners and dates?';
  const regions = regionsFor(regionsOf(model), 'actions');
  const items = model.actionItems;
  if (items.length === 0) {
    if (proseLines(model, regions).length) return item('action-items', question, 'unknown', 'The action items are not a list; read them yourself.', regions.map((r) => r.line));
    return item('action-items', question, 'not-met', 'There are no action items.', regions.map((r) => r.line));
  }
  // A placeholder ("TBD") holds a slot for an owner; it is not one.
  const unowned = items.filter((i) => isPlaceholderOwner(i.owner));
  const undated = items.filter((i) => !i.due);
  if (unowned.length === 0 && undated.length === 0) return item('action-items', question, 'met', `${items.length === 1 ? 'The action item has' : `Each of the ${items.length} action items has`} an owner and a date.`, items.map((i) => i.line));
  const parts = [
    ...(unowned.length ? [`no owner on ${unowned.length} of ${plural(items.length, 'item')}`] : []),
    ...(undated.length ? [`no date on ${undated.length} of ${plural(items.length, 'item')}`] : []),
  ];
  return item('action-items', question, 'not-met', `${parts.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()), [...unowned, ...undated].map((i) => i.line));
}

const BLAME_CODES = new Set(['blame-language', 'counterfactual-language']);

function blamelessItem(model: PostmortemModel, settings: Settings, findings: readonly Finding[]): ChecklistItem {
  const question = 'Is the language blameless?';
  if ([...BLAME_CODES].every((code) => settings.severity[code] === 'off')) {
    return item('blameless', question, 'unknown', 'blame-language and counterfactual-language are off in the settings.', []);
  }
  const hits = findings.filter((finding) => BLAME_CODES.has(finding.code));
  if (hits.length === 0) return item('blameless', question, 'met', 'No words of blame and no counterfactuals found.', []);
  const lines = hits.map((finding) => model.lines.index.positionAt(finding.start).line);
  return item('blameless', question, 'not-met', `${plural(hits.length, 'phrase')} of blame or counterfactual.`, lines);
}

/** The checklist of a postmortem, from its model and the findings of its rules. */
export function reviewChecklist(model: PostmortemModel, settings: Settings, findings: readonly Finding[]): ReviewChecklist {
  if (!model.isPostmortem) return { items: [] };
  return {
    items: [
      summaryItem(model),
      impactItem(model),
      timelineItem(model, settings),
      rootCauseItem(model),
      actionItemsItem(model),
      blamelessItem(model, settings, findings),
    ],
  };
}
