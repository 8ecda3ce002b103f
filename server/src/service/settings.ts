// Settings per document: the editor's `postmortem.*` (resource scope) over the .postmortem.json of the
// workspace folder that holds the document over the defaults. Resolved once per document, dropped
// when either source changes (invalidate) or the document goes (forget).
import { fileURLToPath } from 'node:url';
import type { Settings } from '../core/config';
import { defaultSettings, readSettings } from '../rules/settings';
import { loadFolderConfig, type ReadTextFile } from './configFile';

export interface ResolvedSettings {
  settings: Settings;
  /** Equal keys, equal settings: a model built with one is valid for the other. */
  key: string;
}

/**
 * The editor's own `postmortem` settings for a document, unchecked (they are checked here); null when
 * the editor cannot be asked (then only the config file and the defaults count).
 */
export type EditorSettings = (uri: string) => Promise<unknown> | null;

export interface SettingsHost {
  editorSettings: EditorSettings;
  readFile: ReadTextFile;
  /** Problems in the settings, each distinct one once: shown to the user. */
  showProblems: (message: string) => void;
  warn: (message: string) => void;
}

/** The file path of a `file:` URI; null for other schemes (an unsaved document) or a malformed one. */
export function pathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** Told the files the workspace's config files extend, whenever that list changes. */
export type ExtendedFilesListener = (files: string[]) => void;

export class SettingsResolver {
  private folders: string[] = [];
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  private readonly reported = new Set<string>();
  /** Per workspace folder, the files its config file extends, as last read. */
  private readonly extended = new Map<string, string[]>();
  private extendedList = '';
  private extendedListener: ExtendedFilesListener | null = null;

  constructor(private readonly host: SettingsHost) {}

  /** The workspace folders (URIs) whose .postmortem.json apply to the documents inside them. */
  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris.map(pathOf).filter((path): path is string => path !== null);
  }

  /** Reads every workspace folder's config file now, so that a broken one is reported straight away. */
  checkConfigFiles(): void {
    for (const folder of this.folders) this.readConfigFile(folder);
  }

  /** Calls `listener` with the extended files now, and again whenever a read of the config files changes them. */
  onExtendedFiles(listener: ExtendedFilesListener): void {
    this.extendedListener = listener;
    listener(this.extendedFiles());
  }

  /** Every file the workspace folders' config files extend, sorted, each once. */
  extendedFiles(): string[] {
    return [...new Set([...this.extended.values()].flat())].sort();
  }

  invalidate(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  forDocument(uri: string): Promise<ResolvedSettings> {
    let cached = this.cache.get(uri);
    if (!cached) {
      cached = this.resolve(uri);
      this.cache.set(uri, cached);
    }
    return cached;
  }

  private async resolve(uri: string): Promise<ResolvedSettings> {
    const path = pathOf(uri);
    const folder = path ? this.folders.filter((root) => path.startsWith(root)).sort((a, b) => b.length - a.length)[0] : undefined;
    let settings = folder ? this.readConfigFile(folder) : defaultSettings();
    try {
      const fromEditor = this.host.editorSettings(uri);
      if (fromEditor) {
        const result = readSettings(await fromEditor, settings, 'postmortem settings');
        this.report(result.problems);
        settings = result.settings;
      }
    } catch (error) {
      this.host.warn(`postmortem: could not read settings: ${String(error)}`);
    }
    return { settings, key: JSON.stringify(settings) };
  }

  private readConfigFile(folder: string): Settings {
    const loaded = loadFolderConfig(folder, this.host.readFile);
    this.noteExtendedFiles(folder, loaded?.files.slice(1) ?? []);
    if (!loaded) return defaultSettings();
    this.report(loaded.problems);
    return loaded.settings;
  }

  private noteExtendedFiles(folder: string, files: string[]): void {
    this.extended.set(folder, files);
    const list = this.extendedFiles();
    if (list.join('\n') === this.extendedList) return;
    this.extendedList = list.join('\n');
    this.extendedListener?.(list);
  }

  private report(problems: string[]): void {
    const fresh = problems.filter((problem) => !this.reported.has(problem));
    if (!fresh.length) return;
    for (const problem of fresh) this.reported.add(problem);
    this.host.showProblems(`Postmortem settings: ${fresh.join('; ')}`);
  }
}
