// The incident index's side of the connection: the workspace folders and storage path from initialize,
// a watcher for Markdown files (dynamic registration), the editor's files.exclude, and a debounced
// postmortem/indexChanged notification.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type FileEvent, type InitializeParams } from 'vscode-languageserver/node';
import { INDEX_CHANGED_NOTIFICATION, type ServerInitializationOptions } from '../protocol';
import type { DocumentService } from '../service/documentService';
import { IncidentIndex } from '../service/incidentIndex';

/** Changes in a burst (a branch checkout, a save-all, the scan) make one notification per this many ms. */
const CHANGED_DELAY_MS = 150;
const MARKDOWN_GLOB = '**/*.{md,markdown}';
/** The scan processes' script, bundled beside the server (absent when run from source: scans stay on this thread). */
const INDEX_WORKER = join(__dirname, 'indexWorker.js');
/**
 * The version of the code that reads postmortems: a hash of the scan processes' bundle (built with the
 * server's, from the same reader), else of this file. An update that reads documents differently makes
 * the persisted index read every file again.
 */
function readerVersion(): string {
  try {
    return createHash('sha256').update(readFileSync(existsSync(INDEX_WORKER) ? INDEX_WORKER : __filename)).digest('hex');
  } catch {
    return '';
  }
}

/** Typing in an open postmortem re-reads it once the typing pauses. */
const EDIT_DELAY_MS = 300;

/** `files.exclude`'s globs that are on (`{ "**∕.git": true }`); anything else gives none. */
function enabledGlobs(setting: unknown): string[] {
  if (setting === null || typeof setting !== 'object' || Array.isArray(setting)) return [];
  return Object.entries(setting).filter(([, on]) => on === true).map(([glob]) => glob);
}

export function storagePathOf(initializationOptions: unknown): string | null {
  if (initializationOptions === null || typeof initializationOptions !== 'object') return null;
  const path = (initializationOptions as ServerInitializationOptions).indexStoragePath;
  return typeof path === 'string' && path !== '' ? path : null;
}

export class IncidentIndexWatcher {
  readonly index: IncidentIndex;
  private folders: string[] = [];
  private canAskClient = false;
  private canRegisterWatcher = false;
  private changedTimer: ReturnType<typeof setTimeout> | null = null;
  private changedPending = false;
  private readonly editTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly connection: Connection, service: DocumentService, clock: () => Date, storagePath: () => string | null) {
    this.index = new IncidentIndex({
      logger: connection.console,
      clock,
      folderSettings: async (folderUri) => (await service.settings(folderUri)).settings,
      openDocument: (uri) => service.openModel(uri),
      editorExcludes: async (folderUri) => (this.canAskClient ? enabledGlobs(await connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files.exclude' })) : []),
      changed: () => this.scheduleChanged(),
      scanProcesses: existsSync(INDEX_WORKER) ? { workerPath: INDEX_WORKER, count: availableParallelism() } : null,
      readerVersion: readerVersion(),
      get storagePath() {
        return storagePath();
      },
    });
  }

  initialize(params: InitializeParams): void {
    this.canAskClient = Boolean(params.capabilities.workspace?.configuration);
    this.canRegisterWatcher = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    this.folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  }

  /** After `initialized`: watch Markdown files and start the first scan (not awaited: requests go on). */
  start(): void {
    if (this.canRegisterWatcher) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: MARKDOWN_GLOB }] })
        .catch((error: unknown) => this.connection.console.warn(`postmortem: could not watch Markdown files: ${String(error)}`));
    }
    void this.rescan();
  }

  /** Settings changed: every file is read again with the new ones. */
  rescan(): Promise<void> {
    return this.index.start(this.folders).catch((error: unknown) => this.connection.console.error(`postmortem: the incident index failed: ${String(error)}`));
  }

  /** Markdown files created, changed or deleted on disk (renames arrive as a deletion and a creation). */
  async filesChanged(events: readonly FileEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type === FileChangeType.Deleted) this.index.removed(event.uri);
      else await this.index.refresh(event.uri);
    }
  }

  opened(uri: string): void {
    this.index.setOpen(uri, true);
    void this.index.refresh(uri);
  }

  /** Edited in the editor. */
  edited(uri: string): void {
    clearTimeout(this.editTimers.get(uri));
    this.editTimers.set(uri, setTimeout(() => {
      this.editTimers.delete(uri);
      void this.index.refresh(uri);
    }, EDIT_DELAY_MS));
  }

  /** Closed: what is on disk counts again. */
  closed(uri: string): void {
    clearTimeout(this.editTimers.get(uri));
    this.editTimers.delete(uri);
    this.index.setOpen(uri, false);
    void this.index.refresh(uri);
  }

  /** The first change is told at once; more within CHANGED_DELAY_MS make one notification at its end. */
  private scheduleChanged(): void {
    if (this.changedTimer) {
      this.changedPending = true;
      return;
    }
    void this.connection.sendNotification(INDEX_CHANGED_NOTIFICATION);
    this.changedTimer = setTimeout(() => {
      this.changedTimer = null;
      if (!this.changedPending) return;
      this.changedPending = false;
      this.scheduleChanged();
    }, CHANGED_DELAY_MS);
  }
}
