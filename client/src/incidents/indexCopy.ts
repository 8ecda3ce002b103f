// The client's copy of the incident index, kept by URI and brought up to date by the server's answers:
// a whole answer replaces it, a delta removes and puts entries. Two requests fill it, each with its own
// versions: `postmortem/index` the rows the Incidents view lists, `postmortem/indexDetails` each entry's
// lifecycle and action items, which a reopened workspace's server reads after the rows; the views read
// them joined. Pure (no vscode), so it is tested alone; indexStore.ts asks the server and tells the views.
import type { IncidentIndexDetails, IncidentIndexEntry, IncidentIndexRow, IndexDelta, IndexVersion } from '../../../server/src/protocol';
import { newestFirst } from '../../../server/src/shared/newestFirst';

/** What the views and the dashboard read: every postmortem newest first, and whether the scan still runs. */
export interface IndexSnapshot {
  entries: readonly IncidentIndexEntry[];
  scanning: boolean;
  /** False until the lifecycles and action items have come: the entries have none before. */
  detailed: boolean;
}

/** One request's answers applied in turn: what it holds by URI, and the `since` of its next request. */
export class CopyByUri<T extends { uri: string }> {
  protected readonly byUri = new Map<string, T>();
  private version: IndexVersion | undefined;
  protected scanning = true;

  /** The `since` of the next request: none before a first answer (or after `clear`), so that it is whole. */
  get since(): IndexVersion | undefined {
    return this.version;
  }

  get(uri: string): T | undefined {
    return this.byUri.get(uri);
  }

  /** Applies an answer; true when what it holds (or whether the scan runs) changed. */
  apply(answer: IndexDelta<T>): boolean {
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
    if (changed) this.changedBy(answer, delta);
    this.version = answer.version || undefined;
    this.scanning = answer.scanning;
    return changed;
  }

  /** Forgets everything (the server could not be asked): the next answer is whole. */
  clear(): void {
    this.byUri.clear();
    this.version = undefined;
    this.scanning = false;
  }

  /** What a subclass keeps beside the map, brought up to date after a change. */
  protected changedBy(_answer: IndexDelta<T>, _delta: boolean): void {}
}

/** The rows (`postmortem/index`), newest first. */
export class IndexCopy extends CopyByUri<IncidentIndexRow> {
  /** The entries sorted: merged with a delta's, sorted whole only after a whole answer. */
  private sorted: IncidentIndexRow[] | null = null;

  get snapshot(): { entries: readonly IncidentIndexRow[]; scanning: boolean } {
    this.sorted ??= [...this.byUri.values()].sort(newestFirst);
    return { entries: this.sorted, scanning: this.scanning };
  }

  override clear(): void {
    super.clear();
    this.sorted = null;
  }

  protected override changedBy(answer: IndexDelta<IncidentIndexRow>, delta: boolean): void {
    this.sorted = delta && this.sorted ? mergedSorted(this.sorted, answer) : null;
  }
}

/**
 * The sorted entries after a delta, without sorting them all again: the untouched ones keep their
 * order, and the delta's (sorted alone) are merged in, as a scan's deltas arrive each second.
 */
function mergedSorted(sorted: readonly IncidentIndexRow[], delta: IndexDelta<IncidentIndexRow>): IncidentIndexRow[] {
  const touched = new Set(delta.removed);
  for (const entry of delta.entries) touched.add(entry.uri);
  const kept = sorted.filter((entry) => !touched.has(entry.uri));
  const added = [...delta.entries].sort(newestFirst);
  const merged: IncidentIndexRow[] = [];
  let k = 0;
  let a = 0;
  while (k < kept.length && a < added.length) merged.push(newestFirst(added[a], kept[k]) < 0 ? added[a++] : kept[k++]);
  while (k < kept.length) merged.push(kept[k++]);
  while (a < added.length) merged.push(added[a++]);
  return merged;
}

/** The rows and the details, joined by URI into the entries the views read. */
export class IncidentCopy {
  readonly rows = new IndexCopy();
  readonly details = new CopyByUri<IncidentIndexDetails>();
  private detailed = false;
  /** Bumped by each change of the details: the joined list is built again after one. */
  private detailsChanges = 0;
  private joined: { rows: readonly IncidentIndexRow[]; detailsChanges: number; entries: IncidentIndexEntry[] } | null = null;
  /** Each URI's joined entry with the row and details it was joined from: a delta joins only what it changed. */
  private readonly joinedByUri = new Map<string, { row: IncidentIndexRow; details: IncidentIndexDetails | undefined; entry: IncidentIndexEntry }>();

  /** Applies a `postmortem/index` answer; true when what the views show changed. */
  applyRows(answer: IndexDelta<IncidentIndexRow>): boolean {
    return this.rows.apply(answer);
  }

  /** Applies a `postmortem/indexDetails` answer; true when what the views show changed. */
  applyDetails(answer: IndexDelta<IncidentIndexDetails>): boolean {
    const changed = this.details.apply(answer) || !this.detailed;
    this.detailed = true;
    if (changed) this.detailsChanges++;
    return changed;
  }

  get snapshot(): IndexSnapshot {
    const rows = this.rows.snapshot;
    if (this.joined?.rows !== rows.entries || this.joined.detailsChanges !== this.detailsChanges) {
      this.joined = { rows: rows.entries, detailsChanges: this.detailsChanges, entries: rows.entries.map((row) => this.entryOf(row)) };
      // Entries gone from the rows are forgotten.
      if (this.joinedByUri.size > rows.entries.length) {
        for (const [uri, known] of this.joinedByUri) if (this.rows.get(uri) !== known.row) this.joinedByUri.delete(uri);
      }
    }
    return { entries: this.joined.entries, scanning: rows.scanning, detailed: this.detailed };
  }

  /** Forgets everything (the server could not be asked): the next answers are whole. */
  clear(): void {
    this.rows.clear();
    this.details.clear();
    this.detailed = false;
    this.detailsChanges++;
    this.joinedByUri.clear();
  }

  private entryOf(row: IncidentIndexRow): IncidentIndexEntry {
    const details = this.details.get(row.uri);
    const known = this.joinedByUri.get(row.uri);
    if (known && known.row === row && known.details === details) return known.entry;
    const entry = joinedEntry(row, details);
    this.joinedByUri.set(row.uri, { row, details, entry });
    return entry;
  }
}

/** A row with its details (none yet: no moments, no items), field by field: a spread costs several times more on thousands. */
function joinedEntry(row: IncidentIndexRow, details: IncidentIndexDetails | undefined): IncidentIndexEntry {
  return {
    uri: row.uri,
    path: row.path,
    title: row.title,
    date: row.date,
    severity: row.severity,
    status: row.status,
    start: row.start,
    end: row.end,
    durationMinutes: row.durationMinutes,
    durationFrom: row.durationFrom,
    lifecycle: details?.lifecycle ?? [],
    metrics: row.metrics,
    actionItems: details?.actionItems ?? [],
    openItems: row.openItems,
    overdueItems: row.overdueItems,
    problems: row.problems,
    mtime: row.mtime,
  };
}
