// After each action item, its owner and due date as an inlay hint ("@alice · due 2026-06-01"), with
// overdue items marked: what the table or the sentence says, read back at a glance. Items that name
// neither get none.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import { dueText, isOverdue, isPlaceholderOwner } from '../core/actionItems';
import type { PostmortemModel } from '../core/model';

export function actionItemHints(model: PostmortemModel, range: Range, now: Date): InlayHint[] {
  const { index } = model.lines;
  const hints: InlayHint[] = [];
  for (const item of model.actionItems) {
    if (item.line < range.start.line || item.line > range.end.line) continue;
    // An item that names neither is a first draft's bullet: nothing to read back, no noise.
    if (!item.owner && !item.due) continue;
    const owner = item.owner && !isPlaceholderOwner(item.owner) ? `@${item.owner.text.replace(/^@/, '')}` : 'no owner';
    const due = item.due ? `due ${dueText(item.due)}${isOverdue(item, now) ? ' ⚠ overdue' : ''}` : 'no due date';
    const line = index.lines[item.line];
    hints.push({
      position: index.positionAt(line.start + line.text.trimEnd().length),
      label: item.done ? `${owner} · done` : `${owner} · ${due}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: 'Action item: owner and due date as read from the document',
    });
  }
  return hints;
}
