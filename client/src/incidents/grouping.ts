// What the Incidents and Action Items views show, as plain data: the order, the groups, the labels
// and the tooltips. Pure (no vscode): the tree providers only turn these into TreeItems.
import type { IncidentIndexEntry, LifecycleMoment, MetricName, IndexActionItem } from '../../../server/src/protocol';
import { byNaturalText, newestFirst } from '../../../server/src/shared/newestFirst';
import { describePoint, formatMinutes, monthName } from './format';
import { plural } from '../../../server/src/shared/plural';

export type IncidentGrouping = 'month' | 'severity';
export type ItemGrouping = 'owner' | 'status';

export interface Group<T> {
  /** Stable across refreshes: the tree keeps a group's expanded state by it. */
  key: string;
  label: string;
  members: T[];
}

/** Newest first, the index's one order (shared/newestFirst.ts). */
export function sortNewestFirst(entries: readonly IncidentIndexEntry[]): IncidentIndexEntry[] {
  return [...entries].sort(newestFirst);
}

/** Groups in first-seen order of `keyOf` over `members` (which are already in their order). */
function collect<T>(members: readonly T[], keyOf: (member: T) => { key: string; label: string }): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const member of members) {
    const { key, label } = keyOf(member);
    const group = groups.get(key) ?? { key, label, members: [] };
    group.members.push(member);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const NO_DATE = { key: 'month:none', label: 'No date' };
const NO_SEVERITY = { key: 'severity:none', label: 'No severity' };

/** Newest month first (undated last), or by severity as written, most severe name first ("SEV1" < "SEV2"). */
export function groupIncidents(entries: readonly IncidentIndexEntry[], by: IncidentGrouping): Group<IncidentIndexEntry>[] {
  const sorted = sortNewestFirst(entries);
  if (by === 'month') {
    const groups = collect(sorted, (entry) => {
      const month = (entry.date ?? entry.start)?.slice(0, 7);
      return month && /^\d{4}-\d{2}$/.test(month) ? { key: `month:${month}`, label: monthName(month) } : NO_DATE;
    });
    return [...groups.filter((g) => g.key !== NO_DATE.key), ...groups.filter((g) => g.key === NO_DATE.key)];
  }
  const groups = collect(sorted, (entry) => {
    const severity = entry.severity?.trim();
    return severity ? { key: `severity:${severity.toLowerCase()}`, label: severity } : NO_SEVERITY;
  });
  return groups.sort((a, b) => Number(a.key === NO_SEVERITY.key) - Number(b.key === NO_SEVERITY.key) || byNaturalText(a.label, b.label));
}

/** "2h 5m · 2024-03-14", what the Incidents view writes beside a title. */
export function incidentDescription(entry: IncidentIndexEntry): string {
  const duration = entry.durationMinutes === null ? 'no duration' : formatMinutes(entry.durationMinutes);
  return entry.date ? `${duration} · ${entry.date}` : duration;
}

/** The title, else the file's name. */
export function incidentLabel(entry: IncidentIndexEntry): string {
  return entry.title?.trim() || entry.path.split('/').pop() || entry.path;
}

/** 'error' or 'warning' when the document has such problems (the badge), else null. */
export function problemLevel(entry: IncidentIndexEntry): 'error' | 'warning' | null {
  if (entry.problems.errors > 0) return 'error';
  return entry.problems.warnings > 0 ? 'warning' : null;
}

export const METRIC_LABELS: Readonly<Record<MetricName, string>> = {
  timeToDetect: 'Time to detect',
  timeToAcknowledge: 'Time to acknowledge',
  timeToMitigate: 'Time to mitigate',
  timeToResolve: 'Time to resolve',
};

/** The tooltip's lines: every figure with the two moments it measures between and where each was read. */
export function incidentTooltip(entry: IncidentIndexEntry): string[] {
  const lines = [incidentLabel(entry), entry.path];
  const facts = [entry.date && `Date ${entry.date}`, entry.severity && `Severity ${entry.severity}`, entry.status && `Status ${entry.status}`].filter(Boolean);
  if (facts.length) lines.push(facts.join(' · '));
  if (entry.durationMinutes !== null) {
    const window = entry.start && entry.end ? `${entry.start} – ${entry.end}` : null;
    const from = entry.durationFrom === 'stated' ? (window ? `, as stated; the timeline runs ${window} from a lead-up` : ', as stated') : window ? ` (${window})` : '';
    lines.push(`Duration ${formatMinutes(entry.durationMinutes)}${from}`);
  }
  for (const name of Object.keys(METRIC_LABELS) as MetricName[]) {
    const figure = entry.metrics[name];
    if (!figure) continue;
    const moment = (key: LifecycleMoment) => {
      const point = entry.lifecycle.find((candidate) => candidate.moment === key);
      return point ? describePoint(point) : key;
    };
    const early = figure.early === undefined ? '' : ` (${figure.to} ${formatMinutes(figure.early)} before the start)`;
    lines.push(`${METRIC_LABELS[name]} ${formatMinutes(figure.minutes)}${early}: from ${moment(figure.from)} to ${moment(figure.to)}`);
  }
  if (entry.actionItems.length) lines.push(`Action items: ${entry.openItems} open, ${entry.overdueItems} overdue, ${entry.actionItems.length} in all`);
  const { errors, warnings, information } = entry.problems;
  lines.push(errors + warnings + information ? `Problems: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${information} information` : 'No problems');
  return lines;
}

export interface ItemRow {
  item: IndexActionItem;
  entry: IncidentIndexEntry;
}

export type ItemState = 'overdue' | 'open' | 'done';

export function itemState(item: IndexActionItem): ItemState {
  if (item.done) return 'done';
  return item.overdue ? 'overdue' : 'open';
}

const STATE_ORDER: Readonly<Record<ItemState, number>> = { overdue: 0, open: 1, done: 2 };
const STATE_LABELS: Readonly<Record<ItemState, string>> = { overdue: 'Overdue', open: 'Open', done: 'Done' };

/** Overdue first, then open, then done; earliest due date first (none last); then by incident and line. */
export function sortItems(rows: readonly ItemRow[]): ItemRow[] {
  return [...rows].sort((a, b) =>
    STATE_ORDER[itemState(a.item)] - STATE_ORDER[itemState(b.item)]
    || (a.item.due ?? '\uffff').localeCompare(b.item.due ?? '\uffff')
    || byNaturalText(a.entry.path, b.entry.path)
    || a.item.line - b.item.line);
}

const NO_OWNER = { key: 'owner:none', label: 'No owner' };

/** By owner (most overdue first, then most open; no owner last) or by state (overdue, open, done). */
export function groupActionItems(entries: readonly IncidentIndexEntry[], by: ItemGrouping): Group<ItemRow>[] {
  const rows = sortItems(entries.flatMap((entry) => entry.actionItems.map((item) => ({ item, entry }))));
  if (by === 'status') {
    const groups = collect(rows, ({ item }) => ({ key: `status:${itemState(item)}`, label: STATE_LABELS[itemState(item)] }));
    return groups.sort((a, b) => STATE_ORDER[itemState(a.members[0].item)] - STATE_ORDER[itemState(b.members[0].item)]);
  }
  const groups = collect(rows, ({ item }) => {
    const owner = item.owner?.trim();
    return owner ? { key: `owner:${owner.toLowerCase()}`, label: owner } : NO_OWNER;
  });
  const count = (group: Group<ItemRow>, state: ItemState) => group.members.filter(({ item }) => itemState(item) === state).length;
  return groups.sort((a, b) =>
    Number(a.key === NO_OWNER.key) - Number(b.key === NO_OWNER.key)
    || count(b, 'overdue') - count(a, 'overdue')
    || count(b, 'open') - count(a, 'open')
    || byNaturalText(a.label, b.label));
}

/** "2 overdue, 3 open": a group's description. */
export function itemGroupDescription(group: Group<ItemRow>): string {
  const overdue = group.members.filter(({ item }) => itemState(item) === 'overdue').length;
  const open = group.members.filter(({ item }) => itemState(item) === 'open').length;
  return [overdue && `${overdue} overdue`, open && `${open} open`, !overdue && !open && `${group.members.length} done`].filter(Boolean).join(', ');
}

/** "due 2024-04-01 · owner · incident title": beside an item's text. */
export function itemDescription(row: ItemRow, by: ItemGrouping): string {
  const { item } = row;
  const parts = [
    item.overdue && !item.done ? `overdue since ${item.due}` : item.due && `due ${item.due}`,
    by === 'status' && item.owner,
    item.status && by === 'owner' && item.status,
    incidentLabel(row.entry),
  ];
  return parts.filter(Boolean).join(' · ');
}
