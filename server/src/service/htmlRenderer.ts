// Renders the preview's HTML: small documents right here (a worker's round trip would cost more),
// large ones on a worker thread (dist/renderWorker.js), so the server keeps answering while they
// render. One render runs at a time; a request waiting for its turn is dropped (answered null) when a
// newer one for the same document arrives, so typing in a large document does not pile renders up,
// and a request for the very text already being rendered (the preview and an export) shares it.
// The worker starts on first use and stops after a while without work, giving its memory back. If it
// cannot start or dies, rendering falls back to this thread.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderHtml } from '../features/renderHtml';

/** Below this many characters rendering takes a few tens of milliseconds: done in place. */
export const RENDER_IN_PLACE_BELOW = 64 * 1024;
const IDLE_MS = 30_000;

export interface RenderRequest {
  id: number;
  text: string;
}
export interface RenderReply {
  id: number;
  html: string;
}

interface Job {
  id: number;
  key: string;
  text: string;
  resolvers: Array<(html: string | null) => void>;
}

export class HtmlRenderer {
  private worker: Worker | null = null;
  private nextId = 0;
  private running: Job | null = null;
  private waiting: Job[] = [];
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly workerPath = join(__dirname, 'renderWorker.js')) {}

  /** The HTML of `text`, or null when a newer render for the same `key` (a document) replaced this one. */
  render(text: string, key: string): Promise<string | null> {
    if (text.length < RENDER_IN_PLACE_BELOW) return Promise.resolve(renderHtml(text));
    return new Promise((resolve) => {
      const same = [this.running, ...this.waiting].find((job) => job?.key === key && job.text === text);
      if (same) {
        same.resolvers.push(resolve);
        return;
      }
      for (const stale of this.waiting.filter((job) => job.key === key)) for (const drop of stale.resolvers) drop(null);
      this.waiting = this.waiting.filter((job) => job.key !== key);
      this.waiting.push({ id: this.nextId++, key, text, resolvers: [resolve] });
      this.next();
    });
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }

  private next(): void {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) {
      this.idleTimer = setTimeout(() => this.dispose(), IDLE_MS);
      this.idleTimer.unref();
      return;
    }
    clearTimeout(this.idleTimer);
    const worker = this.started();
    if (!worker) {
      const html = renderHtml(job.text);
      for (const resolve of job.resolvers) resolve(html);
      this.next();
      return;
    }
    this.running = job;
    worker.postMessage({ id: job.id, text: job.text } satisfies RenderRequest);
  }

  private finish(html: string): void {
    const job = this.running;
    this.running = null;
    for (const resolve of job?.resolvers ?? []) resolve(html);
    this.next();
  }

  private started(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(this.workerPath);
      worker.on('message', (reply: RenderReply) => {
        if (this.worker === worker && reply.id === this.running?.id) this.finish(reply.html);
      });
      // A dead worker's render is done here instead; the next large one starts a new worker.
      const lost = () => {
        if (this.worker !== worker) return;
        this.worker = null;
        if (this.running) this.finish(renderHtml(this.running.text));
      };
      worker.on('error', lost);
      worker.on('exit', lost);
      // The server may exit while the worker idles.
      worker.unref();
      this.worker = worker;
      return worker;
    } catch {
      return null;
    }
  }
}
