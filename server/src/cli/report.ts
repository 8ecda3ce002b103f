// What postmortem-lint reports: a file's report (typed in the protocol; the JSON output is an array of
// them), built in one function, and the two output formats.
import { relative } from 'node:path';
import type { PostmortemModel } from '../core/model';
import { actionItemsResult, frontMatterResult } from '../features/actionItems';
import { incidentResult } from '../features/analysis';
import { reportRows } from '../features/diagnostics';
import type { FileReport } from '../protocol';
import type { Finding } from '../rules/rule';
import type { ReportFormat } from './args';
import type { Target } from './targets';

/** A linted file's outcome: its report (null: not a postmortem), or why it could not be linted. */
export type Outcome = { report: FileReport | null } | { error: string };

export interface ReportContents {
  /** The JSON report's extras: the incident, the front matter, the action items. */
  withIncident: boolean;
  /** The action items alone (--actions). */
  withActions: boolean;
  now: Date;
}

/** The report of a postmortem, from its model and findings. */
export function fileReport(path: string, model: PostmortemModel, findings: readonly Finding[], { withIncident, withActions, now }: ReportContents): FileReport {
  return {
    file: relative(process.cwd(), path) || path,
    diagnostics: reportRows(model, findings),
    incident: withIncident ? incidentResult(model) : undefined,
    frontMatter: withIncident ? frontMatterResult(model) : undefined,
    actionItems: withIncident || withActions ? actionItemsResult(model, now) : undefined,
  };
}

/** The postmortems' reports in target order; the files that could not be linted said on stderr. */
export function collectReports(targets: Target[], outcomes: Outcome[]): { reports: FileReport[]; unreadable: boolean } {
  const reports: FileReport[] = [];
  let unreadable = false;
  outcomes.forEach((outcome, i) => {
    if ('error' in outcome) {
      unreadable = true;
      process.stderr.write(`postmortem-lint: cannot lint ${relative(process.cwd(), targets[i].path)}: ${outcome.error}\n`);
    } else if (outcome.report) {
      reports.push(outcome.report);
    }
  });
  return { reports, unreadable };
}

export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Prints the reports in target order (files that could not be linted on stderr) and returns the exit
 * status: 2 when a file could not be linted, 1 when there are errors, otherwise 0.
 */
export function printReports(targets: Target[], outcomes: Outcome[], format: ReportFormat): number {
  const { reports, unreadable } = collectReports(targets, outcomes);
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  } else {
    for (const report of reports) {
      for (const d of report.diagnostics) process.stdout.write(`${report.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`);
    }
    const errors = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
    const warnings = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
    process.stderr.write(`${plural(reports.length, 'postmortem')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
  }
  if (unreadable) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
