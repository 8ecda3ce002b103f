// An open action item whose due date has passed: "today" is the context's `now` (the service's injected
// clock, the CLI's run). Fixed by marking it done, which only the writer can say: not in fix-all.
import { dueText, isOverdue } from '../core/actionItems';
import { itemAt, markDoneEdits } from './fixes/actionItemEdits';
import { defineRule, type Problem } from './rule';

export interface ActionItemOverdueData {
  code: 'action-item-overdue';
  line: number;
  due: string;
}

export const actionItemOverdue = defineRule<ActionItemOverdueData>({
  code: 'action-item-overdue',
  defaultSeverity: 'warning',
  description: 'An open action item is past its due date.',
  check({ model, now }) {
    return model.actionItems.flatMap((item): Array<Problem<ActionItemOverdueData>> => {
      const due = item.due;
      if (!due || !isOverdue(item, now)) return [];
      return [{
        start: due.start, end: due.end,
        message: `Action item "${item.text.slice(0, 60)}" was due ${dueText(due)} and is not done.`,
        data: { code: 'action-item-overdue', line: item.line, due: dueText(due) },
      }];
    });
  },
  fixes: [{
    title: () => 'Mark the action item done',
    fixAll: false,
    edits: (model, data) => {
      const item = itemAt(model, data.line);
      return item ? markDoneEdits(model, item) : [];
    },
  }],
});
