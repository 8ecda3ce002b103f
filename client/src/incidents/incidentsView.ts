// The Incidents view: every postmortem of the workspace, newest first, by month or by severity;
// each with its duration and date, a problem icon, and a tooltip with the figures and their sources.
import * as vscode from 'vscode';
import type { IncidentIndexEntry } from '../../../server/src/protocol';
import { groupIncidents, incidentDescription, incidentLabel, incidentTooltip, problemLevel, type IncidentGrouping } from './grouping';

export const OPEN_INCIDENT = 'postmortem.openIncident';

const ICONS = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  none: new vscode.ThemeIcon('flame'),
};

function tooltip(entry: IncidentIndexEntry): vscode.MarkdownString {
  const [title, ...rest] = incidentTooltip(entry);
  const markdown = new vscode.MarkdownString();
  markdown.appendMarkdown('**').appendText(title).appendMarkdown('**');
  for (const line of rest) markdown.appendMarkdown('\n\n').appendText(line);
  return markdown;
}

export const incidentsKind = {
  viewId: 'postmortem.incidents',
  groupingKey: 'postmortem.incidentsGroupBy',
  defaultGrouping: 'month' as IncidentGrouping,
  isGrouping: (value: unknown): value is IncidentGrouping => value === 'month' || value === 'severity',
  group: groupIncidents,
  groupItem: (group: { label: string; members: IncidentIndexEntry[] }) => {
    const item = new vscode.TreeItem(group.label);
    item.description = `${group.members.length}`;
    return item;
  },
  memberItem: (entry: IncidentIndexEntry, by: IncidentGrouping) => {
    const item = new vscode.TreeItem(incidentLabel(entry), vscode.TreeItemCollapsibleState.None);
    item.id = `${by}/${entry.uri}`;
    item.description = incidentDescription(entry);
    item.tooltip = tooltip(entry);
    item.iconPath = ICONS[problemLevel(entry) ?? 'none'];
    item.contextValue = 'incident';
    item.command = { command: OPEN_INCIDENT, title: 'Open Incident', arguments: [entry.uri, entry.title] };
    return item;
  },
};
