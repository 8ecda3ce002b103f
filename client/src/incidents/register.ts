// The Postmortems container: the index store, the Incidents and Action Items views, and their
// title-bar commands. Returns the store for the dashboard, which shows the same index.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { actionItemsKind } from './actionItemsView';
import { GroupedView } from './groupedView';
import { incidentsKind, OPEN_INCIDENT } from './incidentsView';
import { IndexStore } from './indexStore';
import { openAt } from './open';

export function registerIncidentViews(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): IndexStore {
  const store = new IndexStore(client, output);
  const incidents = new GroupedView(incidentsKind, store, context.workspaceState);
  const items = new GroupedView(actionItemsKind, store, context.workspaceState);
  context.subscriptions.push(
    store,
    incidents,
    items,
    vscode.commands.registerCommand(OPEN_INCIDENT, (uri: string, title: string | null) => openAt(client, uri, { title })),
    vscode.commands.registerCommand('postmortem.incidentsGroupByMonth', () => incidents.groupBy('month')),
    vscode.commands.registerCommand('postmortem.incidentsGroupBySeverity', () => incidents.groupBy('severity')),
    vscode.commands.registerCommand('postmortem.actionItemsGroupByOwner', () => items.groupBy('owner')),
    vscode.commands.registerCommand('postmortem.actionItemsGroupByStatus', () => items.groupBy('status')),
    vscode.commands.registerCommand('postmortem.refreshIndex', () => store.refresh()),
  );
  return store;
}
