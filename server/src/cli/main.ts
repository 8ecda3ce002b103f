// postmortem-lint: the server's diagnostics for CI pipelines, on the same core.
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { analyzeDocument } from '../core/analyze';
import { defaultSettings, readSettings, type Settings } from '../core/config';
import { BUILT_IN_PROFILES } from '../core/profiles';
import { computeDiagnostics } from '../features/diagnostics';
import { incidentResult } from '../features/analysis';
import { relaunchedThreads, relaunchWithAllCoresFlags, shouldRunHere } from './relaunch';

const USAGE = `Usage: postmortem-lint [--profile NAME] [--config FILE] [--format text|json] [--workers N] PATH|GLOB...

Lints incident postmortems written in Markdown.
  PATH       a file (always linted), or a folder (its postmortems are linted)
  GLOB       e.g. "docs/**/*.md" (quote it; matching postmortems are linted)
  --profile  ${Object.keys(BUILT_IN_PROFILES).join(' | ')} (default: classic)
  --config   a .postmortem.json (default: ./.postmortem.json when present)
  --format   text (file:line:col severity code message) or json
  --workers  threads that lint files in parallel (default: the number of cores)

Exit status: 0 no errors, 1 errors found, 2 bad usage or an unreadable file.`;

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

class UsageError extends Error {}

interface FileReport {
  file: string;
  diagnostics: Array<{ line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }>;
  /** In JSON reports only (text reports do not show it). */
  incident?: ReturnType<typeof incidentResult>;
}

function loadSettings(configPath: string | undefined, profile: string | undefined): { settings: Settings; warnings: string[] } {
  let settings = defaultSettings();
  const warnings: string[] = [];
  const file = configPath ?? '.postmortem.json';
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    if (configPath) throw new UsageError(`cannot read config file ${configPath}`);
  }
  if (text !== null) {
    try {
      const result = readSettings(JSON.parse(text), settings, file);
      settings = result.settings;
      warnings.push(...result.problems);
    } catch (error) {
      warnings.push(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}); using the defaults`);
    }
  }
  if (profile !== undefined) {
    if (!(profile in BUILT_IN_PROFILES) && !(profile === 'custom' && settings.sections)) {
      throw new UsageError(`unknown profile "${profile}" (choose ${Object.keys(BUILT_IN_PROFILES).join(', ')})`);
    }
    settings = { ...settings, profile };
  }
  return { settings, warnings };
}

/** Explicit files, and the postmortems among the Markdown files of folders and globs. */
function expandTargets(targets: string[]): Array<{ path: string; explicit: boolean }> {
  const found = new Map<string, boolean>();
  for (const target of targets) {
    let isDirectory = false;
    let exists = false;
    try {
      const stats = statSync(target);
      exists = true;
      isDirectory = stats.isDirectory();
    } catch {
      exists = false;
    }
    if (exists && !isDirectory) {
      found.set(resolve(target), true);
    } else if (exists && isDirectory) {
      for (const file of globSync('**/*.{md,markdown}', { cwd: target, absolute: true, ignore: ['**/node_modules/**'] })) {
        if (!found.has(file)) found.set(file, false);
      }
    } else if (isDynamicPattern(target)) {
      for (const file of globSync(target, { absolute: true, ignore: ['**/node_modules/**'] })) {
        if (!found.has(file)) found.set(file, false);
      }
    } else {
      throw new UsageError(`no such file or folder: ${target}`);
    }
  }
  return [...found].map(([path, explicit]) => ({ path, explicit })).sort((a, b) => a.path.localeCompare(b.path));
}

/** What every file is linted with; a worker gets it as its workerData. */
interface LintOptions {
  settings: Settings;
  /** JSON reports carry the incident's window and duration. */
  withIncident: boolean;
}

function lintFile(path: string, explicit: boolean, { settings, withIncident }: LintOptions): FileReport | null {
  const buffer = readFileSync(path);
  if (buffer.includes(0)) throw new Error('not a text file (it contains NUL bytes)');
  const text = buffer.toString('utf8');
  const model = analyzeDocument(text, settings, path, explicit);
  if (!model.isPostmortem) return null;
  return {
    file: relative(process.cwd(), path) || path,
    diagnostics: computeDiagnostics(model, settings)
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
      .map((diagnostic) => ({
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      endLine: diagnostic.range.end.line + 1,
      endColumn: diagnostic.range.end.character + 1,
      severity: SEVERITY_NAMES[diagnostic.severity ?? 1],
      code: String(diagnostic.code),
      message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    })),
    incident: withIncident ? incidentResult(model) : undefined,
  };
}

/** One file's outcome, as a worker sends it back. */
type Outcome = { report: FileReport | null } | { error: string };

function lintOutcome(path: string, explicit: boolean, options: LintOptions): Outcome {
  try {
    return { report: lintFile(path, explicit, options) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

type WorkerRequest = { indexes: number[]; targets: Array<{ path: string; explicit: boolean }> };
type WorkerReply = { indexes: number[]; outcomes: Outcome[] };

/** Below this many files a run stays on the main thread: starting workers would cost more. */
const PARALLEL_MIN_FILES = 16;
const BATCH = 8;
/** Batches a worker holds at once: it starts the next as soon as it sends one back, never waiting on us. */
const BATCHES_IN_FLIGHT = 2;

/** Lint threads for a run of `files` files: none on 1 worker or below PARALLEL_MIN_FILES, never more than batches. */
function threadsFor(workers: number, files: number): number {
  return workers < 2 || files < PARALLEL_MIN_FILES ? 0 : Math.min(workers, Math.ceil(files / BATCH));
}

/** Lint threads (this same bundle, started with workerData), started before the files are known. */
class WorkerPool {
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
async function lintAll(targets: Array<{ path: string; explicit: boolean }>, options: LintOptions, pool: WorkerPool | null, progress: Progress | null): Promise<Outcome[]> {
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

function workerMain(): void {
  // Threads share the process's working directory: relative paths in reports come out the same.
  const options = workerData as LintOptions;
  parentPort?.on('message', (request: WorkerRequest) => {
    const outcomes = request.targets.map((target) => lintOutcome(target.path, target.explicit, options));
    parentPort?.postMessage({ indexes: request.indexes, outcomes } satisfies WorkerReply);
  });
}

/** A progress bar on stderr, for a terminal only, and only once a run has lasted a moment. */
class Progress {
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

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        profile: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string', default: 'text' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`postmortem-lint: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
    if (positionals.length === 0) throw new UsageError('name at least one file, folder or glob');
    const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a whole number of at least 1, not "${values.workers}"`);
    const { settings, warnings } = loadSettings(values.config, values.profile);
    const options: LintOptions = { settings, withIncident: values.format === 'json' };
    // A relaunched run is a parallel one (its parent counted the files): its threads start up while the
    // files are found again.
    const early = relaunchedThreads();
    let pool = workers >= 2 && early !== null ? new WorkerPool(Math.min(workers, early), options) : null;
    let targets;
    try {
      targets = expandTargets(positionals);
    } catch (error) {
      pool?.dismiss(0);
      throw error;
    }
    const threads = threadsFor(workers, targets.length);
    if (!pool && threads > 0) {
      if (workers >= availableParallelism() && !shouldRunHere()) {
        const status = await relaunchWithAllCoresFlags(threads);
        if (status !== null) return status;
      }
      pool = new WorkerPool(threads, options);
    }
    for (const warning of warnings) process.stderr.write(`postmortem-lint: warning: ${warning}\n`);
    const reports: FileReport[] = [];
    let unreadable = false;
    const progress = process.stderr.isTTY && targets.length >= PARALLEL_MIN_FILES ? new Progress(targets.length, process.stderr) : null;
    const outcomes = await lintAll(targets, options, pool, progress);
    progress?.finish();
    outcomes.forEach((outcome, i) => {
      if ('error' in outcome) {
        unreadable = true;
        process.stderr.write(`postmortem-lint: cannot lint ${relative(process.cwd(), targets[i].path)}: ${outcome.error}\n`);
      } else if (outcome.report) {
        reports.push(outcome.report);
      }
    });
    if (values.format === 'json') {
      process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    } else {
      for (const report of reports) {
        for (const d of report.diagnostics) process.stdout.write(`${report.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`);
      }
      const errors = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
      const warnings = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
      process.stderr.write(`${reports.length} postmortem${reports.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
    }
    if (unreadable) return 2;
    return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`postmortem-lint: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`postmortem-lint: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  workerMain();
}
