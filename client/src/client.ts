// LanguageClient options: which documents, how the server starts, what it watches.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ServerInitializationOptions } from '../../server/src/protocol';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/shared/serverLaunch';

/** The workspace's storage folder, created, for the server's persisted index; none without a workspace. */
function indexStoragePath(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): string | undefined {
  const folder = context.storageUri?.fsPath;
  if (!folder) return undefined;
  try {
    fs.mkdirSync(folder, { recursive: true });
    return folder;
  } catch (error) {
    // Without the folder the index still works, in memory only.
    output.warn(`postmortem: cannot create ${folder} for the incident index: ${String(error)}`);
    return undefined;
  }
}

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env: { ...SERVER_ENV } } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6010'], env: { ...SERVER_ENV } } },
  };
  const initializationOptions: ServerInitializationOptions = { indexStoragePath: indexStoragePath(context, output) };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: 'postmortem',
      // Markdown files are watched for the incident index by the server itself (a dynamic
      // registration, which every client that supports it honours): watched here too, every change
      // would arrive twice.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.postmortem.{json,jsonc}'),
    },
    initializationOptions,
    outputChannel: output,
  };
  return new LanguageClient('postmortem', 'Postmortem', serverOptions, clientOptions);
}
