// The incident index: every postmortem in the workspace folders, found with the same rules as a single
// document (globs, title, content, .postmortem.json), read from disk (or from the editor, for open
// documents), kept current file by file, and persisted so that a reopened workspace answers at once.
// The first scan yields between files: a request during it is answered with what is read so far.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import type { Settings } from '../core/config';
import type { PostmortemModel } from '../core/model';
import { indexDetails, indexedPostmortem, indexRow, type IndexedPostmortem } from '../features/indexEntry';
import type { IncidentIndexEntry, IncidentStats, IndexDelta, IndexDetailsResult, IndexParams, IndexResult } from '../protocol';
import { newestFirst } from '../shared/newestFirst';
import type { Logger } from './documentService';
import { incidentStats } from './incidentStats';
import { heldApart, indexText } from './indexText';
import { loadDetails, loadIndexStore, loadTimelines, saveIndexStore, type StoredFile, type StoredIndex } from './indexStore';
import { IndexVersions } from './indexVersions';
import { ScanProcesses } from './scanProcesses';
import { pathOf } from './settings';
import { DEFAULT_INDEX_EXCLUDE, exclusionMatcher, isMarkdownPath, markdownFiles, relativePath } from './workspaceFiles';

export interface IncidentIndexHost {
  logger: Logger;
  clock: () => Date;
  /** The settings files on disk are read with: their workspace folder's. */
  folderSettings(folderUri: string): Promise<Settings>;
  /** An open document's model and settings (the editor's text); null when it is not open. */
  openDocument(uri: string): Promise<{ model: PostmortemModel; settings: Settings } | null>;
  /** The editor's own exclusions for a folder (`files.exclude`); none when it cannot be asked. */
  editorExcludes?(folderUri: string): Promise<string[]>;
  /** The index changed (the host debounces what it tells clients). */
  changed(): void;
  /** A folder to persist the index in; none: in memory only. */
  storagePath?: string | null;
  /** Processes for large scans (dist/indexWorker.js), `count` of them; none: scans run on this thread. */
  scanProcesses?: { workerPath: string; count: number } | null;
  /**
   * What reads the files (a hash of the running code): files stored by another version of the reader
   * (an update that reads titles or times better) are shown at once, then read again.
   */
  readerVersion?: string;
}

interface Folder {
  uri: string;
  path: string;
  excluded: (relativePath: string) => boolean;
  settings: Settings;
  settingsHash: string;
}

/** Folders with fewer Markdown files than this are scanned on this thread. */
const PROCESSES_MIN_FILES = 64;
/** During a scan, a change is told at most this often. */
const SCAN_NOTICE_MS = 1000;
/**
 * ... and, in a long scan, no more often than this share of the time it has run: every notice costs
 * the clients a round trip while the scan needs the cores (a 20 s scan tells about 10 times, not 20).
 */
const SCAN_NOTICE_SHARE = 0.25;
/** The time between the last change and the write of the persisted index. */
const SAVE_DELAY_MS = 1000;

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const hashOf = (settings: Settings, readerVersion: string) => createHash('sha256').update(readerVersion).update('\0').update(JSON.stringify(settings)).digest('hex');

/**
 * The answer to `postmortem/index` or `postmortem/indexDetails` when it failed or was cancelled: nothing
 * changed since the client's `since` (it keeps its copy and asks from there again), or without one an
 * empty index, as before.
 */
export function unansweredIndex<T>(params?: IndexParams | null): IndexDelta<T> {
  const since = typeof params?.since === 'string' ? params.since : null;
  return { entries: [], removed: [], complete: since === null, version: since ?? '', scanning: false };
}

export class IncidentIndex {
  private folders: Folder[] = [];
  /** Set only through `put` and emptied only through `drop`: they keep `versions` true. */
  private readonly files = new Map<string, StoredFile>();
  /** What changed when, so that a client with an earlier answer gets only what changed since. */
  private readonly versions = new IndexVersions();
  /** A counter per file: a read finished after a newer one started is dropped. */
  private readonly reads = new Map<string, number>();
  private scanning = false;
  private scanRun = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private loading: Promise<void> = Promise.resolve();
  private loadingDetails: Promise<void> = Promise.resolve();
  private loadingTimelines: Promise<void> = Promise.resolve();
  /** Something changed since the store was written or read: a reopened workspace that found nothing new writes nothing. */
  private unsaved = false;
  /** Files read on their own while a scan ran (created after it listed the folder, maybe). */
  private readonly refreshedDuringScan = new Set<string>();
  /** Documents open in the editor: indexed from its text, kept while open even when not on disk. */
  private readonly openUris = new Set<string>();

  constructor(private readonly host: IncidentIndexHost) {}

  /** True while a scan runs: entries are those read so far. */
  get isScanning(): boolean {
    return this.scanning;
  }

  /**
   * Sets the workspace folders and scans them: first what was persisted (answered at once), then every
   * file whose mtime or size changed, new files and deleted ones. Resolves when the scan is done.
   */
  async start(folderUris: string[]): Promise<void> {
    const run = ++this.scanRun;
    this.scanning = true;
    let storeLoaded!: () => void;
    this.loading = new Promise<void>((resolve) => (storeLoaded = resolve));
    let detailsLoaded!: () => void;
    this.loadingDetails = new Promise<void>((resolve) => (detailsLoaded = resolve));
    let timelinesLoaded!: () => void;
    this.loadingTimelines = new Promise<void>((resolve) => (timelinesLoaded = resolve));
    try {
      // The store is read while the folders' settings are asked for (a round trip to the client).
      const reading = this.readStore();
      const before = new Map(this.folders.map((folder) => [folder.uri, folder.settingsHash]));
      const folders = await Promise.all(folderUris.flatMap((uri) => {
        const path = pathOf(uri);
        return path ? [this.folder(uri, path)] : [];
      }));
      if (run !== this.scanRun) return;
      this.folders = folders;
      // Files read with other settings are read again (a rescan reads only what changed otherwise).
      let reread = false;
      for (const [uri, file] of this.files) {
        const folder = this.folderOf(uri);
        if (!folder || !before.has(folder.uri) || before.get(folder.uri) === folder.settingsHash) continue;
        file.mtime = -1;
        reread = true;
      }
      // Every entry is about to change: a whole answer costs what a delta would, and is simpler.
      if (reread) this.versions.reset();
      const stored = await reading;
      const fromStore = this.useStore(stored);
      storeLoaded();
      this.host.changed();
      if (stored && fromStore.length) {
        await this.fillFromStore(stored, fromStore, loadDetails, ({ entry }, { lifecycle, actionItems }) => Object.assign(entry, { lifecycle, actionItems }));
      }
      detailsLoaded();
      if (stored && fromStore.length) await this.fillFromStore(stored, fromStore, loadTimelines, (indexed, timeline) => (indexed.timeline = timeline));
      timelinesLoaded();
      await this.scan(run);
    } finally {
      storeLoaded();
      detailsLoaded();
      timelinesLoaded();
      if (run === this.scanRun) {
        this.scanning = false;
        this.host.changed();
        this.scheduleSave();
      }
    }
  }

  /**
   * Resolves once what was persisted is in (at once when nothing is), so that the first request of a
   * reopened workspace gets every entry rather than an empty answer and a notification to ask again.
   */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  /**
   * Resolves once the persisted lifecycles and action items are in too (read after the entries):
   * `postmortem/indexDetails` and the figures (which count items by owner) wait for it.
   */
  whenDetailed(): Promise<void> {
    return this.loadingDetails;
  }

  /** Resolves once the persisted timelines are in too (read after the details): workspace/symbol waits for it. */
  whenSearchable(): Promise<void> {
    return this.loadingTimelines;
  }

  /** A file was created or changed (on disk, or in the editor): read it again. */
  async refresh(uri: string): Promise<void> {
    const folder = this.folderOf(uri);
    const path = pathOf(uri);
    if (!folder || !path || !isMarkdownPath(path) || folder.excluded(relativePath(folder.path, path))) return;
    if (this.scanning) this.refreshedDuringScan.add(uri);
    if (await this.read(folder, uri, path, true)) this.changedNow();
  }

  /** A file was deleted (or renamed away: its new name arrives as a creation). */
  removed(uri: string): void {
    this.reads.set(uri, (this.reads.get(uri) ?? 0) + 1);
    let changed = false;
    // A deleted folder arrives as one event: everything under it goes.
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    for (const key of [...this.files.keys()]) {
      if (key !== uri && !key.startsWith(prefix)) continue;
      changed = this.drop(key) || changed;
    }
    if (changed) this.changedNow();
  }

  /** The postmortems, newest first; only those of `folderUri` when given. */
  entries(folderUri?: string): IncidentIndexEntry[] {
    const inFolder = this.folderFilter(folderUri);
    const entries: IncidentIndexEntry[] = [];
    for (const [uri, file] of this.files) {
      if (file.indexed && inFolder(uri)) entries.push(file.indexed.entry);
    }
    return entries.sort(newestFirst);
  }

  /** `postmortem/index`: the entries without their details (see `delta`). */
  result(params?: IndexParams | null): IndexResult {
    return this.delta(params, indexRow);
  }

  /** `postmortem/indexDetails`: each entry's lifecycle and action items (see `delta`). */
  details(params?: IndexParams | null): IndexDetailsResult {
    return this.delta(params, indexDetails);
  }

  /**
   * The whole index, or with a `since` it can answer, only what changed after it, each entry as
   * `part` gives it. The params come off the wire: anything but strings is read as absent.
   */
  private delta<T>(params: IndexParams | null | undefined, part: (entry: IncidentIndexEntry) => T): IndexDelta<T> {
    const folderUri = typeof params?.folder === 'string' ? params.folder : undefined;
    const version = this.versions.current;
    const after = this.versions.after(params?.since);
    if (after === null) return { entries: this.entries(folderUri).map(part), removed: [], complete: true, version, scanning: this.scanning };
    const inFolder = this.folderFilter(folderUri);
    const entries: IncidentIndexEntry[] = [];
    const removed: string[] = [];
    for (const [uri, file] of this.files) {
      if (!this.versions.changedAfter(uri, after) || !inFolder(uri)) continue;
      if (file.indexed) entries.push(file.indexed.entry);
      else removed.push(uri);
    }
    for (const uri of this.versions.removedAfter(after)) if (inFolder(uri)) removed.push(uri);
    return { entries: entries.sort(newestFirst).map(part), removed, complete: false, version, scanning: this.scanning };
  }

  stats(folderUri?: string): IncidentStats {
    return incidentStats(this.entries(folderUri));
  }

  /** Every indexed postmortem with its timeline's words (workspace/symbol). */
  postmortems(): IndexedPostmortem[] {
    const found: IndexedPostmortem[] = [];
    for (const file of this.files.values()) if (file.indexed) found.push(file.indexed);
    return found;
  }

  /** Writes the persisted index now (the host calls it on shutdown). */
  async flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      this.saving = this.saving.then(() => this.save());
    }
    await this.saving;
  }

  private async folder(uri: string, path: string): Promise<Folder> {
    const settings = await this.host.folderSettings(uri);
    const editor = (await this.host.editorExcludes?.(uri).catch(() => [])) ?? [];
    return {
      uri: uri.replace(/\/$/, ''),
      path,
      excluded: exclusionMatcher([...DEFAULT_INDEX_EXCLUDE, ...settings.index.exclude, ...editor]),
      settings,
      settingsHash: hashOf(settings, this.host.readerVersion ?? ''),
    };
  }

  /** Which files a request for `folderUri` covers: all when absent, none for a folder not in the workspace. */
  private folderFilter(folderUri?: string): (uri: string) => boolean {
    if (folderUri === undefined) return () => true;
    const within = this.folders.find((folder) => folder.uri === folderUri.replace(/\/$/, ''));
    return (uri) => within !== undefined && this.folderOf(uri) === within;
  }

  /** Stores what was read of a file, and its version when what the index shows of it changed. */
  private put(uri: string, file: StoredFile): void {
    const listed = this.files.get(uri)?.indexed != null;
    this.files.set(uri, file);
    this.unsaved = true;
    if (listed || file.indexed) this.versions.changed(uri);
  }

  /** Forgets a file; true when it had an entry (then clients are told it left). */
  private drop(uri: string): boolean {
    const listed = this.files.get(uri)?.indexed != null;
    this.files.delete(uri);
    this.unsaved = true;
    this.versions.removed(uri, listed);
    return listed;
  }

  /** The innermost folder holding a file. */
  private folderOf(uri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders) {
      if (uri.startsWith(`${folder.uri}/`) && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    return best;
  }

  /** The persisted index, read only when nothing is held yet (the first start). */
  private async readStore(): Promise<StoredIndex | null> {
    const storage = this.host.storagePath;
    if (!storage || this.files.size > 0) return null;
    return loadIndexStore(storage, (message) => this.host.logger.warn(message));
  }

  /** Holds what was persisted (unless something is held already); the files it set. */
  private useStore(stored: StoredIndex | null): StoredFile[] {
    const used: StoredFile[] = [];
    if (!stored || this.files.size > 0) return used;
    // Another day changes which items are overdue: show what was stored, but read everything again.
    const sameDay = stored.day === dayOf(this.host.clock());
    for (const file of stored.files) {
      const folder = this.folderOf(file.uri);
      if (!folder) continue;
      const current = sameDay && stored.settings[folder.uri] === folder.settingsHash;
      const held = current ? file : { ...file, mtime: -1 };
      this.put(file.uri, held);
      used.push(held);
    }
    // The store replaced an empty index: any version given out before it is answered whole.
    this.versions.reset();
    // What was just read is what is on disk (files to read again are written once they have been).
    this.unsaved = false;
    return used;
  }

  /**
   * What `load` reads of the store (the details, then the timelines) into the files the store gave, by
   * `fill`; a file it has nothing for is read again.
   */
  private async fillFromStore<T>(
    stored: StoredIndex,
    fromStore: readonly StoredFile[],
    load: (folder: string, store: StoredIndex, warn: (message: string) => void) => Promise<Map<string, T> | null>,
    fill: (indexed: IndexedPostmortem, value: T) => void,
  ): Promise<void> {
    const storage = this.host.storagePath;
    const found = storage ? await load(storage, stored, (message) => this.host.logger.warn(message)) : null;
    for (const file of fromStore) {
      // Read again since (an edit while the store's file loaded): what was read is newer.
      if (this.files.get(file.uri) !== file || !file.indexed) continue;
      const value = found?.get(file.uri);
      if (value === undefined) file.mtime = -1;
      else fill(file.indexed, value);
    }
  }

  private async scan(run: number): Promise<void> {
    const seen = new Set<string>();
    for (const folder of this.folders) {
      let paths: string[];
      try {
        paths = await markdownFiles(folder.path, folder.excluded);
      } catch (error) {
        this.host.logger.warn(`postmortem: could not list ${folder.path}: ${String(error)}`);
        continue;
      }
      const options = this.host.scanProcesses;
      // A process's start costs more than a few files: small folders are read here.
      const processes = options && paths.length >= PROCESSES_MIN_FILES ? new ScanProcesses(options.workerPath, options.count, folder.settings, (message) => this.host.logger.warn(message)) : null;
      // Files handed to the scan processes and not yet back; the loop waits for one when they are full.
      let reading = 0;
      let slotFree: (() => void) | null = null;
      const settle = () => {
        reading--;
        slotFree?.();
        slotFree = null;
      };
      const aSlotFrees = () => new Promise<void>((resolve) => (slotFree = resolve));
      let changedSinceNotice = false;
      const scanStart = performance.now();
      let lastNotice = scanStart;
      try {
        for (const path of paths) {
          if (run !== this.scanRun) return;
          const uri = pathToFileURL(path).href;
          seen.add(uri);
          const read = this.read(folder, uri, path, false, processes).then((changed) => {
            if (changed) changedSinceNotice = true;
          });
          if (processes) {
            reading++;
            read.then(settle, settle);
            // Waiting for a file to come back lets requests in too; otherwise yield between files.
            if (reading >= processes.capacity) await aSlotFrees();
            else await yieldToRequests();
          } else {
            await read;
            // Yield between files, so that requests are answered during the scan.
            await yieldToRequests();
          }
          // A long scan tells clients now and then, so views fill in as it goes.
          const now = performance.now();
          if (changedSinceNotice && now - lastNotice >= Math.max(SCAN_NOTICE_MS, (now - scanStart) * SCAN_NOTICE_SHARE)) {
            this.host.changed();
            changedSinceNotice = false;
            lastNotice = now;
          }
        }
        while (reading > 0) await aSlotFrees();
      } finally {
        processes?.stop();
      }
      if (changedSinceNotice) this.host.changed();
    }
    // Gone from disk since the store was written; not a file created (and read) while the scan ran.
    for (const uri of [...this.files.keys()]) {
      const folder = this.folderOf(uri);
      if (!seen.has(uri) && !this.refreshedDuringScan.has(uri) && (!folder || !this.isOpen(uri))) this.drop(uri);
    }
    this.refreshedDuringScan.clear();
  }

  /** Open documents are indexed from the editor's text, and stay while open even if not on disk. */
  setOpen(uri: string, open: boolean): void {
    if (open) this.openUris.add(uri);
    else this.openUris.delete(uri);
  }

  private isOpen(uri: string): boolean {
    return this.openUris.has(uri);
  }

  /**
   * Reads one file (unless `force` is false and its mtime and size are what was read before) and
   * indexes it; true when what the index holds for it changed.
   */
  private async read(folder: Folder, uri: string, path: string, force: boolean, processes: ScanProcesses | null = null): Promise<boolean> {
    const ticket = (this.reads.get(uri) ?? 0) + 1;
    this.reads.set(uri, ticket);
    const before = this.files.get(uri);
    let info: { mtimeMs: number; size: number };
    try {
      // Synchronous: a stat or a small read costs less than the thread pool's round trip (a save is timed).
      info = statSync(path);
    } catch {
      info = { mtimeMs: 0, size: 0 };
      if (!this.isOpen(uri)) {
        if (this.reads.get(uri) === ticket) this.drop(uri);
        return before?.indexed != null;
      }
    }
    const mtime = Math.floor(info.mtimeMs);
    if (!force && !this.isOpen(uri) && before && before.mtime === mtime && before.size === info.size) return false;
    let indexed: IndexedPostmortem | null;
    try {
      indexed = await this.index(folder, uri, path, mtime, processes);
    } catch (error) {
      this.host.logger.warn(`postmortem: could not index ${path}: ${error instanceof Error ? error.message : String(error)}`);
      indexed = null;
    }
    if (this.reads.get(uri) !== ticket) return false;
    this.put(uri, { uri, mtime, size: info.size, indexed });
    return before?.indexed != null || indexed !== null;
  }

  private async index(folder: Folder, uri: string, path: string, mtime: number, processes: ScanProcesses | null): Promise<IndexedPostmortem | null> {
    const file = { uri, path: relativePath(folder.path, path), mtime };
    const now = this.host.clock();
    const open = this.isOpen(uri) ? await this.host.openDocument(uri) : null;
    if (open) return open.model.isPostmortem ? heldApart(indexedPostmortem(open.model, open.settings, now, file)) : null;
    if (processes) return processes.index(path, file, now);
    return heldApart(indexText(readFileSync(path, 'utf8'), path, file, folder.settings, now));
  }

  private changedNow(): void {
    this.host.changed();
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (!this.host.storagePath) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saving = this.saving.then(() => this.save());
    }, SAVE_DELAY_MS);
    this.saveTimer.unref?.();
  }

  private async save(): Promise<void> {
    const storage = this.host.storagePath;
    if (!storage || !this.unsaved) return;
    this.unsaved = false;
    try {
      await saveIndexStore(storage, {
        day: dayOf(this.host.clock()),
        settings: Object.fromEntries(this.folders.map((folder) => [folder.uri, folder.settingsHash])),
        files: [...this.files.values()].filter((file) => file.mtime >= 0),
      });
    } catch (error) {
      this.unsaved = true;
      this.host.logger.warn(`postmortem: could not save the incident index: ${String(error)}`);
    }
  }
}
