// What postmortem-lint reports: the reports (typed in the protocol, built by service/lint.ts), what
// --fix did to a file, and the tallies that decide the exit status.
import { relative } from 'node:path';
import type { FileReport } from '../protocol';
import { plural } from '../shared/plural';
import type { Target } from './targets';

/** What --fix or --fix-dry-run did to a file that had something to fix. */
export interface FileFix {
  /** Problems gone after the fixes. */
  solved: number;
  /** With --fix-dry-run: the unified diff of the fixes. */
  diff?: string;
}

/**
 * A linted file's outcome: its report (null: not a postmortem) and what the fixes changed, or why it
 * could not be linted.
 */
export type Linted = { report: FileReport | null; fix?: FileFix };
export type Outcome = Linted | { error: string };

/** Says on stderr why a file could not be linted. */
export function reportUnreadable(path: string, error: string): void {
  process.stderr.write(`postmortem-lint: cannot lint ${relative(process.cwd(), path) || path}: ${error}\n`);
}

/** The postmortems' reports in target order; the files that could not be linted said on stderr. */
export function collectReports(targets: Target[], outcomes: Outcome[]): { reports: FileReport[]; unreadable: boolean } {
  const reports: FileReport[] = [];
  let unreadable = false;
  outcomes.forEach((outcome, i) => {
    if ('error' in outcome) {
      unreadable = true;
      reportUnreadable(targets[i].path, outcome.error);
    } else if (outcome.report) {
      reports.push(outcome.report);
    }
  });
  return { reports, unreadable };
}

export interface Tally {
  postmortems: number;
  errors: number;
  warnings: number;
}

export function tally(reports: readonly FileReport[]): Tally {
  const count = (severity: string) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
  return { postmortems: reports.length, errors: count('error'), warnings: count('warning') };
}

/** The summary line: "2 postmortems checked: 3 errors, 5 warnings". */
export function summaryLine({ postmortems, errors, warnings }: Tally): string {
  return `${plural(postmortems, 'postmortem')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** --quiet: errors only. */
export function errorsOnly(reports: readonly FileReport[]): FileReport[] {
  return reports.map((report) => ({ ...report, diagnostics: report.diagnostics.filter((d) => d.severity === 'error') }));
}

/** 2 when a file could not be linted, 1 with errors or more warnings than allowed, otherwise 0. */
export function exitStatus(unreadable: boolean, { errors, warnings }: Tally, maxWarnings: number | undefined): number {
  if (unreadable) return 2;
  return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}
