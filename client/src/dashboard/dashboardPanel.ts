// The incident dashboard's webview: built once with a fresh nonce, then updated in place by messages
// whenever the index changes. It opens only incidents the index holds, and exports on request.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { IndexStore } from '../incidents/indexStore';
import { openAt } from '../incidents/open';
import { buildPage, newNonce } from '../preview/page';
import { DASHBOARD_STYLESHEETS, renderDashboardBody } from './dashboardView';
import { exportDashboardHtml } from './exportDashboard';
import { requestFigures } from './figures';
import { DASHBOARD_SOURCE, isFromDashboardMessage, type FromDashboard, type ToDashboard } from './messages';

const VIEW_TYPE = 'postmortem.dashboard';
/** Saves in a burst (a branch switch) redraw once. */
const UPDATE_DELAY_MS = 150;

export class DashboardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly store: IndexStore,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(store.onDidChange(() => this.schedule()));
  }

  open(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Incident Dashboard', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media'), vscode.Uri.joinPath(this.context.extensionUri, 'dist')],
    });
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'postmortems.svg');
    panel.onDidDispose(() => {
      this.panel = undefined;
    }, null, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message), null, this.disposables);
    const webview = panel.webview;
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...path)).toString();
    // The figures follow as a message once the page says it listens (a message sent earlier is lost).
    webview.html = buildPage({
      source: DASHBOARD_SOURCE,
      title: 'Incident dashboard',
      body: '<p class="pm-empty" role="status">Reading the incident index…</p>',
      nonce: newNonce(),
      styleUris: DASHBOARD_STYLESHEETS.map((name) => asset('media', name)),
      scriptUri: asset('dist', 'dashboard.js'),
      resourceSource: webview.cspSource,
    });
  }

  private schedule(): void {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private async update(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const generation = ++this.generation;
    const { stats, scanning } = await requestFigures(this.client, this.store);
    if (generation !== this.generation || panel !== this.panel) return;
    const body = renderDashboardBody(stats, { scanning, interactive: true });
    const message: ToDashboard.Update = { type: 'update', source: DASHBOARD_SOURCE, body };
    void panel.webview.postMessage(message);
  }

  private receive(message: unknown): void {
    if (!isFromDashboardMessage(message)) {
      this.output.warn('postmortem dashboard: ignored a message that is not the dashboard\'s');
      return;
    }
    void this.handle(message);
  }

  private async handle(message: FromDashboard.Message): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.update();
      case 'openIncident': {
        // The page names a URI; only one the index holds is opened.
        const entry = this.store.value.entries.find((candidate) => candidate.uri === message.uri);
        if (entry) await openAt(this.client, entry.uri, { title: entry.title });
        else this.output.warn(`postmortem dashboard: not opening ${message.uri}, which is not in the incident index`);
        return;
      }
      case 'export':
        return exportDashboardHtml(this.context, this.client, this.store);
      case 'cspViolation':
        this.output.warn(`postmortem dashboard: the page's policy blocked ${message.blocked || 'an inline resource'} (${message.directive})`);
        return;
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
