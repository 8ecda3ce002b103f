// Which way a timeline runs. A status page's updates, pasted as they are, run newest first: nearly
// every step goes back in time. That is one choice of order, to be turned over as a whole, not an
// entry out of place at every line.
import type { TimelineEntry } from './types';

export interface NewestFirst {
  /** Steps from one timed entry to the next, in the order written. */
  steps: number;
  /** Of those, the steps that go back in time. */
  back: number;
}

/**
 * The timeline's steps when it runs newest first: at least three timed entries, at least two steps
 * back, and at least three steps back for each one forward (an update's own day rolled over, or a slip,
 * leaves one forward among them). Null for a timeline that runs oldest first, or mostly so.
 */
export function newestFirst(entries: readonly TimelineEntry[]): NewestFirst | null {
  let previous: number | null = null;
  let steps = 0;
  let back = 0;
  for (const entry of entries) {
    if (entry.axis === null) continue;
    if (previous !== null) {
      steps++;
      if (entry.axis < previous) back++;
    }
    previous = entry.axis;
  }
  const forward = steps - back;
  return back >= 2 && back >= 3 * forward ? { steps, back } : null;
}
