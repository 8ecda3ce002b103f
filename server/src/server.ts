// The language server: the connection and thin handlers. Each handler gets the document's model
// and calls one pure feature; a failure in a feature is logged and answered with an empty result.
import {
  CodeActionKind, createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from './core/analyze';
import type { PostmortemModel } from './core/model';
import { AnalysisCache } from './core/incremental';
import { computeDiagnostics } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { codeActions } from './features/codeActions';
import { analysisResult } from './features/analysis';
import { renderResult } from './features/preview';
import { RENDER_METHOD, type RenderParams, type RenderResult } from './protocol';
import {
  ANALYSIS_METHOD, FIX_ALL_KIND, NEW_TIMELINE_ENTRY_METHOD, SORT_TIMELINE_METHOD, TEMPLATE_METHOD,
  type AnalysisParams, type AnalysisResult, type NewTimelineEntryParams, type NewTimelineEntryResult,
  type SortTimelineParams, type SortTimelineResult, type TemplateParams,
} from './protocol';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { completion } from './features/completion';
import { sortTimelineEdits } from './features/fixes/sortTimeline';
import { newTimelineEntry } from './features/newTimelineEntry';
import { postmortemTemplate, profileNamed } from './features/template';
import { SettingsStore } from './settingsStore';
import { HtmlRenderer } from './htmlRenderer';
import { FrameChecker, type FrameProblem } from './stdioFrames';

// Over stdio a frame checker stands in front of the reader (see stdioFrames.ts); editors that start
// the server over IPC (VS Code) use createConnection's own transport.
let reportFrame: (problem: FrameProblem) => void = () => undefined;
const stdioWriter = process.argv.includes('--stdio') ? new StreamMessageWriter(process.stdout) : null;
const connection = stdioWriter
  ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin.pipe(new FrameChecker((problem) => reportFrame(problem)))), stdioWriter)
  : createConnection(ProposedFeatures.all);
reportFrame = (problem) => {
  connection.console.error(`postmortem: dropped ${problem.kind === 'json' ? 'a message whose body is not JSON' : 'a malformed frame'} (${problem.detail})`);
  // JSON-RPC answers a body it cannot parse with a parse error, id null.
  if (problem.kind === 'json') void stdioWriter?.write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: `Parse error: ${problem.detail}` } } as unknown as Parameters<StreamMessageWriter['write']>[0]);
};
// Given our own reader, the library no longer ends the process when input ends (it only watches the
// client's processId): without this, a server whose editor closed the pipe would linger.
if (stdioWriter) process.stdin.once('end', () => process.exit(0));
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);
const renderer = new HtmlRenderer();

const VALIDATION_DELAY_MS = 200;
const pending = new Map<string, ReturnType<typeof setTimeout>>();
const models = new Map<string, { version: number; settingsKey: string; model: PostmortemModel }>();
const caches = new Map<string, AnalysisCache>();

// Clients that declare no snippet support (eglot without yasnippet) would insert `${1}` literally.
let snippetSupport = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  settings.initialize(params);
  snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Postmortem' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      inlayHintProvider: true,
      completionProvider: { triggerCharacters: ['#', ' '] },
    },
    serverInfo: { name: 'postmortem-writer' },
  };
});

connection.onInitialized(() => settings.initialized());

/** The model of a document at its current version, built once per version and settings. */
async function modelOf(uri: string): Promise<PostmortemModel | null> {
  const document = documents.get(uri);
  if (!document) return null;
  const current = await settings.forDocument(uri);
  const cached = models.get(uri);
  if (cached && cached.version === document.version && cached.settingsKey === current.key) return cached.model;
  // A newer version may have arrived while we waited for settings: analyse that one, never the stale one.
  const latest = documents.get(uri);
  if (!latest) return null;
  const fresh = models.get(uri);
  if (fresh && fresh.version === latest.version && fresh.settingsKey === current.key) return fresh.model;
  // Re-analysis after an edit parses only the chunks of the text that changed.
  let cache = caches.get(uri);
  if (!cache) caches.set(uri, (cache = new AnalysisCache()));
  const model = analyzeDocument(latest.getText(), current.settings, settings.pathOf(uri), false, cache);
  models.set(uri, { version: latest.version, settingsKey: current.key, model });
  return model;
}

async function safely<T>(what: string, empty: T, token: CancellationToken | undefined, run: () => Promise<T> | T): Promise<T> {
  try {
    if (token?.isCancellationRequested) return empty;
    const result = await run();
    return token?.isCancellationRequested ? empty : result;
  } catch (error) {
    connection.console.error(`postmortem: ${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return empty;
  }
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  await safely('diagnostics', undefined, undefined, async () => {
    const model = await modelOf(uri);
    // A newer version arrived while we waited for settings: its own run will publish.
    if (!model || documents.get(uri)?.version !== version) return;
    const current = await settings.forDocument(uri);
    await connection.sendDiagnostics({ uri, version, diagnostics: computeDiagnostics(model, current.settings) });
  });
}

function scheduleValidation(uri: string, delay: number): void {
  clearTimeout(pending.get(uri));
  pending.set(uri, setTimeout(() => {
    pending.delete(uri);
    void validate(uri);
  }, delay));
}

// TextDocuments reports an open as a content change too: validate an opened document at once, and
// debounce only the edits that follow.
const justOpened = new Set<string>();
documents.onDidOpen((event) => {
  justOpened.add(event.document.uri);
  scheduleValidation(event.document.uri, 0);
});
documents.onDidChangeContent((event) => {
  if (justOpened.delete(event.document.uri)) return;
  scheduleValidation(event.document.uri, VALIDATION_DELAY_MS);
});
documents.onDidClose((event) => {
  justOpened.delete(event.document.uri);
  clearTimeout(pending.get(event.document.uri));
  pending.delete(event.document.uri);
  models.delete(event.document.uri);
  caches.delete(event.document.uri);
  settings.forget(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

function revalidateAll(): void {
  models.clear();
  for (const document of documents.all()) scheduleValidation(document.uri, 0);
}
connection.onDidChangeConfiguration((params) => {
  settings.pushChange(params.settings);
  settings.invalidate();
  revalidateAll();
});
connection.onDidChangeWatchedFiles(() => {
  settings.invalidate();
  revalidateAll();
});

connection.onDocumentSymbol((params, token) =>
  safely('document symbols', [], token, async () => {
    const model = await modelOf(params.textDocument.uri);
    return model ? documentSymbols(model) : [];
  }));

connection.onFoldingRanges((params, token) =>
  safely('folding ranges', [], token, async () => {
    const model = await modelOf(params.textDocument.uri);
    return model ? foldingRanges(model) : [];
  }));

connection.onCodeAction((params, token) =>
  safely('code actions', [], token, async () => {
    const uri = params.textDocument.uri;
    const model = await modelOf(uri);
    if (!model) return [];
    const current = await settings.forDocument(uri);
    return codeActions(model, uri, params.context.diagnostics, current.settings, settings.pathOf(uri), params.context.only);
  }));

connection.onHover((params, token) =>
  safely('hover', null, token, async () => {
    const model = await modelOf(params.textDocument.uri);
    return model ? hover(model, params.position) : null;
  }));

connection.languages.inlayHint.on((params, token) =>
  safely('inlay hints', [], token, async () => {
    const model = await modelOf(params.textDocument.uri);
    const current = await settings.forDocument(params.textDocument.uri);
    return model && current.settings.inlayHints.enabled ? inlayHints(model, params.range) : [];
  }));

connection.onCompletion((params, token) =>
  safely('completion', [], token, async () => {
    const model = await modelOf(params.textDocument.uri);
    const current = await settings.forDocument(params.textDocument.uri);
    return model ? completion(model, params.position, new Date(), current.settings.timeZone, snippetSupport) : [];
  }));

connection.onRequest(SORT_TIMELINE_METHOD, (params: SortTimelineParams, token: CancellationToken) =>
  safely<SortTimelineResult>('sort timeline', [], token, async () => {
    const model = await modelOf(params.textDocument.uri);
    return model?.isPostmortem ? sortTimelineEdits(model) : [];
  }));

connection.onRequest(NEW_TIMELINE_ENTRY_METHOD, (params: NewTimelineEntryParams, token: CancellationToken) =>
  safely<NewTimelineEntryResult>('new timeline entry', null, token, async () => {
    const model = await modelOf(params.textDocument.uri);
    const now = new Date(params.now);
    const current = await settings.forDocument(params.textDocument.uri);
    return model && !Number.isNaN(now.getTime()) ? newTimelineEntry(model, now, current.settings.timeZone) : null;
  }));

connection.onRequest(TEMPLATE_METHOD, (params: TemplateParams, token: CancellationToken) =>
  safely('template', '', token, () => {
    const profile = profileNamed(params.profile) ?? profileNamed('classic');
    return profile ? postmortemTemplate(profile, String(params.title ?? ''), String(params.date ?? '')) : '';
  }));

const EMPTY_ANALYSIS: AnalysisResult = {
  isPostmortem: false,
  profile: '',
  sections: [],
  timeline: [],
  incident: { start: null, end: null, startText: null, endText: null, durationMinutes: null, durationSource: null, statedDurationMinutes: null, durationText: null },
};

connection.onRequest(ANALYSIS_METHOD, (params: AnalysisParams, token: CancellationToken) =>
  safely('analysis', EMPTY_ANALYSIS, token, async () => {
    const model = await modelOf(params.textDocument.uri);
    return model ? analysisResult(model) : EMPTY_ANALYSIS;
  }));

connection.onRequest(RENDER_METHOD, (params: RenderParams, token: CancellationToken) =>
  safely('render', null, token, async (): Promise<RenderResult | null> => {
    const uri = params.textDocument.uri;
    const model = await modelOf(uri);
    const version = documents.get(uri)?.version;
    if (version === undefined || !model) return null;
    const documentSettings = (await settings.forDocument(uri)).settings;
    // Large documents render on another thread; null: a newer render of this document replaced it.
    const html = await renderer.render(model.text, uri);
    return html === null ? null : renderResult(model, documentSettings, uri, version, html);
  }));

process.on('uncaughtException', (error) => connection.console.error(`postmortem: unexpected error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`postmortem: unexpected rejection: ${String(reason)}`));

documents.listen(connection);
connection.listen();
