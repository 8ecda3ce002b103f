// The dashboard's content as HTML: the totals, then one card per chart. Pure: the webview, the
// exported file and the tests build it the same way; only the webview adds the Export button.
import type { IncidentStats, MonthFigures, Spread } from '../../../server/src/protocol';
import { escapeHtml } from '../../../server/src/shared/html';
import { plural } from '../../../server/src/shared/plural';
import { formatMinutes, shortMonth } from '../incidents/format';
import { barChart, lineChart, rowChart, type Row } from './charts';
import { timeUnitFor } from './scale';

/** media/ stylesheets, in order: the preview's theme variables and body, then the dashboard's own. */
export const DASHBOARD_STYLESHEETS = ['preview.css', 'dashboard.css'];

export interface DashboardOptions {
  /** The server's first scan is still running: the figures are partial. */
  scanning: boolean;
  /** The webview gets the Export button and clickable incidents; an exported file neither. */
  interactive: boolean;
  /** "2026-11-27 09:40 UTC": when the figures were taken (shown in exports). */
  takenAt?: string;
}

function card(title: string, content: string, note = ''): string {
  return `<section class="pm-panel"><h2>${escapeHtml(title)}</h2>${note ? `<p class="pm-caption">${escapeHtml(note)}</p>` : ''}${content}</section>`;
}

function incidentsPerMonth(months: MonthFigures[]): string {
  return barChart({
    id: 'pm-per-month',
    title: 'Incidents per month',
    description: months.map((m) => `${shortMonth(m.month)}: ${m.incidents}`).join(', '),
    unit: 'incidents',
    bars: months.map((m) => ({ label: shortMonth(m.month), value: m.incidents, title: `${shortMonth(m.month)}: ${plural(m.incidents, 'incident')}` })),
  });
}

/** Median and worst of one figure per month, in the unit its worst month reads best in. */
function trend(months: MonthFigures[], pick: (m: MonthFigures) => Spread, id: string, title: string): string {
  const spreads = months.map(pick);
  const unit = timeUnitFor(Math.max(0, ...spreads.map((s) => s.worst ?? 0)));
  const inUnit = (value: number | null) => (value === null ? null : Number((value / unit.minutes).toFixed(2)));
  const say = (kind: string) => (i: number) => `${shortMonth(months[i].month)}: ${kind} ${formatMinutes(kind === 'median' ? spreads[i].median ?? 0 : spreads[i].worst ?? 0)} over ${plural(spreads[i].count, 'incident')}`;
  return lineChart({
    id,
    title,
    description: months.map((m, i) => `${shortMonth(m.month)}: ${spreads[i].count ? `median ${formatMinutes(spreads[i].median ?? 0)}, worst ${formatMinutes(spreads[i].worst ?? 0)}` : 'no figure'}`).join('; '),
    unit: unit.name,
    labels: months.map((m) => shortMonth(m.month)),
    series: [
      { name: 'median', className: 'pm-series-median', values: spreads.map((s) => inUnit(s.median)), pointTitle: say('median') },
      { name: 'worst', className: 'pm-series-worst', values: spreads.map((s) => inUnit(s.worst)), pointTitle: say('worst') },
    ],
  });
}

function severityMix(stats: IncidentStats): string {
  const rows: Row[] = stats.severities.map(({ severity, count }) => ({
    label: severity ?? 'No severity',
    values: [{ value: count, className: 'pm-severity', title: `${severity ?? 'No severity'}: ${plural(count, 'incident')}` }],
    valueText: `${count}`,
  }));
  return rowChart({ id: 'pm-severities', title: 'Severity mix', description: rows.map((r) => `${r.label}: ${r.valueText}`).join(', '), unit: 'incidents', rows, whole: true });
}

function longest(stats: IncidentStats, interactive: boolean): string {
  const unit = timeUnitFor(Math.max(0, ...stats.longest.map((l) => l.durationMinutes)));
  const rows: Row[] = stats.longest.map((incident) => {
    const label = incident.title?.trim() || incident.path;
    // The document's stated length, where its window spans more (a lead-up) or there is none, says so.
    const length = `${formatMinutes(incident.durationMinutes)}${incident.durationFrom === 'stated' ? ' (stated)' : ''}`;
    return {
      label,
      values: [{ value: incident.durationMinutes / unit.minutes, className: 'pm-long', title: `${label} (${incident.path}): ${length}` }],
      valueText: length,
      uri: interactive ? incident.uri : undefined,
    };
  });
  return rowChart({ id: 'pm-longest', title: 'Longest incidents', description: rows.map((r) => `${r.label}: ${r.valueText}`).join(', '), unit: unit.name, rows });
}

function owners(stats: IncidentStats): string {
  const rows: Row[] = stats.owners.map(({ owner, open, overdue }) => {
    const label = owner ?? 'No owner';
    return {
      label,
      values: [
        { value: open, className: 'pm-open-items', title: `${label}: ${open} open` },
        { value: overdue, className: 'pm-overdue-items', title: `${label}: ${overdue} overdue` },
      ],
      valueText: `${open} open, ${overdue} overdue`,
    };
  });
  const legend = '<p class="pm-legend-row"><span class="pm-swatch pm-open-items"></span>open <span class="pm-swatch pm-overdue-items"></span>overdue (of the open)</p>';
  return rowChart({ id: 'pm-owners', title: 'Open and overdue action items by owner', description: rows.map((r) => `${r.label}: ${r.valueText}`).join(', '), unit: 'action items', rows, whole: true }) + legend;
}

export function renderDashboardBody(stats: IncidentStats, options: DashboardOptions): string {
  const { totals } = stats;
  const summary = `${plural(totals.incidents, 'incident')} · ${totals.openItems} open action items · ${totals.overdueItems} overdue`;
  const header = `<header class="pm-dashboard-header"><h1>Incident dashboard</h1><p class="pm-totals">${escapeHtml(summary)}</p>`
    + (options.scanning ? '<p class="pm-scanning" role="status">Scanning the workspace: the figures are partial.</p>' : '')
    + (options.takenAt ? `<p class="pm-caption">Figures as of ${escapeHtml(options.takenAt)}.</p>` : '')
    + (options.interactive ? '<button type="button" class="pm-export" data-action="export">Export to HTML</button>' : '')
    + '</header>';
  if (totals.incidents === 0) {
    return `${header}<p class="pm-empty">${options.scanning ? 'No postmortems read yet.' : 'No postmortems in this workspace yet.'}</p>`;
  }
  const undated = stats.undated ? `${plural(stats.undated, 'incident')} without a date ${stats.undated === 1 ? 'is' : 'are'} not in the monthly charts.` : '';
  const cards = [
    stats.months.length ? card('Incidents per month', incidentsPerMonth(stats.months), undated) : '',
    stats.months.length ? card('Time to detect', trend(stats.months, (m) => m.timeToDetect, 'pm-detect', 'Time to detect per month, median and worst')) : '',
    stats.months.length ? card('Time to resolve', trend(stats.months, (m) => m.timeToResolve, 'pm-resolve', 'Time to resolve per month, median and worst')) : '',
    stats.severities.length ? card('Severity mix', severityMix(stats)) : '',
    stats.longest.length ? card('Longest incidents', longest(stats, options.interactive), options.interactive ? 'Click one to open it.' : '') : '',
    stats.owners.length ? card('Action items by owner', owners(stats)) : card('Action items by owner', '<p class="pm-empty">No open action items.</p>'),
  ];
  return `${header}<div class="pm-panels">${cards.join('')}</div>`;
}
