// Worker threads for the incident index's scans (dist/indexWorker.js): files are handed to the least
// busy thread; the threads start for a scan and stop after it, giving their memory back. When a
// thread cannot start or dies, its files are indexed on this thread instead.
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Settings } from '../core/config';
import type { IndexedFileInfo, IndexedPostmortem } from '../features/indexEntry';
import { indexText } from './indexText';

export interface IndexThreadRequest {
  id: number;
  path: string;
  file: IndexedFileInfo;
  /**
   * The folder's settings, sent to a thread once: a copy per file would defeat what is made once per
   * settings object (the phrase matchers, the compiled profiles) and rebuild it for every file.
   */
  settingsId: number;
  settings?: Settings;
  /** ms since the epoch: "today" for overdue items. */
  now: number;
}

export type IndexThreadReply = { id: number; indexed: IndexedPostmortem | null } | { id: number; error: string };

interface Pending {
  resolve: (indexed: IndexedPostmortem | null) => void;
  reject: (error: Error) => void;
  request: IndexThreadRequest;
  settings: Settings;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The settings ids this thread has been sent. */
  known: Set<number>;
}

/** A file indexed on this thread (no worker, or a worker lost). */
async function indexHere(request: IndexThreadRequest, settings: Settings): Promise<IndexedPostmortem | null> {
  return indexText(await readFile(request.path, 'utf8'), request.path, request.file, settings, new Date(request.now));
}

export class IndexThreads {
  private threads: Thread[] = [];
  private nextId = 0;
  /** A thread died: the rest of the scan runs here rather than start thread after thread. */
  private failed = false;

  constructor(private readonly workerPath: string, private readonly count: number) {}

  index(path: string, file: IndexedFileInfo, settings: Settings, now: Date): Promise<IndexedPostmortem | null> {
    const request: IndexThreadRequest = { id: this.nextId++, path, file, settingsId: this.settingsIdOf(settings), now: now.getTime() };
    const thread = this.leastBusy();
    if (!thread) return indexHere(request, settings);
    return new Promise((resolve, reject) => {
      thread.pending.set(request.id, { resolve, reject, request, settings });
      const firstTime = !thread.known.has(request.settingsId);
      thread.known.add(request.settingsId);
      thread.worker.postMessage(firstTime ? { ...request, settings } : request);
    });
  }

  private settingsIds = new WeakMap<Settings, number>();
  private nextSettingsId = 0;

  private settingsIdOf(settings: Settings): number {
    let id = this.settingsIds.get(settings);
    if (id === undefined) {
      id = this.nextSettingsId++;
      this.settingsIds.set(settings, id);
    }
    return id;
  }

  /** Stops the threads (after a scan); files still pending are indexed here. */
  stop(): void {
    const threads = this.threads;
    this.threads = [];
    for (const thread of threads) {
      void thread.worker.terminate();
      this.redo(thread);
    }
  }

  private leastBusy(): Thread | null {
    while (!this.failed && this.threads.length < this.count) {
      const started = this.start();
      if (!started) break;
      this.threads.push(started);
    }
    let best: Thread | null = null;
    for (const thread of this.threads) if (!best || thread.pending.size < best.pending.size) best = thread;
    return best;
  }

  private start(): Thread | null {
    try {
      const worker = new Worker(this.workerPath);
      const thread: Thread = { worker, pending: new Map(), known: new Set() };
      worker.on('message', (reply: IndexThreadReply) => {
        const pending = thread.pending.get(reply.id);
        if (!pending) return;
        thread.pending.delete(reply.id);
        if ('error' in reply) pending.reject(new Error(reply.error));
        else pending.resolve(reply.indexed);
      });
      const lost = () => {
        if (!this.threads.includes(thread)) return;
        this.failed = true;
        this.threads = this.threads.filter((other) => other !== thread);
        this.redo(thread);
      };
      worker.on('error', lost);
      worker.on('exit', lost);
      // Not unref'd: a scan waits on its replies (stop() ends the threads after it).
      return thread;
    } catch {
      return null;
    }
  }

  private redo(thread: Thread): void {
    const pending = [...thread.pending.values()];
    thread.pending.clear();
    for (const { request, settings, resolve, reject } of pending) indexHere(request, settings).then(resolve, reject);
  }
}
