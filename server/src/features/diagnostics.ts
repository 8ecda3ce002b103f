// Findings at the edges: LSP diagnostics for the server, 1-based report rows for the CLI. The rules
// (../rules) find problems as offsets with severity names; only here do they become positions.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Settings } from '../core/config';
import type { PostmortemModel } from '../core/model';
import { DIAGNOSTIC_SOURCE, type ReportRow } from '../protocol';
import { findingsOf } from '../rules/findings';
import { ruleFor } from '../rules/index';
import type { Finding, ReportedSeverity } from '../rules/rule';

const LSP_SEVERITY: Record<ReportedSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The findings as LSP diagnostics, in the same order. */
export function toDiagnostics(model: PostmortemModel, findings: readonly Finding[]): Diagnostic[] {
  const { index } = model.lines;
  return findings.map((finding) => {
    // Rules that explain themselves at length in the README link their code there (VS Code shows the link).
    const documentation = ruleFor(finding.code)?.documentation;
    return {
      range: index.range(finding.start, finding.end),
      severity: LSP_SEVERITY[finding.severity],
      source: DIAGNOSTIC_SOURCE,
      code: finding.code,
      ...(documentation ? { codeDescription: { href: documentation } } : {}),
      message: finding.message,
      data: finding.data,
    };
  });
}

export function computeDiagnostics(model: PostmortemModel, settings: Settings, now?: Date): Diagnostic[] {
  if (!model.isPostmortem) return [];
  return toDiagnostics(model, findingsOf(model, settings, now));
}


/** The findings as the CLI's rows, by where they start (findings at the same place keep their order). */
export function reportRows(model: PostmortemModel, findings: readonly Finding[]): ReportRow[] {
  const { index } = model.lines;
  return findings
    .map((finding) => ({ finding, range: index.range(finding.start, finding.end) }))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map(({ finding, range }) => ({
      line: range.start.line + 1,
      column: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
      severity: finding.severity,
      code: finding.code,
      message: finding.message,
    }));
}
