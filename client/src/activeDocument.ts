// The active editor's postmortem analysis, asked of the server (the client never parses Markdown):
// sets the `postmortem.isPostmortem` context key that menus and commands use, and tells listeners
// (status bar, preview) when the analysis of the active postmortem changes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ANALYSIS_METHOD, type AnalysisParams, type AnalysisResult } from '../../server/src/protocol';
import { sendCustomRequest } from './requests';

export const IS_POSTMORTEM_CONTEXT = 'postmortem.isPostmortem';
const REFRESH_DELAY_MS = 250;

export class ActiveDocument implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<{ document: vscode.TextDocument; analysis: AnalysisResult } | undefined>();
  /** Fires with the active postmortem's analysis, or undefined when the active editor holds none. */
  readonly onDidChange = this.emitter.event;
  private current: { document: vscode.TextDocument; analysis: AnalysisResult } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.schedule(REFRESH_DELAY_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('postmortem')) this.schedule(REFRESH_DELAY_MS);
      }),
    );
    this.schedule(0);
  }

  get value(): { document: vscode.TextDocument; analysis: AnalysisResult } | undefined {
    return this.current;
  }

  /** The analysis of any open Markdown document, straight from the server. */
  async analyze(document: vscode.TextDocument): Promise<AnalysisResult | undefined> {
    if (document.languageId !== 'markdown') return undefined;
    const params: AnalysisParams = { textDocument: { uri: this.client.code2ProtocolConverter.asUri(document.uri) } };
    try {
      return await sendCustomRequest(this.client, ANALYSIS_METHOD, params);
    } catch (error) {
      this.client.outputChannel.appendLine(`postmortem: analysis failed: ${String(error)}`);
      return undefined;
    }
  }

  refresh(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    const analysis = document ? await this.analyze(document) : undefined;
    if (generation !== this.generation) return; // A newer update started meanwhile.
    this.current = document && analysis?.isPostmortem ? { document, analysis } : undefined;
    await vscode.commands.executeCommand('setContext', IS_POSTMORTEM_CONTEXT, Boolean(this.current));
    this.emitter.fire(this.current);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
