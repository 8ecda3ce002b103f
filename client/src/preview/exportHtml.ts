// "Postmortem: Export Preview to HTML": the preview as one self-contained file: the stylesheet
// inlined (allowed by the page's nonce), no script, the same policy and the same sanitized content.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderBody } from './incidentView';
import { buildPage, newNonce } from './page';
import { documentFolder, requestRender } from './previewPanel';

export async function exportPreviewHtml(context: vscode.ExtensionContext, client: LanguageClient, document: vscode.TextDocument | undefined): Promise<void> {
  if (!document) {
    void vscode.window.showInformationMessage('Open a postmortem to export its preview.');
    return;
  }
  // Null once can mean that a newer render of the document (the preview's, while typing) replaced this one.
  const result = (await requestRender(client, document)) ?? (await requestRender(client, document));
  if (!result) {
    void vscode.window.showErrorMessage('The postmortem could not be rendered; see the Postmortem output.');
    return;
  }
  const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'preview.css')));
  const folder = documentFolder(document);
  const html = buildPage({
    source: document.uri.toString(),
    title: result.card.title ?? 'Postmortem',
    body: renderBody(result),
    nonce: newNonce(),
    inlineStyle: css,
    // Relative images resolve against the document's folder, wherever the file is saved.
    documentFolder: folder ? `${folder.toString()}/` : undefined,
  });
  const defaultUri = document.uri.scheme === 'file' ? document.uri.with({ path: document.uri.path.replace(/\.(?:md|markdown)$/i, '') + '.html' }) : undefined;
  const target = await vscode.window.showSaveDialog({ defaultUri, filters: { HTML: ['html'] }, saveLabel: 'Export' });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  const choice = await vscode.window.showInformationMessage(`Exported the preview to ${vscode.workspace.asRelativePath(target)}.`, 'Open in Browser');
  if (choice) await vscode.env.openExternal(target);
}
