// The editor's side of the settings: its `postmortem.*` section per document (resource scope), asked
// for over the connection when the client can answer, and where settings problems are shown.
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import type { EditorSettings } from '../service/settings';

export class EditorSettingsProvider {
  private canAskClient = false;

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.canAskClient = Boolean(params.capabilities.workspace?.configuration);
  }

  readonly read: EditorSettings = (uri) =>
    this.canAskClient ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'postmortem' }) : null;

  /** In the output channel and as a notification. */
  readonly showProblems = (message: string): void => {
    this.connection.console.warn(message);
    void this.connection.window.showWarningMessage(message);
  };
}
