// A progress bar on stderr, for a terminal only, and only once a run has lasted a moment.
export class Progress {
  private shown = false;
  private last = 0;
  private readonly started = Date.now();

  constructor(private readonly total: number, private readonly stream: NodeJS.WriteStream) {}

  update(done: number): void {
    const now = Date.now();
    if (now - this.started < 300 || (now - this.last < 100 && done < this.total)) return;
    this.last = now;
    this.shown = true;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - 40));
    const filled = Math.round((done / this.total) * width);
    const rate = done / ((now - this.started) / 1000);
    this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} files, ${rate.toFixed(0)}/s `);
  }

  finish(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}
