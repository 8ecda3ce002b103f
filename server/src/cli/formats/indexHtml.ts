// `postmortem-lint report --format html`: the incident index as one self-contained page: no script,
// nothing remote, every text escaped; a CSP that says so.
import type { IncidentReportTables } from '../../service/incidentReport';
import { plural as counted } from '../../shared/plural';
import { escapeHtml } from '../../shared/html';

function table(header: string[], rows: string[][]): string {
  const head = header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const text = (value: string | number) => escapeHtml(String(value));

const STYLE = `body{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#1f2328}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left}
th{background:#f6f8fa}td{white-space:nowrap}td a{white-space:normal}`;

const plural = (n: number, noun: string) => escapeHtml(counted(n, noun));

export function indexHtml(tables: IncidentReportTables): string {
  const { totals } = tables;
  const sections = [
    `<h1>Incident index</h1>`,
    `<p>${plural(totals.incidents, 'incident')}; ${plural(totals.openItems, 'open action item')}, ${text(totals.overdueItems)} overdue.</p>`,
    `<h2>Incidents</h2>`,
    tables.incidents.length === 0 ? '<p>No postmortems found.</p>' : table(
      ['Date', 'Incident', 'Severity', 'Status', 'Duration', 'Time to detect', 'Time to resolve', 'Open items', 'Overdue', 'Problems'],
      tables.incidents.map((row) => [
        text(row.date), `<a href="${escapeHtml(encodeURI(row.path))}">${text(row.title)}</a>`, text(row.severity), text(row.status),
        text(row.duration), text(row.timeToDetect), text(row.timeToResolve), text(row.openItems), text(row.overdueItems), text(row.problems),
      ]),
    ),
    `<h2>By month</h2>`,
    '<p>Durations as median / worst.</p>',
    tables.months.length === 0 ? '<p>No dated incidents.</p>' : table(
      ['Month', 'Incidents', 'Duration', 'Time to detect', 'Time to resolve'],
      tables.months.map((row) => [text(row.month), text(row.incidents), text(row.duration), text(row.timeToDetect), text(row.timeToResolve)]),
    ),
    ...(tables.undated ? [`<p>${plural(tables.undated, 'incident')} without a date.</p>`] : []),
    `<h2>Open action items by owner</h2>`,
    tables.owners.length === 0 ? '<p>No open action items.</p>' : table(
      ['Owner', 'Open', 'Overdue'],
      tables.owners.map((row) => [text(row.owner), text(row.open), text(row.overdue)]),
    ),
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Incident index</title>
<style>${STYLE}</style>
</head>
<body>
${sections.join('\n')}
</body>
</html>
`;
}
