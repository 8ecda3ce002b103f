// Linting one file, the same on the main thread and on the pool's threads.
import { readFileSync } from 'node:fs';
import { analyzeDocument } from '../core/analyze';
import type { Settings } from '../core/config';
import { findingsOf } from '../rules/findings';
import type { FileReport } from '../protocol';
import { fileReport, type Outcome } from './report';

/** What every file is linted with; a pool thread gets it as its workerData. */
export interface LintOptions {
  settings: Settings;
  /** JSON reports carry the incident's window and duration, the front matter and the action items. */
  withIncident: boolean;
  /** Reports carry the action items (--actions). */
  withActions?: boolean;
}

/** The file's report; null when it is not a postmortem (an explicit file always is). Throws when it cannot be read. */
function lintFile(path: string, explicit: boolean, { settings, withIncident, withActions }: LintOptions): FileReport | null {
  const buffer = readFileSync(path);
  if (buffer.includes(0)) throw new Error('not a text file (it contains NUL bytes)');
  const model = analyzeDocument(buffer.toString('utf8'), settings, path, explicit);
  if (!model.isPostmortem) return null;
  const now = new Date();
  return fileReport(path, model, findingsOf(model, settings, now), { withIncident, withActions: withActions ?? false, now });
}

export function lintOutcome(path: string, explicit: boolean, options: LintOptions): Outcome {
  try {
    return { report: lintFile(path, explicit, options) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
