// The incident index's versions, so that a client asks for what changed since its last answer instead
// of the whole index: a counter bumped by each change to what the index holds, the version at which
// each file last changed, and tombstones for the files that left it. Pure bookkeeping: the index says
// what changed, this says what a `since` may be answered with.
import { randomBytes } from 'node:crypto';
import type { IndexVersion } from '../protocol';

/** Tombstones kept at least up to this many; beyond it, no more than one per file tracked. */
const TOMBSTONES_MIN = 1024;

export class IndexVersions {
  private counter = 0;
  /** A `since` below this cannot be answered incrementally: tombstones older than it were dropped. */
  private floor = 0;
  private readonly changedAt = new Map<string, number>();
  private readonly tombstones = new Map<string, number>();

  /** `instance`: random per index (so per server process) unless a test names it. */
  constructor(readonly instance: string = randomBytes(6).toString('hex')) {}

  /** The version as of now, for an answer. */
  get current(): IndexVersion {
    return `${this.instance}:${this.counter}`;
  }

  /** What the index holds for `uri` changed: added, read again, or no longer a postmortem. */
  changed(uri: string): void {
    this.changedAt.set(uri, ++this.counter);
    this.tombstones.delete(uri);
  }

  /** `uri` left the index; `listed`: it had an entry, so clients must be told to drop it. */
  removed(uri: string, listed: boolean): void {
    this.changedAt.delete(uri);
    if (!listed) return;
    this.tombstones.set(uri, ++this.counter);
    // Once tombstones outnumber the files, a whole answer is about as cheap as a delta that lists them.
    if (this.tombstones.size > Math.max(TOMBSTONES_MIN, this.changedAt.size)) this.reset();
  }

  /** Everything may have changed (the store loaded, settings changed): every earlier version gets a whole answer. */
  reset(): void {
    this.floor = ++this.counter;
    this.tombstones.clear();
  }

  /**
   * The counter a `since` stands for, when a delta after it is exact; null (answer whole) for anything
   * else: not a version, another instance's, from the future, or older than the floor.
   */
  after(since: unknown): number | null {
    if (typeof since !== 'string') return null;
    const colon = since.lastIndexOf(':');
    const count = since.slice(colon + 1);
    if (colon < 0 || since.slice(0, colon) !== this.instance || !/^\d{1,15}$/.test(count)) return null;
    const after = Number(count);
    return after >= this.floor && after <= this.counter ? after : null;
  }

  /** True when `uri` changed after the counter `after`. */
  changedAfter(uri: string, after: number): boolean {
    return (this.changedAt.get(uri) ?? 0) > after;
  }

  /** The files that left the index after the counter `after`. */
  removedAfter(after: number): string[] {
    const removed: string[] = [];
    for (const [uri, at] of this.tombstones) if (at > after) removed.push(uri);
    return removed;
  }
}
