// When diagnostics are published: at once for a document just opened, 200 ms after the last edit
// otherwise (a debounce per document), and at once for every document when the settings change.
const VALIDATION_DELAY_MS = 200;

export class ValidationScheduler {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  // TextDocuments reports an open as a content change too: that first change must not be debounced.
  private readonly justOpened = new Set<string>();

  constructor(private readonly validate: (uri: string) => Promise<void>) {}

  opened(uri: string): void {
    this.justOpened.add(uri);
    this.schedule(uri, 0);
  }

  changed(uri: string): void {
    if (this.justOpened.delete(uri)) return;
    this.schedule(uri, VALIDATION_DELAY_MS);
  }

  closed(uri: string): void {
    this.justOpened.delete(uri);
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
  }

  now(uri: string): void {
    this.schedule(uri, 0);
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.pending.get(uri));
    this.pending.set(uri, setTimeout(() => {
      this.pending.delete(uri);
      void this.validate(uri);
    }, delay));
  }
}
