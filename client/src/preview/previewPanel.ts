// The preview webview beside the editor: follows the active postmortem, updates as you type
// (debounced; content replaced in place by the page, scroll kept), maps cursor and clicks to lines.
// It asks the server for everything it shows (`postmortem/render`); it never parses the document.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RENDER_METHOD, type RenderParams, type RenderResult } from '../../../server/src/protocol';
import { sendCustomRequest } from '../requests';
import type { ActiveDocument } from '../activeDocument';
import { renderBody } from './incidentView';
import { isFromWebviewMessage, type FromWebview, type ToWebview } from './messages';
import { buildPage, newNonce } from './page';

const VIEW_TYPE = 'postmortem.preview';
const UPDATE_DELAY_MS = 200;
const OPENABLE = /^(?:https?|mailto):/i;

/** Ask the server to render a document; undefined when it cannot. */
export async function requestRender(client: LanguageClient, document: vscode.TextDocument): Promise<RenderResult | undefined> {
  const params: RenderParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } };
  try {
    return (await sendCustomRequest(client, RENDER_METHOD, params)) ?? undefined;
  } catch (error) {
    client.outputChannel.appendLine(`postmortem: render failed: ${String(error)}`);
    return undefined;
  }
}

/** The document's folder, for images and localResourceRoots; none for untitled documents. */
export function documentFolder(document: vscode.TextDocument): vscode.Uri | undefined {
  return document.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..') : undefined;
}

/** The CSP source for images from the document's folder: the webview's resource host with the
 * folder's path (a host like "file+.vscode-resource…" is not valid in a policy, the wildcard is). */
export function webviewImageSource(cspSource: string, folderUrl: string): string {
  const wildcard = cspSource.split(/\s+/).find((source) => /^https:\/\/\*\./.test(source));
  return wildcard ? `${wildcard}${new URL(folderUrl).pathname}` : cspSource;
}

export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  /** The document the page in the webview was built for; updates for it go as messages. */
  private pageSource: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly active: ActiveDocument,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      // Follow the active postmortem (the ActiveDocument fires only once the server says it is one).
      active.onDidChange((value) => {
        if (this.panel && value && value.document !== this.document) this.show(value.document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.schedule(UPDATE_DELAY_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('postmortem')) this.schedule(UPDATE_DELAY_MS);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === this.document) this.post({ type: 'cursor', source: this.sourceOf(this.document), line: event.selections[0].active.line });
      }),
    );
  }

  /** Open the preview beside the editor (or reveal it) for `document`, else the active postmortem. */
  async open(document = this.active.value?.document ?? vscode.window.activeTextEditor?.document): Promise<void> {
    if (!document) {
      void vscode.window.showInformationMessage('Open a postmortem to preview it.');
      return;
    }
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Postmortem Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableCommandUris: false,
        enableForms: false,
        localResourceRoots: this.roots(document),
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.document = undefined;
        this.pageSource = undefined;
      }, null, this.disposables);
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message), null, this.disposables);
    } else {
      this.panel.reveal(undefined, true);
    }
    this.show(document);
  }

  get visibleDocument(): vscode.TextDocument | undefined {
    return this.panel ? this.document : undefined;
  }

  private show(document: vscode.TextDocument): void {
    if (!this.panel) return;
    if (document !== this.document) {
      this.document = document;
      this.pageSource = undefined; // A new document gets a new page (and a new nonce).
      this.panel.webview.options = { ...this.panel.webview.options, localResourceRoots: this.roots(document) };
    }
    this.schedule(0);
  }

  /** The extension's media and dist folders, and the document's folder: nothing wider. */
  private roots(document: vscode.TextDocument): vscode.Uri[] {
    const folder = documentFolder(document);
    return [vscode.Uri.joinPath(this.context.extensionUri, 'media'), vscode.Uri.joinPath(this.context.extensionUri, 'dist'), ...(folder ? [folder] : [])];
  }

  private sourceOf(document: vscode.TextDocument): string {
    return document.uri.toString();
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const panel = this.panel;
    const document = this.document;
    if (!panel || !document) return;
    const generation = ++this.generation;
    const result = await requestRender(this.client, document);
    if (generation !== this.generation || panel !== this.panel || document !== this.document || !result) return;
    const source = this.sourceOf(document);
    panel.title = `Preview ${vscode.workspace.asRelativePath(document.uri, false).split('/').pop()}`;
    const body = renderBody(result);
    if (this.pageSource === source) {
      this.post({ type: 'update', source, version: result.version, body });
      return;
    }
    const webview = panel.webview;
    const folder = documentFolder(document);
    const folderUrl = folder ? webview.asWebviewUri(folder).toString().replace(/\/?$/, '/') : undefined;
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...path)).toString();
    webview.html = buildPage({
      source,
      title: result.card.title ?? 'Postmortem',
      body,
      nonce: newNonce(),
      styleUris: [asset('media', 'preview.css')],
      scriptUri: asset('dist', 'preview.js'),
      resourceSource: webview.cspSource,
      documentFolder: folderUrl,
      imageSource: folderUrl ? webviewImageSource(webview.cspSource, folderUrl) : undefined,
    });
    this.pageSource = source;
  }

  private post(message: ToWebview.Message): void {
    if (this.panel && this.pageSource === message.source) void this.panel.webview.postMessage(message);
  }

  private receive(message: unknown): void {
    const document = this.document;
    if (!document || !isFromWebviewMessage(message, this.sourceOf(document))) {
      this.output.warn(`postmortem preview: ignored a message that is not for ${document?.uri.toString() ?? 'any document'}`);
      return;
    }
    void this.handle(message, document);
  }

  private async handle(message: FromWebview.Message, document: vscode.TextDocument): Promise<void> {
    switch (message.type) {
      case 'ready':
        return;
      case 'revealLine': {
        const line = Math.min(message.line, document.lineCount - 1);
        const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
        const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
        const position = new vscode.Position(line, 0);
        editor.selection = new vscode.Selection(position, position);
        editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return;
      }
      case 'openLink':
        return this.openLink(message.href, document);
      case 'cspViolation':
        this.output.warn(`postmortem preview: the page's policy blocked ${message.blocked || 'an inline resource'} (${message.directive})`);
        return;
    }
  }

  /** Web and mail links open outside; a relative link opens the file beside the document; nothing else. */
  private async openLink(href: string, document: vscode.TextDocument): Promise<void> {
    if (OPENABLE.test(href)) {
      await vscode.env.openExternal(vscode.Uri.parse(href, true));
      return;
    }
    const folder = documentFolder(document);
    if (!folder || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
      this.output.warn(`postmortem preview: not opening ${href}`);
      return;
    }
    const path = decodeURIComponent(href.split('#')[0].split('?')[0]);
    if (!path) return;
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.joinPath(folder, path));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
