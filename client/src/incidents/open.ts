// Opening what the views and the dashboard point at: a postmortem at its title, an action item at its line.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { titleLine } from './titleLine';

/** Opens `uri` (as the server names it) with the cursor at the start of `line`, or of the title's line. */
export async function openAt(client: LanguageClient, uri: string, at: { line: number } | { title: string | null }): Promise<void> {
  const document = await vscode.workspace.openTextDocument(client.protocol2CodeConverter.asUri(uri));
  const wanted = 'line' in at ? at.line : titleLine(document.getText().split(/\r\n|\r|\n/), at.title);
  const position = new vscode.Position(Math.min(Math.max(wanted, 0), document.lineCount - 1), 0);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: false });
}
