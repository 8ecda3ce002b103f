// The client's copy of the incident index: asked for once the views or the dashboard need it, asked
// again on every `postmortem/indexChanged`, and while the server's first scan runs. One request at a
// time: a change that arrives during one asks once more after it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INDEX_CHANGED_NOTIFICATION, INDEX_METHOD, type IndexResult } from '../../../server/src/protocol';
import { sendCustomRequest } from '../requests';

/** While the first scan runs, ask again this often in case a change notification is missed. */
const SCANNING_RECHECK_MS = 1000;

export class IndexStore implements vscode.Disposable {
  private current: IndexResult = { entries: [], scanning: true };
  private loaded = false;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private recheck: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<IndexResult>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires with every answer; the dashboard also re-asks for its statistics then. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient, private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(client.onNotification(INDEX_CHANGED_NOTIFICATION, () => void this.refresh()));
  }

  /** The last answer; the first call asks the server. */
  get value(): IndexResult {
    if (!this.loaded) void this.refresh();
    return this.current;
  }

  /** Ask the server now (or once more after the request under way). */
  refresh(): Promise<void> {
    this.loaded = true;
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.ask().finally(() => {
      this.inFlight = undefined;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.inFlight;
  }

  private async ask(): Promise<void> {
    clearTimeout(this.recheck);
    try {
      this.current = await sendCustomRequest(this.client, INDEX_METHOD, {});
    } catch (error) {
      this.output.warn(`postmortem: the incident index could not be read: ${String(error)}`);
      this.current = { entries: [], scanning: false };
    }
    if (this.current.scanning) this.recheck = setTimeout(() => void this.refresh(), SCANNING_RECHECK_MS);
    this.changed.fire(this.current);
  }

  dispose(): void {
    clearTimeout(this.recheck);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
