// --format github: one workflow command a finding (::error file=…,line=…::message), which GitHub
// Actions shows as an annotation on the pull request's diff. Escaped as the runner reads them.
import type { FileReport, ReportRow } from '../../protocol';

const COMMAND: Record<ReportRow['severity'], string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A command's message: %, CR and LF escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as data, and also the ":" and "," that separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubFormat(reports: readonly FileReport[]): string {
  return reports.flatMap((report) => report.diagnostics.map((d) => {
    const properties = [
      ['file', report.file.split('\\').join('/')],
      ['line', String(d.line)],
      ['col', String(d.column)],
      ['endLine', String(d.endLine)],
      ['endColumn', String(d.endColumn)],
      ['title', d.code],
    ].map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
    return `::${COMMAND[d.severity]} ${properties}::${escapeData(d.message)}\n`;
  })).join('');
}
