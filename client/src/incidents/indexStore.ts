// The client's copy of the incident index: asked for once the views or the dashboard need it, then
// only what changed since its last answer (`since`), on every `postmortem/indexChanged` and while the
// server's first scan runs: the rows first, shown at once, then the details (lifecycles and action
// items). One round at a time: changes told during one are asked for once after it. A restarted
// server does not know the versions sent, so its first answers are whole.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INDEX_CHANGED_NOTIFICATION, INDEX_DETAILS_METHOD, INDEX_METHOD } from '../../../server/src/protocol';
import { sendCustomRequest } from '../requests';
import { IncidentCopy, type IndexSnapshot } from './indexCopy';

/**
 * While the first scan runs, ask again this often in case a change notification is missed. Only a
 * safety net: the server tells each step of a scan and its end, and every ask during a scan of
 * thousands of files competes with it for the cores.
 */
const SCANNING_RECHECK_MS = 5000;

export class IndexStore implements vscode.Disposable {
  private readonly copy = new IncidentCopy();
  private loaded = false;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private recheck: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<IndexSnapshot>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when what the views show changed; the dashboard also re-asks for its statistics then. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient, private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(client.onNotification(INDEX_CHANGED_NOTIFICATION, () => void this.refresh()));
  }

  /** Every postmortem, newest first; the first call asks the server. */
  get value(): IndexSnapshot {
    if (!this.loaded) void this.refresh();
    return this.copy.snapshot;
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
      const rowsSince = this.copy.rows.since;
      if (this.copy.applyRows(await sendCustomRequest(this.client, INDEX_METHOD, rowsSince === undefined ? {} : { since: rowsSince }))) {
        this.changed.fire(this.copy.snapshot);
      }
      const detailsSince = this.copy.details.since;
      if (this.copy.applyDetails(await sendCustomRequest(this.client, INDEX_DETAILS_METHOD, detailsSince === undefined ? {} : { since: detailsSince }))) {
        this.changed.fire(this.copy.snapshot);
      }
    } catch (error) {
      this.output.warn(`postmortem: the incident index could not be read: ${String(error)}`);
      this.copy.clear();
      this.changed.fire(this.copy.snapshot);
    }
    if (this.copy.snapshot.scanning) this.recheck = setTimeout(() => void this.refresh(), SCANNING_RECHECK_MS);
  }

  dispose(): void {
    clearTimeout(this.recheck);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
