// What the e2e workspace's postmortems hold, read from the fixture files themselves, so that the
// index scenarios expect what the files imply (titles, durations, months, severities, action
// items) and stay in step when the fixture is edited. Not a Markdown parser: it reads the shapes
// the fixture is written in, and the scenarios check that those shapes are still there.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_WORKSPACE } from './config.mjs';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2h 30m" from minutes, as the views write durations. */
function compact(minutes) {
  return [Math.floor(minutes / 60) ? `${Math.floor(minutes / 60)}h` : '', minutes % 60 ? `${minutes % 60}m` : ''].filter(Boolean).join(' ');
}

function markdownFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

/** The rows of the action-item tables: `| text | owner | YYYY-MM-DD | status |`, in file order. */
function actionItems(text) {
  return [...text.matchAll(/^\| (.+?) \| (.+?) \| (\d{4}-\d{2}-\d{2}) \| (\w+) \|$/gm)]
    .map((m) => ({ text: m[1], owner: m[2], due: m[3], done: /^(done|closed|fixed)$/i.test(m[4]) }));
}

/**
 * Every postmortem of the fixture (a file with `- **HH:MM UTC:**` timeline entries): its file,
 * title (front matter's, else the H1's), timeline span, date (front matter's, else the first date
 * in the text), severity (front matter's, or null) and action items.
 */
export function fixtureIncidents(root = FIXTURE_WORKSPACE) {
  return markdownFiles(root).flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const times = [...text.matchAll(/^- \*\*(\d{1,2}):(\d{2}) UTC:\*\*/gm)].map((m) => Number(m[1]) * 60 + Number(m[2]));
    if (!times.length) return [];
    const title = (/^title: (.+)$/m.exec(text) ?? /^# (?:Postmortem: )?(.+)$/m.exec(text))[1].trim();
    const date = (/^date: (\d{4}-\d{2}-\d{2})$/m.exec(text) ?? /\d{4}-\d{2}-\d{2}/.exec(text))[0].slice(-10);
    return [{
      file: path.relative(root, file),
      title,
      duration: compact(Math.max(...times) - Math.min(...times)),
      date,
      severity: /^severity: (.+)$/m.exec(text)?.[1].trim() ?? null,
      items: actionItems(text),
    }];
  });
}

const byText = (a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
const newestFirst = (a, b) => b.date.localeCompare(a.date) || byText(a.file, b.file);

/**
 * The Incidents view's rows as the README describes them, `[group label, member titles]` in
 * order: by month, newest month first; by severity, most severe name first and "No severity"
 * last; members newest first.
 */
export function expectedIncidentGroups(incidents, by) {
  const groups = new Map();
  for (const incident of [...incidents].sort(newestFirst)) {
    const label = by === 'month'
      ? `${MONTHS[Number(incident.date.slice(5, 7)) - 1]} ${incident.date.slice(0, 4)}`
      : incident.severity ?? 'No severity';
    groups.set(label, [...(groups.get(label) ?? []), incident.title]);
  }
  const labels = [...groups.keys()];
  if (by === 'severity') labels.sort((a, b) => Number(a === 'No severity') - Number(b === 'No severity') || byText(a, b));
  return labels.map((label) => [label, groups.get(label)]);
}

/** Overdue, open or done on `today` (YYYY-MM-DD). */
export function itemState(item, today) {
  if (item.done) return 'done';
  return item.due < today ? 'overdue' : 'open';
}

const STATES = ['overdue', 'open', 'done'];
const STATE_LABELS = { overdue: 'Overdue', open: 'Open', done: 'Done' };

/**
 * The Action Items view's rows, `[group label, item texts]` in order: items overdue first, then
 * open, then done, earliest due first; by status in that order of states; by owner, the owner
 * with the most overdue items first, then the most open, then by name.
 */
export function expectedItemGroups(incidents, by, today) {
  const rows = incidents.flatMap((incident) => incident.items.map((item, index) => ({ ...item, file: incident.file, index, state: itemState(item, today) })))
    .sort((a, b) => STATES.indexOf(a.state) - STATES.indexOf(b.state) || a.due.localeCompare(b.due) || byText(a.file, b.file) || a.index - b.index);
  const groups = new Map();
  for (const row of rows) {
    const label = by === 'status' ? STATE_LABELS[row.state] : row.owner;
    groups.set(label, [...(groups.get(label) ?? []), row]);
  }
  const count = (label, state) => groups.get(label).filter((row) => row.state === state).length;
  const labels = [...groups.keys()].sort(by === 'status'
    ? (a, b) => STATES.indexOf(groups.get(a)[0].state) - STATES.indexOf(groups.get(b)[0].state)
    : (a, b) => count(b, 'overdue') - count(a, 'overdue') || count(b, 'open') - count(a, 'open') || byText(a, b));
  return labels.map((label) => [label, groups.get(label).map((row) => row.text)]);
}
