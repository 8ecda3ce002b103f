// A memo for pure per-line readings (a timeline line's time, a line's title words), kept per document by
// the server: re-analysis after an edit meets the same lines again and reuses their readings. One map,
// each entry stamped with the last analysis that used it; what recent analyses left unused is swept
// out once it is a sizeable share, so the memo's size follows one document without rebuilding the map
// on every keystroke. Values are shared between models: callers treat them as read-only.
export class LineMemo<V> {
  private readonly entries = new Map<string, { value: V; used: number }>();
  private generation = 0;
  private lookups = 0;

  /** Start an analysis. */
  begin(): void {
    if (this.entries.size > 2 * this.lookups + 1024) {
      for (const [key, entry] of this.entries) if (entry.used < this.generation) this.entries.delete(key);
    }
    this.generation++;
    this.lookups = 0;
  }

  get(key: string, compute: () => V): V {
    this.lookups++;
    let entry = this.entries.get(key);
    if (entry) entry.used = this.generation;
    else this.entries.set(key, (entry = { value: compute(), used: this.generation }));
    return entry.value;
  }

  get size(): number {
    return this.entries.size;
  }
}
