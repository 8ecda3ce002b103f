// "Postmortem: Export Incident Dashboard to HTML": the dashboard as one self-contained file, its
// stylesheets inlined with the page's nonce, no script (the charts are SVG and need none).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { IndexStore } from '../incidents/indexStore';
import { buildPage, newNonce } from '../preview/page';
import { DASHBOARD_STYLESHEETS, renderDashboardBody } from './dashboardView';
import { requestFigures, takenAt } from './figures';
import { DASHBOARD_SOURCE } from './messages';

export async function exportDashboardHtml(context: vscode.ExtensionContext, client: LanguageClient, store: IndexStore): Promise<void> {
  const { stats, scanning } = await requestFigures(client, store);
  const sheets = await Promise.all(DASHBOARD_STYLESHEETS.map((name) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', name))));
  const css = sheets.map((sheet) => new TextDecoder().decode(sheet)).join('\n');
  const html = buildPage({
    source: DASHBOARD_SOURCE,
    title: 'Incident dashboard',
    body: renderDashboardBody(stats, { scanning, interactive: false, takenAt: takenAt() }),
    nonce: newNonce(),
    inlineStyle: css,
  });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'incident-dashboard.html') : undefined,
    filters: { HTML: ['html'] },
    saveLabel: 'Export',
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  const choice = await vscode.window.showInformationMessage(`Exported the dashboard to ${vscode.workspace.asRelativePath(target)}.`, 'Open in Browser');
  if (choice) await vscode.env.openExternal(target);
}
