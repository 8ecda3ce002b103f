// Action items and front matter as clients see them: the CLI's JSON and --actions list, the preview's
// card. One wire shape each (protocol.ts), built here from the model.
import { dueText, isOverdue, type ActionItem } from '../core/actionItems';
import type { PostmortemModel } from '../core/model';
import type { IncidentCard, WireActionItem, WireFrontMatter } from '../protocol';
import { plural } from '../shared/plural';

export function wireActionItem(model: PostmortemModel, item: ActionItem, now: Date): WireActionItem {
  const section = item.sectionLine === null ? undefined : model.sections.find((candidate) => candidate.line === item.sectionLine);
  return {
    kind: item.kind,
    text: item.text,
    line: item.line,
    lastLine: item.lastLine,
    section: section?.title ?? null,
    owner: item.owner?.text ?? null,
    due: item.due ? dueText(item.due) : null,
    ticket: item.ticket?.text ?? null,
    type: item.type?.text ?? null,
    status: item.status?.text ?? null,
    done: item.done,
    overdue: isOverdue(item, now),
  };
}

export function actionItemsResult(model: PostmortemModel, now: Date): WireActionItem[] {
  return model.actionItems.map((item) => wireActionItem(model, item, now));
}

export function frontMatterResult(model: PostmortemModel): WireFrontMatter | null {
  const facts = model.frontMatter;
  if (!facts) return null;
  return {
    keys: facts.fields.map((field) => field.key),
    title: facts.title, date: facts.date, severity: facts.severity, status: facts.status,
    authors: facts.authors, owner: facts.owner, services: facts.services, tags: facts.tags,
    incidentId: facts.incidentId, lifecycle: facts.lifecycle, malformed: facts.errors.length > 0,
  };
}


/** The card's action summary: "5 items: 2 open, 1 overdue"; null when the document has none. */
export function cardActions(model: PostmortemModel, now: Date): IncidentCard['actions'] {
  if (model.actionItems.length === 0) return null;
  const items = actionItemsResult(model, now);
  const open = items.filter((item) => !item.done).length;
  const overdue = items.filter((item) => item.overdue).length;
  const summary = `${plural(items.length, 'item')}: ${open} open${overdue ? `, ${overdue} overdue` : ''}`;
  return { items, open, overdue, summary };
}
