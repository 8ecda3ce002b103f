// The dashboard's charts as SVG strings: vertical bars, lines with gaps, horizontal bars. Every label
// is escaped, every axis says its unit, and every chart and mark has a <title> a screen reader reads.
// Colours are classes the stylesheet maps to VS Code's chart colours (and plain fallbacks, exported).
import { escapeHtml } from '../../../server/src/shared/html';
import { niceTicks, project } from './scale';

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 16, bottom: 44, left: 56 };
const PLOT = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };

export interface ChartFrame {
  /** Unique in the page: the chart's <title> and <desc> are found by it. */
  id: string;
  title: string;
  /** What the chart shows, in one sentence (its <desc>). */
  description: string;
}

function open(frame: ChartFrame, height: number, className: string): string {
  const id = escapeHtml(frame.id);
  return `<svg class="pm-chart ${className}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="${id}-title">${escapeHtml(frame.title)}</title><desc id="${id}-desc">${escapeHtml(frame.description)}</desc>`;
}

/** The value axis at the left: gridlines, tick labels and the unit written along it. */
function valueAxis(ticks: number[], unit: string): string {
  const top = ticks[ticks.length - 1];
  const lines = ticks.map((tick) => {
    const y = project(tick, top, PLOT.bottom, PLOT.top);
    return `<line class="pm-grid" x1="${PLOT.left}" x2="${PLOT.right}" y1="${y}" y2="${y}"/><text class="pm-tick" x="${PLOT.left - 6}" y="${y + 4}" text-anchor="end">${tick}</text>`;
  });
  const middle = (PLOT.top + PLOT.bottom) / 2;
  return `<g class="pm-chart-axis">${lines.join('')}<text class="pm-unit" x="14" y="${middle}" text-anchor="middle" transform="rotate(-90 14 ${middle})">${escapeHtml(unit)}</text>`
    + `<line class="pm-baseline" x1="${PLOT.left}" x2="${PLOT.right}" y1="${PLOT.bottom}" y2="${PLOT.bottom}"/></g>`;
}

/** Category labels under the plot, centred on each slot; thinned out when there are many. */
function categoryAxis(labels: string[]): string {
  const slot = (PLOT.right - PLOT.left) / Math.max(labels.length, 1);
  const every = Math.max(1, Math.ceil(labels.length / 12));
  return `<g class="pm-chart-axis">${labels.map((label, i) => (i % every === 0
    ? `<text class="pm-tick" x="${(PLOT.left + slot * (i + 0.5)).toFixed(2)}" y="${PLOT.bottom + 16}" text-anchor="middle">${escapeHtml(label)}</text>`
    : '')).join('')}</g>`;
}

export interface Bar {
  label: string;
  value: number;
  /** The bar's own <title>: "Mar 24: 3 incidents". */
  title: string;
}

/** Vertical bars over categories (incidents per month): counts, so whole ticks. */
export function barChart(frame: ChartFrame & { unit: string; bars: Bar[] }): string {
  const ticks = niceTicks(Math.max(0, ...frame.bars.map((bar) => bar.value)), { whole: true });
  const top = ticks[ticks.length - 1];
  const slot = (PLOT.right - PLOT.left) / Math.max(frame.bars.length, 1);
  const width = Math.max(2, Math.min(48, slot * 0.7));
  const bars = frame.bars.map((bar, i) => {
    const y = project(bar.value, top, PLOT.bottom, PLOT.top);
    const x = (PLOT.left + slot * (i + 0.5) - width / 2).toFixed(2);
    return `<rect class="pm-bar" x="${x}" y="${y}" width="${width.toFixed(2)}" height="${(PLOT.bottom - y).toFixed(2)}"><title>${escapeHtml(bar.title)}</title></rect>`;
  });
  return `${open(frame, HEIGHT, 'pm-bars')}${valueAxis(ticks, frame.unit)}${bars.join('')}${categoryAxis(frame.bars.map((bar) => bar.label))}</svg>`;
}

export interface Series {
  name: string;
  /** The stylesheet's colour for it: pm-series-1, pm-series-2 … */
  className: string;
  /** One per category; null: no figure that month (a gap in the line). */
  values: Array<number | null>;
  /** A point's <title>. */
  pointTitle(index: number, value: number): string;
}

/** Lines over categories (median and worst per month), bridged faintly where a value is missing, with a legend. */
export function lineChart(frame: ChartFrame & { unit: string; labels: string[]; series: Series[] }): string {
  const all = frame.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const ticks = niceTicks(Math.max(0, ...all));
  const top = ticks[ticks.length - 1];
  const slot = (PLOT.right - PLOT.left) / Math.max(frame.labels.length, 1);
  const x = (i: number) => (PLOT.left + slot * (i + 0.5)).toFixed(2);
  const lines = frame.series.map((series) => {
    const runs: string[][] = [[]];
    const points: string[] = [];
    series.values.forEach((value, i) => {
      if (value === null) {
        runs.push([]);
        return;
      }
      const y = project(value, top, PLOT.bottom, PLOT.top);
      runs[runs.length - 1].push(`${x(i)},${y}`);
      points.push(`<circle class="pm-point" cx="${x(i)}" cy="${y}" r="3.5"><title>${escapeHtml(series.pointTitle(i, value))}</title></circle>`);
    });
    const filled = runs.filter((run) => run.length > 0);
    const paths = filled.filter((run) => run.length > 1).map((run) => `<polyline class="pm-line" points="${run.join(' ')}"/>`);
    // Across quiet months the trend goes on, drawn faint: the months between have no figure, not a zero.
    const bridges = filled.slice(1).map((run, i) => {
      const [x1, y1] = filled[i][filled[i].length - 1].split(',');
      const [x2, y2] = run[0].split(',');
      return `<line class="pm-line pm-bridge" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`;
    });
    return `<g class="${escapeHtml(series.className)}">${bridges.join('')}${paths.join('')}${points.join('')}</g>`;
  });
  const legend = frame.series.map((series, i) => {
    const lx = PLOT.left + i * 120;
    return `<g class="${escapeHtml(series.className)}"><line class="pm-line" x1="${lx}" x2="${lx + 18}" y1="${HEIGHT - 8}" y2="${HEIGHT - 8}"/><text class="pm-legend" x="${lx + 24}" y="${HEIGHT - 4}">${escapeHtml(series.name)}</text></g>`;
  });
  // The first series drawn last, on top: where two lines meet (one incident a month) it stays visible.
  return `${open(frame, HEIGHT, 'pm-lines')}${valueAxis(ticks, frame.unit)}${lines.reverse().join('')}${categoryAxis(frame.labels)}${legend.join('')}</svg>`;
}

export interface Row {
  label: string;
  /** Drawn in order from 0, each over the one before (open, then overdue over it). */
  values: Array<{ value: number; className: string; title: string }>;
  /** Written after the bars: "3 open, 1 overdue". */
  valueText: string;
  /** A server URI: the row is a link the page script opens (the longest incidents). */
  uri?: string;
}

const ROW_HEIGHT = 26;
const LABEL_WIDTH = 220;
const LABEL_CHARACTERS = 32;

/** "A very long title th…": labels cut to fit their column (the full text is in the row's <title>). */
function fit(label: string): string {
  return label.length > LABEL_CHARACTERS ? `${label.slice(0, LABEL_CHARACTERS - 1)}…` : label;
}

/** Horizontal bars, one row each (severity mix, longest incidents, items by owner), with the unit under them; `whole` for counts. */
export function rowChart(frame: ChartFrame & { unit: string; rows: Row[]; whole?: boolean }): string {
  const height = MARGIN.top + frame.rows.length * ROW_HEIGHT + 28;
  const ticks = niceTicks(Math.max(0, ...frame.rows.flatMap((row) => row.values.map((v) => v.value))), { whole: frame.whole });
  const top = ticks[ticks.length - 1];
  const left = LABEL_WIDTH;
  const right = WIDTH - 90;
  const rows = frame.rows.map((row, i) => {
    const y = MARGIN.top + i * ROW_HEIGHT;
    const bars = row.values.map((part) => `<rect class="pm-bar ${escapeHtml(part.className)}" x="${left}" y="${y + 4}" width="${(project(part.value, top, left, right) - left).toFixed(2)}" height="${ROW_HEIGHT - 8}"><title>${escapeHtml(part.title)}</title></rect>`);
    const end = Math.max(...row.values.map((part) => project(part.value, top, left, right)), left);
    const label = `<text class="pm-row-label" x="${left - 8}" y="${y + ROW_HEIGHT / 2 + 4}" text-anchor="end">${escapeHtml(fit(row.label))}</text>`;
    const value = `<text class="pm-row-value" x="${end + 6}" y="${y + ROW_HEIGHT / 2 + 4}">${escapeHtml(row.valueText)}</text>`;
    const body = `<title>${escapeHtml(`${row.label}: ${row.valueText}`)}</title>${label}${bars.join('')}${value}`;
    return row.uri
      ? `<g class="pm-row pm-open" role="link" tabindex="0" data-uri="${escapeHtml(row.uri)}">${body}</g>`
      : `<g class="pm-row">${body}</g>`;
  });
  const bottom = MARGIN.top + frame.rows.length * ROW_HEIGHT;
  const axis = ticks.map((tick) => {
    const x = project(tick, top, left, right);
    return `<line class="pm-grid" x1="${x}" x2="${x}" y1="${MARGIN.top}" y2="${bottom}"/><text class="pm-tick" x="${x}" y="${bottom + 14}" text-anchor="middle">${tick}</text>`;
  });
  const unit = `<text class="pm-unit" x="${right}" y="${bottom + 26}" text-anchor="end">${escapeHtml(frame.unit)}</text>`;
  return `${open(frame, height, 'pm-rows')}<g class="pm-chart-axis">${axis.join('')}${unit}</g>${rows.join('')}</svg>`;
}
