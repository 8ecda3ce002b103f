// postmortem-lint --actions [--overdue]: the open (or overdue) action items across files, grouped by
// owner, for a scheduled CI job. Exit status 1 when any item is overdue, 2 when a file could not be read.
import type { WireActionItem } from '../protocol';
import type { ReportFormat } from './args';
import { plural } from '../shared/plural';
import { collectReports, type Outcome } from './report';
import type { Target } from './targets';

export interface OwnedItem extends WireActionItem {
  file: string;
}

export interface OwnerGroup {
  /** null: items that name no owner. */
  owner: string | null;
  items: OwnedItem[];
}

/** The items `mode` lists, grouped by owner (owners in alphabetical order, case aside; no owner last). */
export function groupByOwner(items: OwnedItem[], mode: 'open' | 'overdue'): OwnerGroup[] {
  const listed = items.filter((item) => !item.done && (mode === 'open' || item.overdue));
  const groups = new Map<string, OwnerGroup>();
  for (const item of listed) {
    const key = item.owner?.replace(/^@/, '').toLowerCase() ?? '';
    const group = groups.get(key) ?? { owner: item.owner?.replace(/^@/, '') ?? null, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b))).map(([, group]) => group);
}

function itemLine(item: OwnedItem): string {
  const due = item.due ? ` due ${item.due}${item.overdue ? ' OVERDUE' : ''}` : '';
  const ticket = item.ticket ? ` [${item.ticket}]` : '';
  return `  ${item.file}:${item.line + 1}${due}${ticket} ${item.text}`;
}

export function printActions(targets: Target[], outcomes: Outcome[], format: ReportFormat, mode: 'open' | 'overdue'): number {
  const { reports, unreadable } = collectReports(targets, outcomes);
  const items = reports.flatMap((report) => (report.actionItems ?? []).map((item) => ({ ...item, file: report.file })));
  const groups = groupByOwner(items, mode);
  const overdue = items.filter((item) => item.overdue).length;
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(groups, null, 2)}\n`);
  } else {
    for (const group of groups) {
      process.stdout.write(`${group.owner ?? '(no owner)'}\n`);
      for (const item of group.items) process.stdout.write(`${itemLine(item)}\n`);
    }
    const listed = groups.reduce((n, group) => n + group.items.length, 0);
    process.stderr.write(`${plural(reports.length, 'postmortem')} checked: ${plural(listed, mode === 'open' ? 'open action item' : 'overdue action item')}, ${overdue} overdue\n`);
  }
  if (unreadable) return 2;
  return overdue > 0 ? 1 : 0;
}
