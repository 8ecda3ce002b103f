// What the owner and due-date rules share: they speak once the front matter's status is past the first
// one (draft), so that a first draft is not buried in reminders; they report open items without the
// field; and they fix with a placeholder in the item's own style, or by turning the bulleted list into a
// table. Neither fix runs in fix-all: a placeholder is not an owner or a date.
import { statusRank } from '../../core/frontMatter';
import { itemAt, listGroup, listToTableEdit, placeholderEdits, type ItemSlot } from '../fixes/actionItemEdits';
import { editsOf, type Fix, type Problem, type RuleContext } from '../rule';

export interface ItemFieldData<Code extends string> {
  code: Code;
  /** The item's first line (0-based). */
  line: number;
}

const MISSING: Record<ItemSlot, string> = { owner: 'has no owner', due: 'has no due date' };

export function missingFieldProblems<Code extends string>(context: RuleContext, slot: ItemSlot, code: Code): Array<Problem<ItemFieldData<Code>>> {
  const { model, settings, lineSpan } = context;
  if (statusRank(model.frontMatter, settings.frontMatter.statuses) <= 0) return [];
  return model.actionItems.filter((item) => !item[slot] && !item.done).map((item) => {
    const [start, end] = lineSpan(item.line);
    return { start, end, message: `Action item "${item.text.slice(0, 60)}" ${MISSING[slot]}.`, data: { code, line: item.line } };
  });
}

export function missingFieldFixes<Code extends string>(slot: ItemSlot): Array<Fix<ItemFieldData<Code>>> {
  return [
    {
      title: () => (slot === 'owner' ? 'Add an owner placeholder' : 'Add a due date placeholder'),
      fixAll: false,
      edits: (model, data) => {
        const item = itemAt(model, data.line);
        return item ? placeholderEdits(model, item, slot) : [];
      },
    },
    {
      title: () => 'Turn the action list into a table (Owner, Due, Ticket, Status)',
      preferred: () => false,
      fixAll: false,
      edits: (model, data) => {
        const item = itemAt(model, data.line);
        return item ? editsOf(listToTableEdit(model, listGroup(model, item))) : [];
      },
    },
  ];
}
