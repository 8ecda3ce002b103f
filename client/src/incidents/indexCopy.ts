// The client's copy of the incident index, kept by URI and brought up to date by the server's answers:
// a whole answer replaces it, a delta removes and puts entries. Pure (no vscode), so it is tested alone;
// indexStore.ts asks the server and tells the views.
import type { IncidentIndexEntry, IndexResult, IndexVersion } from '../../../server/src/protocol';
import { newestFirst } from '../../../server/src/shared/newestFirst';

/** What the views and the dashboard read: every postmortem newest first, and whether the scan still runs. */
export interface IndexSnapshot {
  entries: readonly IncidentIndexEntry[];
  scanning: boolean;
}

export class IndexCopy {
  private readonly byUri = new Map<string, IncidentIndexEntry>();
  private version: IndexVersion | undefined;
  private scanning = true;
  /** The entries sorted: merged with a delta's, sorted whole only after a whole answer. */
  private sorted: IncidentIndexEntry[] | null = null;

  /** The `since` of the next request: none before a first answer (or after `clear`), so that it is whole. */
  get since(): IndexVersion | undefined {
    return this.version;
  }

  get snapshot(): IndexSnapshot {
    this.sorted ??= [...this.byUri.values()].sort(newestFirst);
    return { entries: this.sorted, scanning: this.scanning };
  }

  /** Applies an answer; true when what the views show changed. */
  apply(answer: IndexResult): boolean {
    let changed = answer.scanning !== this.scanning;
    // Anything but an explicit delta (an older server says nothing) is read as the whole index.
    const delta = answer.complete === false;
    if (!delta) {
      this.byUri.clear();
      changed = true;
    } else {
      for (const uri of answer.removed) changed = this.byUri.delete(uri) || changed;
    }
    for (const entry of answer.entries) this.byUri.set(entry.uri, entry);
    changed ||= answer.entries.length > 0;
    if (changed) this.sorted = delta && this.sorted ? mergedSorted(this.sorted, answer) : null;
    this.version = answer.version || undefined;
    this.scanning = answer.scanning;
    return changed;
  }

  /** Forgets everything (the server could not be asked): the next answer is whole. */
  clear(): void {
    this.byUri.clear();
    this.version = undefined;
    this.scanning = false;
    this.sorted = null;
  }
}

/**
 * The sorted entries after a delta, without sorting them all again: the untouched ones keep their
 * order, and the delta's (sorted alone) are merged in, as a scan's deltas arrive each second.
 */
function mergedSorted(sorted: readonly IncidentIndexEntry[], delta: IndexResult): IncidentIndexEntry[] {
  const touched = new Set(delta.removed);
  for (const entry of delta.entries) touched.add(entry.uri);
  const kept = sorted.filter((entry) => !touched.has(entry.uri));
  const added = [...delta.entries].sort(newestFirst);
  const merged: IncidentIndexEntry[] = [];
  let k = 0;
  let a = 0;
  while (k < kept.length && a < added.length) merged.push(newestFirst(added[a], kept[k]) < 0 ? added[a++] : kept[k++]);
  while (k < kept.length) merged.push(kept[k++]);
  while (a < added.length) merged.push(added[a++]);
  return merged;
}
