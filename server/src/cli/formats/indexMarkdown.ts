// `postmortem-lint report --format markdown`: the incident index as an INDEX.md a CI job regenerates.
// Deterministic: the same files give the same bytes (no clock time, no absolute path).
import { GENERATED_INDEX_MARKER, type IncidentReportTables } from '../../service/incidentReport';
import { plural } from '../../shared/plural';

/** Text inside a table cell: Markdown's own characters and the cell's pipe escaped, lines joined. */
export function markdownCell(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]|<>#]/g, '\\$&');
}

/** A link target that survives spaces and parentheses in file names. */
export function markdownHref(path: string): string {
  return encodeURI(path).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function indexMarkdown(tables: IncidentReportTables): string {
  const { totals } = tables;
  const parts = [
    '# Incident index',
    `${GENERATED_INDEX_MARKER}: edit the postmortems, not this file. -->`,
    `${plural(totals.incidents, 'incident')}; ${plural(totals.openItems, 'open action item')}, ${totals.overdueItems} overdue.`,
    '## Incidents',
    tables.incidents.length === 0 ? 'No postmortems found.' : table(
      ['Date', 'Incident', 'Severity', 'Status', 'Duration', 'Time to detect', 'Time to resolve', 'Open items', 'Overdue', 'Problems'],
      tables.incidents.map((row) => [
        row.date, `[${markdownCell(row.title)}](${markdownHref(row.path)})`, markdownCell(row.severity), markdownCell(row.status),
        row.duration, row.timeToDetect, row.timeToResolve, row.openItems, row.overdueItems, row.problems,
      ]),
    ),
    '## By month',
    'Durations as median / worst.',
    tables.months.length === 0 ? 'No dated incidents.' : table(
      ['Month', 'Incidents', 'Duration', 'Time to detect', 'Time to resolve'],
      tables.months.map((row) => [row.month, row.incidents, row.duration, row.timeToDetect, row.timeToResolve]),
    ),
    ...(tables.undated ? [`${plural(tables.undated, 'incident')} without a date.`] : []),
    '## Open action items by owner',
    tables.owners.length === 0 ? 'No open action items.' : table(
      ['Owner', 'Open', 'Overdue'],
      tables.owners.map((row) => [markdownCell(row.owner), row.open, row.overdue]),
    ),
  ];
  return `${parts.join('\n\n')}\n`;
}
