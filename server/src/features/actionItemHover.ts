// Hovers on what the postmortem commits to and says about itself: an action item's parsed fields, and a
// front matter key's meaning and allowed values (from the shipped JSON Schema).
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { dueText, isOverdue, type ActionItem } from '../core/actionItems';
import { fieldAt } from '../core/frontMatter';
import { keyDocs, type FrontMatterLists } from '../core/frontMatterSchema';
import type { PostmortemModel } from '../core/model';

function itemText(item: ActionItem, now: Date): string {
  const state = item.done ? 'done' : isOverdue(item, now) ? 'open, **overdue**' : 'open';
  const row = (label: string, value: string | null | undefined) => `- ${label}: ${value ? value.replace(/[\\`*_[\]<>]/g, '\\$&') : '—'}`;
  return [
    `**Action item** (${item.kind === 'table' ? 'table row' : item.kind === 'task' ? 'task' : item.kind === 'html' ? 'HTML list item' : item.kind === 'line' ? 'line' : 'list item'}, ${state})`,
    '',
    row('Owner', item.owner?.text),
    row('Due', item.due ? dueText(item.due) : null),
    row('Ticket', item.ticket?.text),
    row('Type', item.type?.text),
    row('Status', item.status?.text),
  ].join('\n');
}

/** The hover for an action item under `offset` (on its first line), or a front matter key or value. */
export function actionItemHover(model: PostmortemModel, offset: number, now: Date, lists: FrontMatterLists): Hover | null {
  const { index } = model.lines;
  const line = index.lineAt(offset);
  const item = model.actionItems.find((candidate) => candidate.line === line);
  if (item) return { contents: { kind: MarkupKind.Markdown, value: itemText(item, now) }, range: index.range(index.lines[line].start, index.lines[line].end) };
  const frontMatter = model.frontMatter;
  if (!frontMatter || offset < frontMatter.start || offset > frontMatter.end) return null;
  const field = fieldAt(frontMatter, offset);
  const doc = field && keyDocs(lists).find((candidate) => candidate.key === field.key);
  if (!field || !doc) return null;
  const values = doc.values.length ? `\n\nOne of: ${doc.values.map((value) => `\`${value}\``).join(', ')}` : '';
  return { contents: { kind: MarkupKind.Markdown, value: `**${doc.key}**: ${doc.description}${values}` }, range: index.range(field.keyStart, field.keyEnd) };
}
