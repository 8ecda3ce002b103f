// --format text, for people: findings grouped under their file, columns aligned, coloured on a
// terminal (the caller decides when).
import { styleText } from 'node:util';
import type { FileReport, ReportRow } from '../../protocol';

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<ReportRow['severity'], Style> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'gray' };

export function textFormat(reports: readonly FileReport[], color: boolean): string {
  // validateStream off: whether to colour is decided by the caller (terminal, NO_COLOR, --no-color).
  const paint = (style: Style, text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
  const blocks: string[] = [];
  for (const report of reports) {
    if (!report.diagnostics.length) continue;
    const rows = report.diagnostics.map((d) => ({ at: `${d.line}:${d.column}`, d }));
    const atWidth = Math.max(...rows.map((row) => row.at.length));
    const severityWidth = Math.max(...rows.map((row) => row.d.severity.length));
    const lines = rows.map(({ at, d }) => {
      const severity = paint(SEVERITY_STYLE[d.severity], d.severity.padEnd(severityWidth));
      return `  ${paint('dim', at.padEnd(atWidth))}  ${severity}  ${d.message}  ${paint('dim', d.code)}`;
    });
    blocks.push(`${paint('underline', report.file)}\n${lines.join('\n')}\n`);
  }
  return blocks.join('\n');
}
