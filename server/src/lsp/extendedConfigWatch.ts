// The files a workspace's .postmortem.json(c) `extends` (a shared config beside it, a package's file),
// watched like the config files themselves: an edit to one re-checks the open documents. The client
// watches them for us through workspace/didChangeWatchedFiles, registered dynamically with the paths
// the config loader resolved, and registered again whenever that list changes; any LSP client with
// dynamic registration of file watchers does this, not only VS Code. Their events arrive with the
// config files' own (server.ts: settingsChanged).
import { basename, dirname, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, type ClientCapabilities, type Connection, type Disposable, type FileSystemWatcher } from 'vscode-languageserver/node';

/** What this module needs of the document service. */
interface ExtendedConfigFiles {
  onExtendedConfigFiles(listener: (files: string[]) => void): void;
}

/** A glob that matches only `text`: the characters globs give a meaning to, each in a class of its own. */
function literalGlob(text: string): string {
  return text.replace(/[*?[{]/g, (special) => `[${special}]`);
}

function watcherFor(file: string, relativePatterns: boolean): FileSystemWatcher {
  if (relativePatterns) return { globPattern: { baseUri: pathToFileURL(dirname(file)).href, pattern: literalGlob(basename(file)) } };
  return { globPattern: literalGlob(file.split(sep).join('/')) };
}

/**
 * Keeps one registration of watchers on the extended files. Called from onInitialize; the files are
 * known once the config files are read (at `initialized` and after), so nothing is sent before the
 * initialize result.
 */
export function watchExtendedConfigFiles(connection: Connection, service: ExtendedConfigFiles, capabilities: ClientCapabilities): void {
  const support = capabilities.workspace?.didChangeWatchedFiles;
  if (support?.dynamicRegistration !== true) return;
  const relativePatterns = support.relativePatternSupport === true;
  // Registrations run one after another: each replaces the one before.
  let current: Promise<Disposable | null> = Promise.resolve(null);
  service.onExtendedConfigFiles((files) => {
    current = current.then(async (previous) => {
      previous?.dispose();
      if (files.length === 0) return null;
      return connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: files.map((file) => watcherFor(file, relativePatterns)) });
    }).catch((error: unknown) => {
      connection.console.error(`postmortem: could not watch the files the config extends: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
  });
}
