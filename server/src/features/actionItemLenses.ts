// A code lens above each action item: its owner and due date (overdue marked) as the document says them,
// and where one is missing, a lens that adds the placeholder the quick fix adds (run on the server with
// `workspace/executeCommand`, so that any LSP client can click it). The inlay hints say the same at the
// line's end; `postmortem.actionItems.display` chooses.
import type { CodeLens, TextEdit } from 'vscode-languageserver-types';
import { dueText, isOverdue, isPlaceholderOwner } from '../core/actionItems';
import type { PostmortemModel } from '../core/model';
import { itemAt, placeholderEdits } from '../rules/fixes/actionItemEdits';
import { FILL_ACTION_ITEM_COMMAND, type FillActionItemArgs } from '../protocol';

const ADD_TITLES: Record<FillActionItemArgs['slot'], string> = { owner: '+ Add owner', due: '+ Add due date' };

export function actionItemLenses(model: PostmortemModel, uri: string, version: number, now: Date): CodeLens[] {
  const { index } = model.lines;
  const lenses: CodeLens[] = [];
  for (const item of model.actionItems) {
    const range = index.lineRange(item.line, item.line);
    const owner = item.owner && !isPlaceholderOwner(item.owner) ? `@${item.owner.text.replace(/^@/, '')}` : null;
    const due = item.due ? `due ${dueText(item.due)}${isOverdue(item, now) ? ' ⚠ overdue' : ''}` : null;
    const said = [owner, item.done ? 'done' : due].filter((part): part is string => part !== null);
    // A lens without a command id is a label: it shows, and clicking it does nothing.
    if (said.length) lenses.push({ range, command: { title: said.join(' · '), command: '' } });
    if (item.done) continue;
    for (const slot of ['owner', 'due'] as const) {
      if (item[slot]) continue;
      const args: FillActionItemArgs = { uri, version, line: item.line, slot };
      lenses.push({ range, command: { title: ADD_TITLES[slot], command: FILL_ACTION_ITEM_COMMAND, arguments: [args] } });
    }
  }
  return lenses;
}

/** The command's arguments as a client sent them back, checked (they cross the wire); null when malformed. */
export function fillActionItemArgs(value: unknown): FillActionItemArgs | null {
  if (typeof value !== 'object' || value === null) return null;
  const { uri, version, line, slot } = value as Record<string, unknown>;
  if (typeof uri !== 'string' || typeof version !== 'number' || !Number.isInteger(line) || (slot !== 'owner' && slot !== 'due')) return null;
  return { uri, version, line: line as number, slot };
}

/** The placeholder's edits for the item at `line` (none when there is no item there, or it has the field). */
export function fillActionItemEdits(model: PostmortemModel, line: number, slot: FillActionItemArgs['slot']): TextEdit[] {
  const item = itemAt(model, line);
  return item ? placeholderEdits(model, item, slot) : [];
}
