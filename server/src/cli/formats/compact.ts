// --format compact: one line a finding, file:line:col severity code message (what editors' problem
// matchers read).
import type { FileReport } from '../../protocol';

export function compactFormat(reports: readonly FileReport[]): string {
  return reports.flatMap((report) => report.diagnostics.map((d) => `${report.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`)).join('');
}
