// The report formats by name: what goes to the output stream for a run's reports.
import type { FileReport } from '../../protocol';
import type { ReportFormat } from '../args';
import { compactFormat } from './compact';
import { githubFormat } from './github';
import { sarifLog } from './sarif';
import { textFormat } from './text';

export interface FormatOptions {
  color: boolean;
  /** The folder SARIF locations are relative to. */
  sarifBase: string;
}

export function formatReports(reports: readonly FileReport[], format: ReportFormat, { color, sarifBase }: FormatOptions): string {
  switch (format) {
    case 'text':
      return textFormat(reports, color);
    case 'compact':
      return compactFormat(reports);
    case 'json':
      return `${JSON.stringify(reports, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(sarifLog(reports, sarifBase), null, 2)}\n`;
    case 'github':
      return githubFormat(reports);
  }
}
