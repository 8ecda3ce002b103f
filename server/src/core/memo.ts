// A memo for pure per-line readings (a timeline line's time, a line's title words), kept per document by
// the server: re-analysis after an edit meets the same lines again and reuses their readings. Like the
// chunk cache it keeps what the last analysis used (and the one before, until the next), so its size
// follows one document. Values are shared between models: callers treat them as read-only.
export class LineMemo<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  /** Start an analysis: what it does not use is dropped when the next one starts. */
  begin(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get(key: string, compute: () => V): V {
    let value = this.current.get(key);
    if (value !== undefined || this.current.has(key)) return value as V;
    value = this.previous.get(key);
    if (value === undefined && !this.previous.has(key)) value = compute();
    this.current.set(key, value as V);
    return value as V;
  }
}
