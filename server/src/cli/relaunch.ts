// When the lint workers take every core, V8's own background threads (concurrent garbage collection,
// optimizing compilation) can only compete with them: measured on 2 cores and 2,000 files, 2 workers
// finish about 8% sooner without them. Every worker also compiles the same code for itself, and a
// smaller inlining budget makes those compiles cheaper (about 5% more). One worker, on the other
// hand, gains from the background threads (they run on the idle cores). V8 reads these flags when the
// process starts (setting them later crashed it), so the CLI starts itself again, once, with them.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { ALL_CORES_V8_FLAGS } from '../shared/serverLaunch';
/**
 * Set in the relaunched process's environment to the number of threads its parent worked out: it can
 * start them before it finds the files again.
 */
export const RELAUNCHED_ENV = 'POSTMORTEM_LINT_RELAUNCHED';

/** Started with the flags already, or under a debugger (which a second process would escape): run here. */
export function shouldRunHere(): boolean {
  return ALL_CORES_V8_FLAGS.every((flag) => process.execArgv.includes(flag)) || process.execArgv.some((arg) => arg.startsWith('--inspect'));
}

/** In the process that relaunchWithAllCoresFlags started: the threads its parent worked out; otherwise null. */
export function relaunchedThreads(): number | null {
  const threads = Number(process.env[RELAUNCHED_ENV]);
  return Number.isInteger(threads) && threads >= 2 && shouldRunHere() ? threads : null;
}

/**
 * Runs this same command again in a process started with the flags, its output going straight to
 * ours. Resolves to its exit status, or to null when it could not be started (run in this process).
 */
export function relaunchWithAllCoresFlags(threads: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, ...ALL_CORES_V8_FLAGS, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, [RELAUNCHED_ENV]: String(threads) },
    });
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of signals) process.on(signal, forward);
    const done = (status: number | null) => {
      for (const signal of signals) process.off(signal, forward);
      resolve(status);
    };
    child.on('error', () => done(null));
    child.on('exit', (code, signal) => {
      if (code !== null) done(code);
      // Killed by a signal: report it the way a shell does.
      else done(128 + (signal ? constants.signals[signal] ?? 0 : 0));
    });
  });
}
