// Edits on action items, each in the item's own style (an HTML list's items get none): a table gets a cell (or a column), a list item
// an inline `(owner: TBD)`; marking done ticks the box, fills the status cell or appends "(done)"; and a
// bulleted action list becomes an aligned table with Owner, Due, Ticket and Status columns.
import type { TextEdit } from 'vscode-languageserver-types';
import type { ActionItem, ActionTable } from '../../core/actionItems';
import { tableCells } from '../../core/tableRow';
import type { PostmortemModel } from '../../core/model';
import { lineBreakOf } from '../../core/text';

export type ItemSlot = 'owner' | 'due';

const PLACEHOLDER: Record<ItemSlot, { inline: string; cell: string; header: string }> = {
  owner: { inline: '(owner: TBD)', cell: 'TBD', header: 'Owner' },
  due: { inline: '(due: TBD)', cell: 'TBD', header: 'Due' },
};

/** The item at `line`, as the model reads it now (a fix's data names the item by its first line). */
export function itemAt(model: PostmortemModel, line: number): ActionItem | undefined {
  return model.actionItems.find((item) => item.line === line);
}

function insertAt(model: PostmortemModel, offset: number, newText: string): TextEdit {
  const position = model.lines.index.positionAt(offset);
  return { range: { start: position, end: position }, newText };
}

function replace(model: PostmortemModel, start: number, end: number, newText: string): TextEdit {
  return { range: model.lines.index.range(start, end), newText };
}

/** Where a list item's own words end on its first line (before trailing spaces). */
function firstLineEnd(model: PostmortemModel, item: ActionItem): number {
  const line = model.lines.index.lines[item.line];
  return line.start + line.text.trimEnd().length;
}

/** A table row's cell `column` set to `value`: the empty cell filled, or cells added up to it. */
function cellEdit(model: PostmortemModel, item: ActionItem, column: number, value: string): TextEdit | null {
  const cell = item.cells[column];
  if (cell) {
    if (cell.text !== '') return null;
    // Into the empty cell's room after its first space, adding only what spacing is missing.
    const room = cell.end - cell.start;
    return room === 0 ? insertAt(model, cell.start, ` ${value} `) : insertAt(model, cell.start + 1, room === 1 ? `${value} ` : value);
  }
  const line = model.lines.index.lines[item.line];
  const text = line.text.trimEnd();
  const missing = column - item.cells.length + 1;
  const closed = text.endsWith('|');
  const added = `${' |'.repeat(missing - 1)} ${value} |`;
  return insertAt(model, line.start + text.length, closed ? added : ` |${added}`);
}

/**
 * A new column after the header's last on every line of the table: the header, the delimiter, and `value`
 * on `item`'s row. Short rows are padded to it; on rows with extra cells it goes before them.
 */
function columnEdits(model: PostmortemModel, table: ActionTable, header: string, item: ActionItem, value: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const width = table.columnCount;
  for (let line = table.headerLine; line <= table.lastLine; line++) {
    const source = model.lines.index.lines[line];
    const text = source.text.trimEnd();
    const cell = line === table.headerLine ? header : line === table.delimiterLine ? '---' : line === item.line ? value : '';
    const cells = tableCells(source.text, source.start);
    if (cells.length > width && width > 0) {
      // After the pipe that closes the header's last column.
      const pipe = source.text.indexOf('|', cells[width - 1].end - source.start);
      if (pipe >= 0) {
        edits.push(insertAt(model, source.start + pipe + 1, ` ${cell} |`));
        continue;
      }
    }
    const closed = text.endsWith('|');
    const padding = ' |'.repeat(Math.max(0, width - cells.length));
    edits.push(insertAt(model, source.start + text.length, `${closed ? '' : ' |'}${padding} ${cell} |`));
  }
  return edits;
}

/** A placeholder owner or due date for `item`, in its style; none when it already has one. */
export function placeholderEdits(model: PostmortemModel, item: ActionItem, slot: ItemSlot): TextEdit[] {
  // An HTML list's item is left as written: its markup is the writer's.
  if (item[slot] || item.kind === 'html') return [];
  const placeholder = PLACEHOLDER[slot];
  if (item.table) {
    const column = item.table.columns[slot];
    if (column >= 0) {
      const edit = cellEdit(model, item, column, placeholder.cell);
      return edit ? [edit] : [];
    }
    return columnEdits(model, item.table, placeholder.header, item, placeholder.cell);
  }
  const lineText = model.lines.index.lines[item.line].text;
  if (lineText.includes(placeholder.inline)) return [];
  return [insertAt(model, firstLineEnd(model, item), ` ${placeholder.inline}`)];
}

/** Marks `item` done: its box ticked, its status cell "done", or "(done)" after its words. */
export function markDoneEdits(model: PostmortemModel, item: ActionItem): TextEdit[] {
  if (item.done || item.kind === 'html') return [];
  if (item.checkbox) return [replace(model, item.checkbox.start, item.checkbox.end, '[x]')];
  if (item.table) {
    const column = item.table.columns.status;
    if (column >= 0) {
      const cell = item.cells[column];
      if (cell && cell.text !== '') return [replace(model, cell.start, cell.end, 'done')];
      const edit = cellEdit(model, item, column, 'done');
      return edit ? [edit] : [];
    }
    return columnEdits(model, item.table, 'Status', item, 'done');
  }
  if (item.status) return [replace(model, item.status.start, item.status.end, 'done')];
  return [insertAt(model, firstLineEnd(model, item), ' (done)')];
}

/** The list items of `item`'s section that a table could replace: consecutive, with nothing else between them. */
export function listGroup(model: PostmortemModel, item: ActionItem): ActionItem[] {
  if (item.table || item.kind === 'html') return [];
  const group = model.actionItems.filter((other) => !other.table && other.kind !== 'html' && other.sectionLine === item.sectionLine);
  const first = group[0];
  const last = group[group.length - 1];
  if (!first || !last || group.some((member) => /^[ \t]*>/.test(model.lines.index.lines[member.line].text))) return [];
  const covered = new Set<number>();
  for (const member of group) for (let line = member.line; line <= member.lastLine; line++) covered.add(line);
  for (let line = first.line; line <= last.lastLine; line++) {
    if (!covered.has(line) && model.lines.info[line].kind !== 'blank') return [];
  }
  return group;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The list items of `group` as one aligned table (every word of each item kept in its Action cell). */
export function listToTableEdit(model: PostmortemModel, group: ActionItem[]): TextEdit | null {
  if (group.length === 0) return null;
  const { index } = model.lines;
  const rows = group.map((item) => {
    const own = index.text.slice(index.lines[item.line].start, index.lines[item.lastLine].end);
    const words = own.replace(/^[ \t>]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/, '');
    return [escapeCell(words), escapeCell(item.owner?.text ?? ''), escapeCell(item.due?.text ?? ''), escapeCell(item.ticket?.text ?? ''), item.done ? 'done' : 'open'];
  });
  const header = ['Action', 'Owner', 'Due', 'Ticket', 'Status'];
  const widths = header.map((title, column) => Math.max(3, title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  const eol = lineBreakOf(index.text);
  const table = [line(header), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.map(line)].join(eol);
  const first = group[0];
  const last = group[group.length - 1];
  return replace(model, index.lines[first.line].start, index.lines[last.lastLine].end, table);
}
