// The incident index's large scans run in child processes (dist/indexWorker.js), one per core, each
// started with the V8 flags the CLI's lint threads use (see shared/serverLaunch.ts): a scan then costs
// a file what `postmortem-lint` costs it, where threads would inherit the server's small young
// generation (tuned for typing, not for bulk work). Their memory is theirs: it goes when the scan ends,
// and never counts against the server's. One instance scans one folder, with that folder's settings.
// Files go out in small batches to whichever process has room; when a process cannot start or dies,
// its files are indexed on this thread instead.
import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Settings } from '../core/config';
import type { IndexedFileInfo, IndexedPostmortem } from '../features/indexEntry';
import { ALL_CORES_V8_FLAGS } from '../shared/serverLaunch';
import { heldApart, indexText } from './indexText';

export interface ScanFile {
  path: string;
  file: IndexedFileInfo;
}

export interface ScanRequest {
  id: number;
  files: ScanFile[];
  /**
   * The folder's settings, with a process's first request only: a copy per batch would defeat what is
   * made once per settings object (the phrase matchers, the compiled profiles) and rebuild it each time.
   */
  settings?: Settings;
  /** ms since the epoch: "today" for overdue items. */
  now: number;
}

/** One outcome per file of the request, in its order. */
export type ScanOutcome = { indexed: IndexedPostmortem | null } | { error: string };
export interface ScanReply {
  id: number;
  outcomes: ScanOutcome[];
}

interface Job {
  scan: ScanFile;
  now: number;
  resolve: (indexed: IndexedPostmortem | null) => void;
  reject: (error: Error) => void;
}

interface Scanner {
  child: ChildProcess;
  /** Batches sent and not yet answered, by request id. */
  batches: Map<number, Job[]>;
  /** Whether it has been sent the settings. */
  hasSettings: boolean;
  /** The end of what it wrote to stderr, for the log when it ends early. */
  stderr: string;
}

/** Files per message: fewer messages, and a process never idles between two files. */
const BATCH = 8;
/** Batches a process holds at once: it starts the next as soon as it answers one. */
const BATCHES_HELD = 2;
const STDERR_KEPT = 2000;

export class ScanProcesses {
  private scanners: Scanner[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  /** A process died or would not start: the rest of the scan runs here rather than start another. */
  private failed = false;

  /** `warn`: told once when a process ends early, with the end of what it wrote to stderr. */
  constructor(
    private readonly workerPath: string,
    private readonly count: number,
    private readonly settings: Settings,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  /** How many files the caller may have waiting at once to keep every process busy. */
  get capacity(): number {
    return this.count * BATCH * (BATCHES_HELD + 1);
  }

  index(path: string, file: IndexedFileInfo, now: Date): Promise<IndexedPostmortem | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ scan: { path, file }, now: now.getTime(), resolve, reject });
      this.pump();
    });
  }

  /** Stops the processes (after a scan); files still waiting are indexed here. */
  stop(): void {
    const scanners = this.scanners;
    this.scanners = [];
    for (const scanner of scanners) {
      scanner.child.kill();
      this.redo(scanner);
    }
    for (const job of this.queue.splice(0)) this.runHere(job);
  }

  /** Hands out what waits: full batches to processes with room, a partial one to an idle process. */
  private pump(): void {
    this.startScanners();
    if (this.scanners.length === 0) {
      for (const job of this.queue.splice(0)) this.runHere(job);
      return;
    }
    for (;;) {
      const scanner = this.roomiest();
      if (!scanner || this.queue.length === 0) return;
      const held = scanner.batches.size;
      if (held >= BATCHES_HELD || (held > 0 && this.queue.length < BATCH)) return;
      this.send(scanner, this.queue.splice(0, BATCH));
    }
  }

  private roomiest(): Scanner | null {
    let best: Scanner | null = null;
    for (const scanner of this.scanners) if (!best || scanner.batches.size < best.batches.size) best = scanner;
    return best;
  }

  private send(scanner: Scanner, jobs: Job[]): void {
    const request: ScanRequest = { id: this.nextId++, files: jobs.map((job) => job.scan), now: jobs[0].now };
    if (!scanner.hasSettings) {
      request.settings = this.settings;
      scanner.hasSettings = true;
    }
    scanner.batches.set(request.id, jobs);
    scanner.child.send(request, (error) => {
      if (error) this.lose(scanner, error.message);
    });
  }

  /** A file indexed on this thread (no process, or a process lost). */
  private runHere(job: Job): void {
    readFile(job.scan.path, 'utf8')
      .then((text) => heldApart(indexText(text, job.scan.path, job.scan.file, this.settings, new Date(job.now))))
      .then(job.resolve, job.reject);
  }

  private startScanners(): void {
    while (!this.failed && this.scanners.length < this.count) {
      const started = this.start();
      if (!started) {
        this.failed = true;
        return;
      }
      this.scanners.push(started);
    }
  }

  private start(): Scanner | null {
    try {
      const child = fork(this.workerPath, [], {
        // Not the server's flags (nor a debugger's port): the CLI's, for bulk work on every core.
        execArgv: [...ALL_CORES_V8_FLAGS],
        // Its stdout is not ours to share (the server's may be the LSP channel); its stderr is logged.
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      const scanner: Scanner = { child, batches: new Map(), hasSettings: false, stderr: '' };
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (scanner.stderr = (scanner.stderr + chunk).slice(-STDERR_KEPT)));
      child.on('message', (reply: ScanReply) => this.answered(scanner, reply));
      child.on('error', (error) => this.lose(scanner, error.message));
      child.on('exit', (code, signal) => this.lose(scanner, `exit ${code ?? signal}`));
      return scanner;
    } catch {
      return null;
    }
  }

  private answered(scanner: Scanner, reply: ScanReply): void {
    const jobs = scanner.batches.get(reply.id);
    if (!jobs) return;
    scanner.batches.delete(reply.id);
    jobs.forEach((job, k) => {
      const outcome = reply.outcomes[k];
      if (!outcome) job.reject(new Error('the scan process gave no answer for this file'));
      else if ('error' in outcome) job.reject(new Error(outcome.error));
      else job.resolve(outcome.indexed);
    });
    this.pump();
  }

  /** A process failed or ended before the scan did: its files and the rest run here. */
  private lose(scanner: Scanner, why: string): void {
    if (!this.scanners.includes(scanner)) return;
    if (!this.failed) this.warn(`postmortem: an index scan process ended early (${why}); the rest of the scan runs on the server's thread. ${scanner.stderr.trim()}`.trim());
    this.failed = true;
    this.scanners = this.scanners.filter((other) => other !== scanner);
    scanner.child.kill();
    this.redo(scanner);
    this.pump();
  }

  private redo(scanner: Scanner): void {
    const batches = [...scanner.batches.values()];
    scanner.batches.clear();
    for (const jobs of batches) for (const job of jobs) this.runHere(job);
  }
}
