// postmortem-lint: the server's diagnostics for CI pipelines, on the same core. The entry of
// dist/cli.js, for the main thread and for the pool's threads, which run this same bundle.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { FileReport } from '../protocol';
import { readArgs, USAGE, UsageError, type LintArgs } from './args';
import { formatReports } from './formats/index';
import { lintSource, STDIN_NAME, unifiedDiff, type LintOptions } from './lint';
import { printActions } from './actions';
import { REPORT_COMMAND, REPORT_USAGE, runReport } from './indexReport';
import { packageInfo } from './packageInfo';
import { lintAll, PARALLEL_MIN_FILES, threadsFor, WorkerPool, workerMain } from './pool';
import { Progress } from './progress';
import { relaunchedThreads, relaunchWithAllCoresFlags, shouldRunHere } from './relaunch';
import { plural } from '../shared/plural';
import { errorsOnly, exitStatus, reportUnreadable, summaryLine, tally, type Outcome } from './report';
import { BadConfigError, lintSettings } from './settings';
import { expandTargets, type Target } from './targets';

async function main(argv: string[]): Promise<number> {
  if (argv[0] === REPORT_COMMAND) return runReport(argv.slice(1));
  const invocation = readArgs(argv);
  if (invocation.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (invocation.kind === 'version') {
    process.stdout.write(`${packageInfo().version}\n`);
    return 0;
  }
  const args = invocation;
  const { settings, warnings } = lintSettings(args);
  const options: LintOptions = { settings, withIncident: args.format === 'json' && !args.actions, withActions: args.actions !== false, now: new Date(), fix: args.fix };
  if (args.stdin) {
    for (const warning of warnings) process.stderr.write(`postmortem-lint: warning: ${warning}\n`);
    return lintStdin(args, args.stdin.filename, options);
  }
  // A relaunched run is a parallel one (its parent counted the files): its threads start up while the
  // files are found again.
  const early = relaunchedThreads();
  let pool = args.workers >= 2 && early !== null ? new WorkerPool(Math.min(args.workers, early), options) : null;
  let targets: Target[];
  try {
    targets = expandTargets(args.targets, args.postmortemsOnly);
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
  // Printed here, after any relaunch: the relaunched process prints them itself.
  for (const warning of warnings) process.stderr.write(`postmortem-lint: warning: ${warning}\n`);
  const progress = process.stderr.isTTY && targets.length >= PARALLEL_MIN_FILES ? new Progress(targets.length, process.stderr) : null;
  const outcomes = await lintAll(targets, options, pool, progress);
  progress?.finish();
  if (args.actions) return printActions(targets, outcomes, args.format, args.actions);
  return finish(args, targets.map((target) => target.path), outcomes, null);
}

/** --stdin: the text of standard input, under --stdin-filename's name (which decides discovery) or none. */
function lintStdin(args: LintArgs, filename: string | null, options: LintOptions): number {
  const text = readFileSync(0, 'utf8');
  const path = filename === null ? null : resolve(filename);
  const { fixedText, ...outcome } = lintSource(text, path, filename === null, { ...options, fix: args.fix === 'none' ? 'none' : 'dry-run' });
  // With --fix the fixed text (or the text, when there is nothing to fix) is the output.
  if (args.fix === 'write') process.stdout.write(fixedText ?? text);
  const name = path ?? STDIN_NAME;
  const fix = args.fix === 'dry-run' && fixedText !== undefined && outcome.fix
    ? { ...outcome.fix, diff: unifiedDiff(name, text, fixedText) }
    : outcome.fix;
  return finish(args, [name], [{ ...outcome, fix }], args.fix === 'write' ? process.stderr : null);
}

/**
 * Prints what a run found and returns its exit status: files that could not be linted and what --fix
 * did on stderr; the reports in the chosen format on stdout, or on `reportStream` (stderr when stdout
 * carries a diff or fixed text); the text format's summary on stderr.
 */
function finish(args: LintArgs, paths: string[], outcomes: Outcome[], reportStream: NodeJS.WritableStream | null): number {
  const reports: FileReport[] = [];
  let unreadable = false;
  let diffs = '';
  outcomes.forEach((outcome, i) => {
    const name = relative(process.cwd(), paths[i]) || paths[i];
    if ('error' in outcome) {
      unreadable = true;
      reportUnreadable(paths[i], outcome.error);
      return;
    }
    if (outcome.fix?.diff) diffs += outcome.fix.diff;
    else if (outcome.fix) process.stderr.write(`postmortem-lint: fixed ${name} (${plural(outcome.fix.solved, 'problem')} solved)\n`);
    if (outcome.report) reports.push(outcome.report);
  });
  const stream = reportStream ?? (args.fix === 'dry-run' ? process.stderr : process.stdout);
  if (args.fix === 'dry-run') process.stdout.write(diffs);
  const shown = args.quiet ? errorsOnly(reports) : reports;
  stream.write(formatReports(shown, args.format, { color: args.color, sarifBase: args.sarifBase ?? process.cwd() }));
  const counts = tally(reports);
  if (args.format === 'text' || args.format === 'compact') process.stderr.write(`${summaryLine(args.quiet ? tally(shown) : counts)}\n`);
  return exitStatus(unreadable, counts, args.maxWarnings);
}

/** main, with bad usage reported the one way: the message, the usage text, exit status 2. */
async function mainWithUsage(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    if (error instanceof BadConfigError) {
      process.stderr.write(`postmortem-lint: ${error.message}\n`);
      return 2;
    }
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`postmortem-lint: ${error.message}\n\n${argv[0] === REPORT_COMMAND ? REPORT_USAGE : USAGE}\n`);
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
