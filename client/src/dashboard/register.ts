// The dashboard's commands.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { IndexStore } from '../incidents/indexStore';
import { DashboardPanel } from './dashboardPanel';
import { exportDashboardHtml } from './exportDashboard';

export function registerDashboard(context: vscode.ExtensionContext, client: LanguageClient, store: IndexStore, output: vscode.LogOutputChannel): void {
  const dashboard = new DashboardPanel(context, client, store, output);
  context.subscriptions.push(
    dashboard,
    vscode.commands.registerCommand('postmortem.openDashboard', () => dashboard.open()),
    vscode.commands.registerCommand('postmortem.exportDashboardHtml', () => exportDashboardHtml(context, client, store)),
  );
}
