// Linting one file, the same on the main thread and on the pool's threads.
import { readFileSync } from 'node:fs';
import type { FileReport } from '../protocol';
import { lintText, type LintTextOptions } from '../service/lint';
import type { Outcome } from './report';

/** What every file is linted with; a pool thread gets it as its workerData. */
export type LintOptions = Omit<LintTextOptions, 'explicit'>;

/** The file's report; null when it is not a postmortem (an explicit file always is). Throws when it cannot be read. */
function lintFile(path: string, explicit: boolean, options: LintOptions): FileReport | null {
  const buffer = readFileSync(path);
  if (buffer.includes(0)) throw new Error('not a text file (it contains NUL bytes)');
  return lintText(buffer.toString('utf8'), path, { ...options, explicit });
}

export function lintOutcome(path: string, explicit: boolean, options: LintOptions): Outcome {
  try {
    return { report: lintFile(path, explicit, options) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
