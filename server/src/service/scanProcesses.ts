// The incident index's large scans run in child processes (dist/indexWorker.js), one per core, each
// started with the V8 flags the CLI's lint threads use (see shared/serverLaunch.ts): a scan then costs
// a file what `postmortem-lint` costs it, where threads would inherit the server's small young
// generation (tuned for typing, not for bulk work). Their memory is theirs: it goes when the scan ends,
// and never counts against the server's. Files go out in small batches to whichever process has room;
// when a process cannot start or dies, its files are indexed on this thread instead.
import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Settings } from '../core/config';
import type { IndexedFileInfo, IndexedPostmortem } from '../features/indexEntry';
import { ALL_CORES_V8_FLAGS } from '../shared/serverLaunch';
import { indexText } from './indexText';

export interface ScanFile {
  path: string;
  file: IndexedFileInfo;
}

export interface ScanRequest {
  id: number;
  files: ScanFile[];
  /**
   * The folder's settings, sent to a process once: a copy per batch would defeat what is made once per
   * settings object (the phrase matchers, the compiled profiles) and rebuild it each time.
   */
  settingsId: number;
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
  settings: Settings;
  now: number;
  resolve: (indexed: IndexedPostmortem | null) => void;
  reject: (error: Error) => void;
}

interface Scanner {
  child: ChildProcess;
  /** Batches sent and not yet answered, by request id. */
  batches: Map<number, Job[]>;
  /** The settings ids this process has been sent. */
  known: Set<number>;
  /** The end of what it wrote to stderr, for the log when it ends early. */
  stderr: string;
}

/** Files per message: fewer messages, and a process never idles between two files. */
const BATCH = 8;
/** Batches a process holds at once: it starts the next as soon as it answers one. */
const BATCHES_HELD = 2;
const STDERR_KEPT = 2000;

/** A file indexed on this thread (no process, or a process lost). */
async function indexHere(job: Job): Promise<IndexedPostmortem | null> {
  return indexText(await readFile(job.scan.path, 'utf8'), job.scan.path, job.scan.file, job.settings, new Date(job.now));
}

function runHere(job: Job): void {
  indexHere(job).then(job.resolve, job.reject);
}

export class ScanProcesses {
  private scanners: Scanner[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  /** A process died or would not start: the rest of the scan runs here rather than start another. */
  private failed = false;
  private readonly settingsIds = new WeakMap<Settings, number>();
  private nextSettingsId = 0;

  /** `warn`: told once when a process ends early, with the end of what it wrote to stderr. */
  constructor(private readonly workerPath: string, private readonly count: number, private readonly warn: (message: string) => void = () => undefined) {}

  /** How many files the caller may have waiting at once to keep every process busy. */
  get capacity(): number {
    return this.count * BATCH * (BATCHES_HELD + 1);
  }

  index(path: string, file: IndexedFileInfo, settings: Settings, now: Date): Promise<IndexedPostmortem | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ scan: { path, file }, settings, now: now.getTime(), resolve, reject });
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
    for (const job of this.queue.splice(0)) runHere(job);
  }

  /** Hands out what waits: full batches to processes with room, a partial one to an idle process. */
  private pump(): void {
    this.startScanners();
    if (this.scanners.length === 0) {
      for (const job of this.queue.splice(0)) runHere(job);
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
    // One batch, one settings object: the queue is one folder's at a time (a scan goes folder by folder).
    const settings = jobs[0].settings;
    const sameSettings = jobs.filter((job) => job.settings === settings);
    const others = jobs.filter((job) => job.settings !== settings);
    this.queue.unshift(...others);
    const settingsId = this.settingsIdOf(settings);
    const request: ScanRequest = { id: this.nextId++, files: sameSettings.map((job) => job.scan), settingsId, now: sameSettings[0].now };
    if (!scanner.known.has(settingsId)) {
      request.settings = settings;
      scanner.known.add(settingsId);
    }
    scanner.batches.set(request.id, sameSettings);
    scanner.child.send(request, (error) => {
      if (error) this.lose(scanner, error.message);
    });
  }

  private settingsIdOf(settings: Settings): number {
    let id = this.settingsIds.get(settings);
    if (id === undefined) {
      id = this.nextSettingsId++;
      this.settingsIds.set(settings, id);
    }
    return id;
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
      const scanner: Scanner = { child, batches: new Map(), known: new Set(), stderr: '' };
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
    for (const jobs of batches) for (const job of jobs) runHere(job);
  }
}
