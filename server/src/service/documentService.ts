// The document service: what the language server knows about documents, without the connection.
// It holds each document's text, its model (built once per version and settings) and its incremental
// cache; it resolves settings (see settings.ts); it answers each feature, applying the postmortem guard
// here, once. The host injects the clock, the logger, the editor's settings and the HTML renderer.
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, InlayHint, Position, Range, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyzeDocument } from '../core/analyze';
import type { Settings } from '../core/config';
import { AnalysisCache } from '../core/incremental';
import type { PostmortemModel } from '../core/model';
import { analysisResult } from '../features/analysis';
import { codeActions } from '../features/codeActions';
import { completion } from '../features/completion';
import { computeDiagnostics } from '../features/diagnostics';
import { documentSymbols } from '../features/documentSymbols';
import type { IndexedPostmortem } from '../features/indexEntry';
import { workspaceSymbols } from '../features/workspaceSymbols';
import { sortTimelineEdits } from '../rules/fixes/sortTimeline';
import { foldingRanges } from '../features/foldingRanges';
import { hover } from '../features/hover';
import { writingHover } from '../features/writingHover';
import { inlayHints } from '../features/inlayHints';
import { actionItemLenses, fillActionItemArgs, fillActionItemEdits } from '../features/actionItemLenses';
import { newTimelineEntry } from '../features/newTimelineEntry';
import { renderResult } from '../features/preview';
import { renderHtml } from '../features/renderHtml';
import { postmortemTemplate, profileNamed } from '../features/template';
import { FILL_ACTION_ITEM_COMMAND, type AnalysisResult, type NewTimelineEntryResult, type ProfileChoice, type RenderResult, type SortTimelineResult, type TemplateParams } from '../protocol';
import { readTextFile, type ReadTextFile } from './configFile';
import { builtInProfiles } from './profiles';
import { pathOf, SettingsResolver, type EditorSettings, type ResolvedSettings } from './settings';

export interface Logger {
  warn(message: string): void;
  error(message: string): void;
}

export interface DocumentServiceOptions {
  logger: Logger;
  /** "Now", for completions that insert the current time and for overdue action items. */
  clock?: () => Date;
  /** The editor's `postmortem` settings for a document; by default there are none. */
  editorSettings?: EditorSettings;
  /** Problems in the settings (each distinct one once), to show the user; by default logged as warnings. */
  showSettingsProblems?: (message: string) => void;
  /** How .postmortem.json is read. */
  readFile?: ReadTextFile;
  /** The preview's HTML of a document's text, or null when a newer render of the same key replaced it. */
  renderHtml?: (text: string, key: string) => Promise<string | null>;
}

/** A document's diagnostics, for the version they were computed on. */
export interface VersionedDiagnostics {
  version: number;
  diagnostics: Diagnostic[];
}

interface DocumentState {
  text: string;
  version: number;
  /**
   * Open in an editor. Every document is today; a workspace index will add documents read from disk,
   * held in the same map.
   */
  open: boolean;
  /** Re-analysis after an edit parses only the chunks of the text that changed; made on an open document's first analysis. */
  cache: AnalysisCache | null;
  built: { version: number; settingsKey: string; model: PostmortemModel } | null;
}

/** A model with the settings it was built with. */
interface Analysed {
  model: PostmortemModel;
  settings: Settings;
  version: number;
}

/** The analysis of a document the service does not hold. */
export const EMPTY_ANALYSIS: AnalysisResult = {
  isPostmortem: false,
  profile: '',
  profileSource: 'default',
  sections: [],
  timeline: [],
  incident: { start: null, end: null, startZone: null, endZone: null, startText: null, endText: null, durationMinutes: null, durationSource: null, statedDurationMinutes: null, durationText: null },
};

export type DocumentService = ReturnType<typeof createDocumentService>;

export function createDocumentService(options: DocumentServiceOptions) {
  const clock = options.clock ?? (() => new Date());
  const render = options.renderHtml ?? ((text: string) => Promise.resolve(renderHtml(text)));
  const documents = new Map<string, DocumentState>();
  const settings = new SettingsResolver({
    editorSettings: options.editorSettings ?? (() => null),
    readFile: options.readFile ?? readTextFile,
    showProblems: options.showSettingsProblems ?? ((message) => options.logger.warn(message)),
    warn: (message) => options.logger.warn(message),
  });

  /** The model of a document at its current version, with its settings; built once per version and settings. */
  async function analysed(uri: string): Promise<Analysed | null> {
    if (!documents.has(uri)) return null;
    const current = await settings.forDocument(uri);
    // A newer version may have arrived while we waited for settings: analyse that one, never the stale one.
    const document = documents.get(uri);
    if (!document) return null;
    const built = document.built;
    if (built && built.version === document.version && built.settingsKey === current.key) {
      return { model: built.model, settings: current.settings, version: built.version };
    }
    // Only a document being edited gains from an incremental cache; others would only hold its memory.
    const cache = document.open ? (document.cache ??= new AnalysisCache()) : undefined;
    const model = analyzeDocument(document.text, current.settings, pathOf(uri), false, cache);
    document.built = { version: document.version, settingsKey: current.key, model };
    return { model, settings: current.settings, version: document.version };
  }

  /** The postmortem guard: features answer `empty` on documents that are not postmortems. */
  async function onPostmortem<T>(uri: string, empty: T, feature: (found: Analysed) => T): Promise<T> {
    const found = await analysed(uri);
    return found?.model.isPostmortem ? feature(found) : empty;
  }

  function open(uri: string, text: string, version: number): void {
    documents.set(uri, { text, version, open: true, cache: null, built: null });
  }

  return {
    open,

    update(uri: string, text: string, version: number): void {
      const document = documents.get(uri);
      if (!document) return open(uri, text, version);
      document.text = text;
      document.version = version;
    },

    close(uri: string): void {
      documents.delete(uri);
      settings.forget(uri);
    },

    /** The documents the service holds (open or not). */
    uris(): IterableIterator<string> {
      return documents.keys();
    },

    version(uri: string): number | undefined {
      return documents.get(uri)?.version;
    },

    /** The workspace folders (URIs) whose .postmortem.json apply to the documents inside them. */
    setWorkspaceFolders(uris: string[]): void {
      settings.setWorkspaceFolders(uris);
    },

    /** Reads the workspace's config files now, so that a broken one is reported straight away. */
    checkConfigFiles(): void {
      settings.checkConfigFiles();
    },

    /**
     * Calls `listener` with the files the workspace's config files extend (absolute paths), now and
     * whenever reading the config files changes that list: a host watches them as it watches the config files.
     */
    onExtendedConfigFiles(listener: (files: string[]) => void): void {
      settings.onExtendedFiles(listener);
    },

    /** The editor's settings or a config file changed: every document's settings and model are stale. */
    settingsChanged(): void {
      settings.invalidate();
      for (const document of documents.values()) document.built = null;
    },

    settings(uri: string): Promise<ResolvedSettings> {
      return settings.forDocument(uri);
    },

    async model(uri: string): Promise<PostmortemModel | null> {
      return (await analysed(uri))?.model ?? null;
    },

    /** An open document's model with its settings (the incident index reads open documents from here); null when not open. */
    async openModel(uri: string): Promise<{ model: PostmortemModel; settings: Settings } | null> {
      if (!documents.get(uri)?.open) return null;
      const found = await analysed(uri);
      return found ? { model: found.model, settings: found.settings } : null;
    },

    /** Null when the document is gone, or changed meanwhile (the newer version's own run answers). */
    async diagnostics(uri: string): Promise<VersionedDiagnostics | null> {
      const version = documents.get(uri)?.version;
      const found = await analysed(uri);
      if (!found || documents.get(uri)?.version !== version) return null;
      return { version: found.version, diagnostics: found.model.isPostmortem ? computeDiagnostics(found.model, found.settings, clock()) : [] };
    },

    documentSymbols: (uri: string): Promise<DocumentSymbol[]> => onPostmortem(uri, [], ({ model }) => documentSymbols(model)),

    foldingRanges: (uri: string): Promise<FoldingRange[]> => onPostmortem(uri, [], ({ model }) => foldingRanges(model)),

    codeActions: (uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> =>
      onPostmortem(uri, [], ({ model, settings }) => codeActions(model, uri, diagnostics, settings, pathOf(uri), only)),

    hover: (uri: string, position: Position): Promise<Hover | null> =>
      onPostmortem(uri, null, ({ model, settings }) => hover(model, position, clock(), settings.frontMatter) ?? writingHover(model, settings, position)),

    inlayHints: (uri: string, range: Range): Promise<InlayHint[]> =>
      onPostmortem(uri, [], ({ model, settings }) => {
        const display = settings.actionItems.display;
        return settings.inlayHints.enabled ? inlayHints(model, range, clock(), display === 'inlay' || display === 'both') : [];
      }),

    /** The action items' lenses, when `postmortem.actionItems.display` asks for them. */
    codeLenses: (uri: string): Promise<CodeLens[]> =>
      onPostmortem(uri, [], ({ model, settings, version }) => {
        const display = settings.actionItems.display;
        return display === 'codeLens' || display === 'both' ? actionItemLenses(model, uri, version, clock()) : [];
      }),

    /** `workspace/executeCommand`: the edit to apply, or null (an unknown command, bad arguments, a stale lens). */
    async executeCommand(command: string, args: readonly unknown[]): Promise<WorkspaceEdit | null> {
      const fill = command === FILL_ACTION_ITEM_COMMAND ? fillActionItemArgs(args[0]) : null;
      if (!fill) return null;
      const found = await analysed(fill.uri);
      // The document changed since the lens was made: its line may hold another item now.
      if (!found?.model.isPostmortem || found.version !== fill.version) return null;
      const edits = fillActionItemEdits(found.model, fill.line, fill.slot);
      return edits.length ? { changes: { [fill.uri]: edits } } : null;
    },

    /** `snippets`: the client takes snippet syntax; others get plain text. */
    completion: (uri: string, position: Position, snippets = true): Promise<CompletionItem[]> =>
      onPostmortem(uri, [], ({ model, settings }) => completion(model, position, clock(), settings.timeZone, snippets, settings.frontMatter)),

    sortTimeline: (uri: string): Promise<SortTimelineResult> => onPostmortem(uri, [], ({ model }) => sortTimelineEdits(model)),

    /** `now` comes from the client (the user's clock); an invalid one gives no entry. */
    newTimelineEntry: (uri: string, now: Date): Promise<NewTimelineEntryResult> =>
      onPostmortem(uri, null, ({ model, settings }) => (Number.isNaN(now.getTime()) ? null : newTimelineEntry(model, now, settings.timeZone))),

    /** Every document answers (isPostmortem says what it is). */
    async analysis(uri: string): Promise<AnalysisResult> {
      const found = await analysed(uri);
      return found ? analysisResult(found.model) : EMPTY_ANALYSIS;
    },

    /** Every document renders; null when it is gone or a newer render of it replaced this one. */
    async render(uri: string): Promise<RenderResult | null> {
      const found = await analysed(uri);
      if (!found) return null;
      // The text as the model reads it: a report pasted in a ```markdown block renders as the report.
      const html = await render(found.model.lines.index.text, uri);
      return html === null ? null : renderResult(found.model, found.settings, uri, found.version, html, clock());
    },

    /** workspace/symbol: incidents by title, timeline entries by their words, from the incident index. */
    workspaceSymbols(postmortems: readonly IndexedPostmortem[], query: string): SymbolInformation[] {
      return workspaceSymbols(postmortems, query);
    },

    profiles(): ProfileChoice[] {
      return builtInProfiles();
    },

    template(params: TemplateParams): string {
      const profile = profileNamed(params.profile) ?? profileNamed('classic');
      return profile ? postmortemTemplate(profile, String(params.title ?? ''), String(params.date ?? '')) : '';
    },
  };
}
