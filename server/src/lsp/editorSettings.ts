// The editor's side of the settings: its `postmortem.*` section per document (resource scope), asked
// for over the connection when the client can answer, else what the client pushed (initializationOptions,
// workspace/didChangeConfiguration: clients without workspace/configuration); and where settings
// problems are shown.
import { MessageType, ShowMessageNotification, type Connection, type InitializeParams } from 'vscode-languageserver/node';
import type { EditorSettings } from '../service/settings';

export class EditorSettingsProvider {
  private canAskClient = false;
  /** The `postmortem` settings the client pushed, for clients that cannot be asked. */
  private pushed: unknown;

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.canAskClient = Boolean(params.capabilities.workspace?.configuration);
    this.push(params.initializationOptions);
  }

  /** workspace/didChangeConfiguration: only a `postmortem` object in `settings` replaces what was pushed. */
  pushChange(settings: unknown): void {
    if (settings !== null && typeof settings === 'object' && 'postmortem' in settings) this.push(settings);
  }

  readonly read: EditorSettings = (uri) => {
    if (this.canAskClient) return this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'postmortem' });
    return this.pushed === undefined ? null : Promise.resolve(this.pushed);
  };

  /**
   * In the output channel and as a notification: window/showMessage, not showWarningMessage's
   * showMessageRequest, which with no actions to choose only blocks Neovim and eglot on a prompt.
   */
  readonly showProblems = (message: string): void => {
    this.connection.console.warn(message);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  };

  /**
   * `{ postmortem: {...} }` (as VS Code and most clients push settings) or the settings object itself;
   * `indexStoragePath` is an initialization option (protocol.ts), not a setting.
   */
  private push(options: unknown): void {
    if (options === null || typeof options !== 'object') return;
    const { indexStoragePath: _notASetting, ...rest } = options as Record<string, unknown>;
    const section: unknown = rest.postmortem;
    if (section !== undefined) this.pushed = section;
    else if (Object.keys(rest).length > 0 || !('indexStoragePath' in options)) this.pushed = rest;
  }
}
