// The extension: starts the language server for Markdown documents. The server decides which of
// them are postmortems; the client never parses Markdown itself.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { ActiveDocument } from './activeDocument';
import { registerCommands } from './commands';
import { registerPreview } from './preview/register';
import { registerIncidentViews } from './incidents/register';
import { registerDashboard } from './dashboard/register';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Postmortem', { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);
  await client.start();
  const active = new ActiveDocument(client);
  context.subscriptions.push(active);
  registerCommands(context, client);
  registerPreview(context, client, active, output);
  const index = registerIncidentViews(context, client, output);
  registerDashboard(context, client, index, output);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
