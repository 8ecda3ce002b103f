// Settings per document: VS Code's `postmortem.*` (resource scope, asked with workspace/configuration)
// over those the client pushed (initializationOptions, didChangeConfiguration: for clients that cannot
// be asked) over the workspace's .postmortem.json over the defaults. Cached per document, dropped when a
// source changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type Connection, type InitializeParams } from 'vscode-languageserver/node';
import { defaultSettings, readSettings, type Settings } from './core/config';

export interface ResolvedSettings {
  settings: Settings;
  key: string;
}

export class SettingsStore {
  private folders: string[] = [];
  private canAskClient = false;
  /** Settings the client pushed (initializationOptions, didChangeConfiguration), for clients that cannot be asked. */
  private pushed: unknown;
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.canAskClient = Boolean(params.capabilities.workspace?.configuration);
    this.push(params.initializationOptions);
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.map((uri) => this.pathOf(uri)).filter((path): path is string => path !== null);
  }

  initialized(): void {
    // Read the workspace config once at start so that a broken file is reported straight away.
    for (const folder of this.folders) this.readConfigFile(folder);
  }

  invalidate(): void {
    this.cache.clear();
  }

  /** `{ postmortem: {...} }` (as VS Code and most clients push settings) or the settings object itself. */
  push(options: unknown): void {
    if (options === null || typeof options !== 'object') return;
    const section: unknown = (options as Record<string, unknown>).postmortem;
    this.pushed = section !== undefined ? section : options;
  }

  /** workspace/didChangeConfiguration: only a `postmortem` object in `settings` replaces what was pushed. */
  pushChange(settings: unknown): void {
    if (settings !== null && typeof settings === 'object' && 'postmortem' in settings) this.push(settings);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  pathOf(uri: string): string | null {
    if (!uri.startsWith('file:')) return null;
    try {
      return fileURLToPath(uri);
    } catch {
      return null;
    }
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
    const path = this.pathOf(uri);
    const folder = path ? this.folders.filter((root) => path.startsWith(root)).sort((a, b) => b.length - a.length)[0] : undefined;
    let settings = defaultSettings();
    if (folder) settings = this.readConfigFile(folder);
    if (this.pushed !== undefined) {
      const result = readSettings(this.pushed, settings, 'postmortem settings');
      this.report(result.problems);
      settings = result.settings;
    }
    if (this.canAskClient) {
      try {
        const fromClient: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'postmortem' });
        const result = readSettings(fromClient, settings, 'postmortem settings');
        this.report(result.problems);
        settings = result.settings;
      } catch (error) {
        this.connection.console.warn(`postmortem: could not read settings: ${String(error)}`);
      }
    }
    return { settings, key: JSON.stringify(settings) };
  }

  private readConfigFile(folder: string): Settings {
    const file = join(folder, '.postmortem.json');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return defaultSettings();
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      this.report([`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}); using the defaults`]);
      return defaultSettings();
    }
    const result = readSettings(raw, defaultSettings(), file);
    this.report(result.problems);
    return result.settings;
  }

  /** Each distinct problem once: in the output channel and as a notification. */
  private report(problems: string[]): void {
    const fresh = problems.filter((problem) => !this.reported.has(problem));
    if (!fresh.length) return;
    for (const problem of fresh) this.reported.add(problem);
    const message = `Postmortem settings: ${fresh.join('; ')}`;
    this.connection.console.warn(message);
    // window/showMessage, not showWarningMessage's showMessageRequest: with no actions to choose,
    // a request only blocks Neovim and eglot on a prompt until someone answers it.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }
}
