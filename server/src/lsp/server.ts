// The language server: the connection, its capabilities and thin handlers. Each handler asks the
// document service (server/src/service/) one question; a failure is logged and answered with an
// empty result, and a cancelled request is answered with one too.
import { CodeActionKind, CodeLensRefreshRequest, TextDocuments, TextDocumentSyncKind, type CancellationToken, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ANALYSIS_METHOD, FILL_ACTION_ITEM_COMMAND, FIX_ALL_KIND, INDEX_DETAILS_METHOD, INDEX_METHOD, INDEX_STATS_METHOD, NEW_TIMELINE_ENTRY_METHOD, PROFILES_METHOD, RENDER_METHOD, SORT_TIMELINE_METHOD,
  TEMPLATE_METHOD,
} from '../protocol';
import { onCustomRequest } from './customRequests';
import { createDocumentService, EMPTY_ANALYSIS } from '../service/documentService';
import { openConnection } from './connection';
import { EditorSettingsProvider } from './editorSettings';
import { watchExtendedConfigFiles } from './extendedConfigWatch';
import { HtmlRenderer } from '../service/htmlRenderer';
import { isMarkdownPath } from '../service/workspaceFiles';
import { unansweredIndex } from '../service/incidentIndex';
import { incidentStats } from '../service/incidentStats';
import { IncidentIndexWatcher, storagePathOf } from './incidentIndexWatcher';
import { ValidationScheduler } from './validation';

const connection = openConnection();
const documents = new TextDocuments(TextDocument);
const editorSettings = new EditorSettingsProvider(connection);
const renderer = new HtmlRenderer();
const clock = () => new Date();
const service = createDocumentService({
  logger: connection.console,
  clock,
  editorSettings: editorSettings.read,
  showSettingsProblems: editorSettings.showProblems,
  renderHtml: (text, key) => renderer.render(text, key),
});
let indexStoragePath: string | null = null;
const incidents = new IncidentIndexWatcher(connection, service, clock, () => indexStoragePath);

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

const validation = new ValidationScheduler((uri) =>
  safely('diagnostics', undefined, undefined, async () => {
    const result = await service.diagnostics(uri);
    if (result) await connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics });
  }));

// Clients that declare no snippet support (eglot without yasnippet) would insert `${1}` literally.
let snippetSupport = false;
// Clients that can be told to ask again for code lenses (after a settings change).
let codeLensRefresh = false;

connection.onInitialize((params): InitializeResult => {
  editorSettings.initialize(params);
  incidents.initialize(params);
  indexStoragePath = storagePathOf(params.initializationOptions);
  snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  service.setWorkspaceFolders(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
  watchExtendedConfigFiles(connection, service, params.capabilities);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Postmortem' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [FILL_ACTION_ITEM_COMMAND] },
      completionProvider: { triggerCharacters: ['#', ' '] },
      workspaceSymbolProvider: true,
    },
    serverInfo: { name: 'postmortem-writer' },
  };
});

connection.onInitialized(() => {
  service.checkConfigFiles();
  incidents.start();
});

// A change not yet persisted (the store is written a second after the last one) is written now.
connection.onShutdown(() => incidents.index.flush());

documents.onDidOpen(({ document }) => {
  service.open(document.uri, document.getText(), document.version);
  validation.opened(document.uri);
  incidents.opened(document.uri);
});
documents.onDidChangeContent(({ document }) => {
  service.update(document.uri, document.getText(), document.version);
  validation.changed(document.uri);
  incidents.edited(document.uri);
});
documents.onDidClose(({ document }) => {
  validation.closed(document.uri);
  service.close(document.uri);
  incidents.closed(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

function settingsChanged(): void {
  service.settingsChanged();
  for (const document of documents.all()) validation.now(document.uri);
  // `postmortem.actionItems.display` may have changed.
  if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  void incidents.rescan();
}
connection.onDidChangeConfiguration(({ settings }) => {
  editorSettings.pushChange(settings);
  settingsChanged();
});
// Markdown files feed the incident index; any other watched file is a config file.
connection.onDidChangeWatchedFiles(({ changes }) => {
  const markdown = changes.filter((change) => isMarkdownPath(change.uri));
  if (markdown.length < changes.length) settingsChanged();
  void incidents.filesChanged(markdown);
});

connection.onDocumentSymbol((params, token) =>
  safely('document symbols', [], token, () => service.documentSymbols(params.textDocument.uri)));

connection.onFoldingRanges((params, token) =>
  safely('folding ranges', [], token, () => service.foldingRanges(params.textDocument.uri)));

connection.onCodeAction((params, token) =>
  safely('code actions', [], token, () => service.codeActions(params.textDocument.uri, params.context.diagnostics, params.context.only)));

connection.onHover((params, token) =>
  safely('hover', null, token, () => service.hover(params.textDocument.uri, params.position)));

connection.languages.inlayHint.on((params, token) =>
  safely('inlay hints', [], token, () => service.inlayHints(params.textDocument.uri, params.range)));

connection.onCodeLens((params, token) =>
  safely('code lenses', [], token, () => service.codeLenses(params.textDocument.uri)));

connection.onExecuteCommand((params, token) =>
  safely('execute command', undefined, token, async () => {
    const edit = await service.executeCommand(params.command, params.arguments ?? []);
    if (edit) await connection.workspace.applyEdit({ label: 'Fill in the action item', edit });
  }));

connection.onCompletion((params, token) =>
  safely('completion', [], token, () => service.completion(params.textDocument.uri, params.position, snippetSupport)));

onCustomRequest(connection, SORT_TIMELINE_METHOD, (params, token) =>
  safely('sort timeline', [], token, () => service.sortTimeline(params.textDocument.uri)));

onCustomRequest(connection, NEW_TIMELINE_ENTRY_METHOD, (params, token) =>
  safely('new timeline entry', null, token, () => service.newTimelineEntry(params.textDocument.uri, new Date(params.now))));

onCustomRequest(connection, TEMPLATE_METHOD, (params, token) =>
  safely('template', '', token, () => service.template(params)));

onCustomRequest(connection, PROFILES_METHOD, (_params, token) =>
  safely('profiles', [], token, () => service.profiles()));

onCustomRequest(connection, ANALYSIS_METHOD, (params, token) =>
  safely('analysis', EMPTY_ANALYSIS, token, () => service.analysis(params.textDocument.uri)));

onCustomRequest(connection, INDEX_METHOD, (params, token) =>
  safely('incident index', unansweredIndex(params), token, async () => {
    await incidents.index.whenLoaded();
    return incidents.index.result(params);
  }));

onCustomRequest(connection, INDEX_DETAILS_METHOD, (params, token) =>
  safely('incident details', unansweredIndex(params), token, async () => {
    await incidents.index.whenDetailed();
    return incidents.index.details(params);
  }));

onCustomRequest(connection, INDEX_STATS_METHOD, (params, token) =>
  safely('incident stats', incidentStats([]), token, async () => {
    await incidents.index.whenDetailed();
    return incidents.index.stats(params?.folder);
  }));

connection.onWorkspaceSymbol((params, token) =>
  safely('workspace symbols', [], token, async () => {
    await incidents.index.whenSearchable();
    return service.workspaceSymbols(incidents.index.postmortems(), params.query);
  }));

onCustomRequest(connection, RENDER_METHOD, (params, token) =>
  safely('render', null, token, () => service.render(params.textDocument.uri)));

process.on('uncaughtException', (error) => connection.console.error(`postmortem: unexpected error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`postmortem: unexpected rejection: ${String(reason)}`));

documents.listen(connection);
connection.listen();
