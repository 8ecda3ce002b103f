// Linting many files on worker threads: how many threads a run gets, the pool (this same bundle,
// started with workerData), and the batches handed out as threads free up.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { lintOutcome, type LintOptions } from './lint';
import type { Progress } from './progress';
import type { Outcome } from './report';
import type { Target } from './targets';

type WorkerRequest = { indexes: number[]; targets: Target[] };
type WorkerReply = { indexes: number[]; outcomes: Outcome[] };

/** Below this many files a run stays on the main thread: starting workers would cost more. */
export const PARALLEL_MIN_FILES = 16;
const BATCH = 8;
/** Batches a worker holds at once: it starts the next as soon as it sends one back, never waiting on us. */
const BATCHES_IN_FLIGHT = 2;

/** Lint threads for a run of `files` files: none on 1 worker or below PARALLEL_MIN_FILES, never more than batches. */
export function threadsFor(workers: number, files: number): number {
  return workers < 2 || files < PARALLEL_MIN_FILES ? 0 : Math.min(workers, Math.ceil(files / BATCH));
}

/** Lint threads (this same bundle, started with workerData), which may start before the files are known. */
export class WorkerPool {
  readonly threads: Worker[];

  constructor(count: number, options: LintOptions) {
    this.threads = Array.from({ length: count }, () => new Worker(__filename, { workerData: options satisfies LintOptions }));
  }

  /** Stops threads that got no work (the run turned out smaller than the pool). */
  dismiss(from: number): void {
    for (const thread of this.threads.slice(from)) void thread.terminate();
  }
}

/**
 * Lints every target: on the pool's threads when there is a pool and enough files, handing out small
 * batches as threads free up; otherwise here. Outcomes come back in target order.
 */
export async function lintAll(targets: Target[], options: LintOptions, pool: WorkerPool | null, progress: Progress | null): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(targets.length);
  // A pool started early (see main) may be larger than the files found need.
  const count = pool ? threadsFor(pool.threads.length, targets.length) : 0;
  pool?.dismiss(count);
  if (!pool || count === 0) {
    for (let i = 0; i < targets.length; i++) {
      outcomes[i] = lintOutcome(targets[i].path, targets[i].explicit, options);
      progress?.update(i + 1);
    }
    return outcomes;
  }
  let next = 0;
  let done = 0;
  const running = Promise.all(pool.threads.slice(0, count).map((worker) => new Promise<void>((resolveWorker, rejectWorker) => {
    let held = 0;
    const send = () => {
      if (next >= targets.length) {
        if (held > 0) return;
        // Every outcome is in: no need to wait for the thread to wind down.
        void worker.terminate();
        resolveWorker();
        return;
      }
      const indexes: number[] = [];
      for (; indexes.length < BATCH && next < targets.length; next++) indexes.push(next);
      held++;
      worker.postMessage({ indexes, targets: indexes.map((i) => targets[i]) } satisfies WorkerRequest);
    };
    worker.on('message', (reply: WorkerReply) => {
      held--;
      reply.indexes.forEach((index, k) => (outcomes[index] = reply.outcomes[k]));
      done += reply.indexes.length;
      progress?.update(done);
      send();
    });
    worker.on('error', rejectWorker);
    worker.on('exit', (code) => {
      if (code !== 0 && held > 0) rejectWorker(new Error(`a lint worker exited with code ${code}`));
    });
    for (let k = 0; k < BATCHES_IN_FLIGHT; k++) send();
  })));
  try {
    await running;
  } catch (error) {
    // One thread failed: the others must not keep the process alive.
    pool.dismiss(0);
    throw error;
  }
  return outcomes;
}

/** A pool thread's whole life: lint the batches it is sent. */
export function workerMain(): void {
  // Threads share the process's working directory: relative paths in reports come out the same.
  const options = workerData as LintOptions;
  parentPort?.on('message', (request: WorkerRequest) => {
    const outcomes = request.targets.map((target) => lintOutcome(target.path, target.explicit, options));
    parentPort?.postMessage({ indexes: request.indexes, outcomes } satisfies WorkerReply);
  });
}
