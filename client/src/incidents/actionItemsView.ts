// The Action Items view: every follow-up of every postmortem, by owner or by state, overdue first
// and marked; the activity bar's badge counts the overdue ones. A click opens the item's line.
import * as vscode from 'vscode';
import type { IncidentIndexEntry } from '../../../server/src/protocol';
import { plural } from '../../../server/src/shared/plural';
import { groupActionItems, itemDescription, itemGroupDescription, itemState, type Group, type ItemGrouping, type ItemRow } from './grouping';

const ICONS = {
  overdue: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  open: new vscode.ThemeIcon('circle-large-outline'),
  done: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
};

export const actionItemsKind = {
  viewId: 'postmortem.actionItems',
  groupingKey: 'postmortem.actionItemsGroupBy',
  defaultGrouping: 'owner' as ItemGrouping,
  isGrouping: (value: unknown): value is ItemGrouping => value === 'owner' || value === 'status',
  group: groupActionItems,
  untilDetailed: 'Reading the action items…',
  groupItem: (group: Group<ItemRow>, by: ItemGrouping) => {
    const item = new vscode.TreeItem(group.label);
    item.description = itemGroupDescription(group);
    item.iconPath = new vscode.ThemeIcon(by === 'owner' ? 'person' : 'list-unordered');
    return item;
  },
  memberItem: (row: ItemRow, by: ItemGrouping) => {
    const state = itemState(row.item);
    const item = new vscode.TreeItem(row.item.text || '(no text)', vscode.TreeItemCollapsibleState.None);
    item.id = `${by}/${row.entry.uri}#${row.item.line}`;
    item.description = itemDescription(row, by);
    item.iconPath = ICONS[state];
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(row.item.text).appendMarkdown('\n\n').appendText(`${state === 'overdue' ? 'Overdue' : state === 'open' ? 'Open' : 'Done'}`);
    for (const [name, value] of [['Owner', row.item.owner], ['Due', row.item.due], ['Ticket', row.item.ticket], ['Status', row.item.status], ['Incident', row.entry.title ?? row.entry.path]]) {
      if (value) tooltip.appendMarkdown('\n\n').appendText(`${name}: ${value}`);
    }
    item.tooltip = tooltip;
    item.contextValue = `actionItem.${state}`;
    const position = new vscode.Position(row.item.line, 0);
    item.command = { command: 'vscode.open', title: 'Open Action Item', arguments: [vscode.Uri.parse(row.entry.uri), { selection: new vscode.Range(position, position) }] };
    return item;
  },
  badge: (entries: readonly IncidentIndexEntry[]): vscode.ViewBadge | undefined => {
    const overdue = entries.reduce((sum, entry) => sum + entry.overdueItems, 0);
    return overdue ? { value: overdue, tooltip: plural(overdue, 'overdue action item') } : undefined;
  },
};
