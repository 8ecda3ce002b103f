// One document's text linted in one go, for hosts without per-document state (the command line's
// threads): the same model, rules and report as the language server's.
import { relative } from 'node:path';
import { analyzeDocument } from '../core/analyze';
import type { Settings } from '../core/config';
import { incidentResult } from '../features/analysis';
import { reportRows } from '../features/diagnostics';
import type { FileReport } from '../protocol';
import { findingsOf } from '../rules/findings';

export interface LintTextOptions {
  settings: Settings;
  /** Named on the command line: linted whatever it looks like. */
  explicit: boolean;
  /** The report carries the incident's window and duration (JSON reports). */
  withIncident: boolean;
}

/** The report of the document at `path`; null when it is not a postmortem. */
export function lintText(text: string, path: string, { settings, explicit, withIncident }: LintTextOptions): FileReport | null {
  const model = analyzeDocument(text, settings, path, explicit);
  if (!model.isPostmortem) return null;
  return {
    file: relative(process.cwd(), path) || path,
    diagnostics: reportRows(model, findingsOf(model, settings)),
    incident: withIncident ? incidentResult(model) : undefined,
  };
}
