// postmortem-lint: the server's diagnostics for CI pipelines, on the same core. The entry of
// dist/cli.js, for the main thread and for the pool's threads, which run this same bundle.
import { availableParallelism } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { readArgs, USAGE, UsageError } from './args';
import type { LintOptions } from './lint';
import { lintAll, PARALLEL_MIN_FILES, threadsFor, WorkerPool, workerMain } from './pool';
import { Progress } from './progress';
import { relaunchedThreads, relaunchWithAllCoresFlags, shouldRunHere } from './relaunch';
import { printActions } from './actions';
import { printReports } from './report';
import { lintSettings } from './settings';
import { expandTargets, type Target } from './targets';

async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { settings, warnings } = lintSettings(args.config, args.profile);
  const options: LintOptions = { settings, withIncident: args.format === 'json' && !args.actions, withActions: args.actions !== false };
  // A relaunched run is a parallel one (its parent counted the files): its threads start up while the
  // files are found again.
  const early = relaunchedThreads();
  let pool = args.workers >= 2 && early !== null ? new WorkerPool(Math.min(args.workers, early), options) : null;
  let targets: Target[];
  try {
    targets = expandTargets(args.targets);
  } catch (error) {
    pool?.dismiss(0);
    throw error;
  }
  const threads = threadsFor(args.workers, targets.length);
  if (!pool && threads > 0) {
    // Threads on every core run faster in a process started with other V8 flags (see relaunch.ts).
    if (args.workers >= availableParallelism() && !shouldRunHere()) {
      const status = await relaunchWithAllCoresFlags(threads);
      if (status !== null) return status;
    }
    pool = new WorkerPool(threads, options);
  }
  for (const warning of warnings) process.stderr.write(`postmortem-lint: warning: ${warning}\n`);
  const progress = process.stderr.isTTY && targets.length >= PARALLEL_MIN_FILES ? new Progress(targets.length, process.stderr) : null;
  const outcomes = await lintAll(targets, options, pool, progress);
  progress?.finish();
  return args.actions ? printActions(targets, outcomes, args.format, args.actions) : printReports(targets, outcomes, args.format);
}

/** main, with bad usage reported the one way: the message, the usage text, exit status 2. */
async function mainWithUsage(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`postmortem-lint: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
}

if (isMainThread) {
  mainWithUsage(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`postmortem-lint: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  workerMain();
}
