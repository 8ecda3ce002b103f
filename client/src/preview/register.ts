// The preview's commands and the status bar, wired to the active postmortem.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ActiveDocument } from '../activeDocument';
import { DurationStatusBar } from '../statusBar';
import { exportPreviewHtml } from './exportHtml';
import { PreviewPanel } from './previewPanel';

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient, active: ActiveDocument, output: vscode.LogOutputChannel): void {
  const preview = new PreviewPanel(context, client, active, output);
  const target = (uri?: unknown) => {
    // From the editor title or context menu the command gets the document's URI.
    const fromMenu = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
    return fromMenu ?? active.value?.document ?? preview.visibleDocument ?? vscode.window.activeTextEditor?.document;
  };
  context.subscriptions.push(
    preview,
    new DurationStatusBar(active),
    vscode.commands.registerCommand('postmortem.openPreviewToSide', (uri?: unknown) => preview.open(target(uri))),
    vscode.commands.registerCommand('postmortem.exportPreviewHtml', (uri?: unknown) => exportPreviewHtml(context, client, target(uri))),
  );
}
