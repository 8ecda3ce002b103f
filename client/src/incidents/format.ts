// How the views and the dashboard write the index's figures: compact durations and month names.
// Pure (no vscode), for the tests and the dashboard's exported page alike.
import type { LifecyclePoint, MomentSource } from '../../../server/src/protocol';

/** "45m", "2h 5m", "1d 3h": the compact form the status bar and the hints use. */
export function formatMinutes(minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const units: Array<[number, string]> = [[Math.floor(total / 1440), 'd'], [Math.floor((total % 1440) / 60), 'h'], [total % 60, 'm']];
  const shown = units.filter(([value]) => value > 0).map(([value, unit]) => `${value}${unit}`);
  return (minutes < 0 ? '-' : '') + (shown.length ? shown.join(' ') : '0m');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-03" → "March 2024"; anything else as it is. */
export function monthName(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const name = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && name ? `${name} ${match[1]}` : month;
}

/** "2024-03" → "Mar 24", for a chart's axis. */
export function shortMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const name = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && name ? `${name.slice(0, 3)} ${match[1].slice(2)}` : month;
}

const SOURCES: Readonly<Record<MomentSource, string>> = {
  'front-matter': 'front matter',
  marker: 'timeline marker',
  words: 'timeline words',
  prose: 'a sentence',
  summary: 'summary',
  timeline: 'timeline',
};

/** "detected (timeline marker, line 14: “[detected] paged”)": where a moment was read. */
export function describePoint(point: LifecyclePoint): string {
  const line = point.line === null ? '' : `, line ${point.line + 1}`;
  const text = point.text ? `: “${point.text}”` : '';
  return `${point.moment} (${SOURCES[point.source]}${line}${text})`;
}
