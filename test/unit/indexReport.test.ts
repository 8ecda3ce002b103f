// postmortem-lint report: the golden INDEX.md of a small workspace, the JSON's shape, the HTML page's
// escaping, and bad usage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../helpers';
import { formatIndex, indexEntries, readReportArgs } from '../../server/src/cli/indexReport';

const WORKSPACE = join(FIXTURES, 'index-workspace');
const NOW = new Date('2024-06-01T12:00:00Z');

function entriesOf(base: string) {
  const args = readReportArgs([WORKSPACE]);
  assert.ok(args);
  return indexEntries(args, base, NOW).entries;
}

test('markdown: the golden INDEX.md, links relative to the folder it is written in, the same bytes every time', () => {
  const markdown = formatIndex(entriesOf(WORKSPACE), 'markdown');
  assert.equal(markdown, readFileSync(join(FIXTURES, 'index-workspace.INDEX.md'), 'utf8'));
  assert.equal(formatIndex(entriesOf(WORKSPACE), 'markdown'), markdown);
});

test('json: { entries, stats }, entries newest first, the README left out', () => {
  const { entries, stats } = JSON.parse(formatIndex(entriesOf(WORKSPACE), 'json'));
  assert.deepEqual(entries.map((entry: { path: string }) => entry.path), ['incidents/2024-05-login.md', 'incidents/2024-03-queue.md', 'incidents/2024-03-dns.md']);
  const dns = entries[2];
  assert.deepEqual(
    { title: dns.title, date: dns.date, severity: dns.severity, status: dns.status, durationMinutes: dns.durationMinutes, openItems: dns.openItems, overdueItems: dns.overdueItems },
    { title: 'DNS resolver outage | internal', date: '2024-03-14', severity: 'SEV1', status: 'published', durationMinutes: 90, openItems: 2, overdueItems: 1 },
  );
  assert.equal(dns.metrics.timeToDetect.minutes, 6);
  assert.equal(dns.start, '2024-03-14T14:00:00Z');
  assert.deepEqual(stats.totals, { incidents: 3, openItems: 4, overdueItems: 1 });
  assert.deepEqual(stats.months.map((month: { month: string; incidents: number }) => [month.month, month.incidents]), [['2024-03', 2], ['2024-04', 0], ['2024-05', 1]]);
});

test('markdown and html: months in a row without an incident are one row; one such month stays its own', () => {
  // One incident moved back to November 2023: December to February are quiet, as April still is.
  const entries = entriesOf(WORKSPACE).map((entry) => (entry.path.endsWith('dns.md') ? { ...entry, date: '2023-11-20', start: '2023-11-20T14:00:00Z' } : entry));
  const markdown = formatIndex(entries, 'markdown');
  const months = markdown.split('\n').filter((line) => /^\| 20\d\d-\d\d( to 20\d\d-\d\d)? \|/.test(line)).map((line) => line.split(' | ').slice(0, 2).join(' | '));
  assert.deepEqual(months, ['| 2024-05 | 1', '| 2024-04 | 0', '| 2024-03 | 1', '| 2023-12 to 2024-02 | 0', '| 2023-11 | 1']);
  const html = formatIndex(entries, 'html');
  assert.match(html, /<td>2023-12 to 2024-02<\/td><td>0<\/td>/);
  assert.match(html, /<p>3 incidents; 4 open action items, 1 overdue\.<\/p>/);
  // The JSON keeps every month, for whatever draws a chart of them.
  assert.equal(JSON.parse(formatIndex(entries, 'json')).stats.months.length, 7);
});

test('markdown and html: a duration that is the document\'s stated length says so', () => {
  const entries = entriesOf(WORKSPACE).map((entry) => (entry.path.endsWith('dns.md') ? { ...entry, durationMinutes: 225, durationFrom: 'stated' as const } : entry));
  const row = (text: string) => text.split('\n').find((line) => line.includes('DNS resolver outage'));
  assert.match(row(formatIndex(entries, 'markdown')) ?? '', /\| 3h 45m \(stated\) \|/);
  assert.match(formatIndex(entries, 'html'), /<td>3h 45m \(stated\)<\/td>/);
  // The window's own length is written bare.
  assert.match(row(formatIndex(entriesOf(WORKSPACE), 'markdown')) ?? '', /\| 1h 30m \|/);
});

test('markdown and html: a time to detect whose sign came before the start says how early', () => {
  const early = { minutes: 0, from: 'started' as const, to: 'detected' as const, early: 15 };
  const entries = entriesOf(WORKSPACE).map((entry) => (entry.path.endsWith('dns.md') ? { ...entry, metrics: { ...entry.metrics, timeToDetect: early } } : entry));
  const row = (text: string) => text.split('\n').find((line) => line.includes('DNS resolver outage'));
  assert.match(row(formatIndex(entries, 'markdown')) ?? '', /\| 0m \(15m early\) \|/);
  assert.match(formatIndex(entries, 'html'), /<td>0m \(15m early\)<\/td>/);
});

test('html: one page, no script, nothing remote, every text escaped', () => {
  const html = formatIndex(entriesOf(WORKSPACE), 'html');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.doesNotMatch(html, /<script|src=|https?:/i);
  assert.match(html, /default-src 'none'/);
  assert.match(html, /<a href="incidents\/2024-03-dns.md">DNS resolver outage \| internal<\/a>/);
  const hostile = entriesOf(WORKSPACE).map((entry) => ({ ...entry, title: '<img src=x onerror=alert(1)>' }));
  assert.doesNotMatch(formatIndex(hostile, 'html'), /<img/);
});

test('bad usage exits 2 with the report\'s usage; --help exits 0', () => {
  const cli = join(ROOT, 'dist', 'cli.js');
  const bad = spawnSync(process.execPath, [cli, 'report', '--format', 'pdf', WORKSPACE], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /report --format must be markdown, json, html/);
  assert.match(bad.stderr, /Usage: postmortem-lint report/);
  assert.equal(spawnSync(process.execPath, [cli, 'report'], { encoding: 'utf8' }).status, 2);
  // An output that cannot be written: a sentence, not a stack.
  for (const [output, why] of [[join(tmpdir(), 'pm-no-such-folder', 'INDEX.md'), 'its folder does not exist'], [tmpdir(), 'it is a folder']]) {
    const unwritable = spawnSync(process.execPath, [cli, 'report', WORKSPACE, '-o', output], { encoding: 'utf8' });
    assert.equal(unwritable.status, 2);
    assert.equal(unwritable.stderr, `postmortem-lint: cannot write ${output}: ${why}\n`);
  }
  const help = spawnSync(process.execPath, [cli, 'report', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: postmortem-lint report/);
});

test('an INDEX.md regenerated into the incidents folder, as CI does, never lists itself, nor the folder\'s README', () => {
  const copy = mkdtempSync(join(tmpdir(), 'pm-index-'));
  try {
    cpSync(WORKSPACE, copy, { recursive: true });
    // A README describing the folder, where the include globs take every file.
    writeFileSync(join(copy, 'incidents', 'README.md'), '# Postmortems\n\nOne file per incident. Run `postmortem-lint report incidents -o incidents/INDEX.md`.\n');
    const paths = () => {
      const args = readReportArgs([copy]);
      assert.ok(args);
      return indexEntries(args, copy, NOW).entries.map((entry) => entry.path);
    };
    const before = paths();
    writeFileSync(join(copy, 'incidents', 'INDEX.md'), formatIndex(indexEntries(readReportArgs([copy])!, join(copy, 'incidents'), NOW).entries, 'markdown'));
    assert.deepEqual(paths(), before);
    assert.deepEqual(before.filter((path) => /README|INDEX/.test(path)), []);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('a binary file among the postmortems: named on stderr as the lint names it, exit 2, every other incident still in the report', () => {
  const copy = mkdtempSync(join(tmpdir(), 'pm-index-'));
  try {
    cpSync(WORKSPACE, copy, { recursive: true });
    writeFileSync(join(copy, 'incidents', '2024-06-broken.md'), Buffer.from([0x23, 0x20, 0x50, 0x00, 0x01, 0xff]));
    const cli = join(ROOT, 'dist', 'cli.js');
    const report = spawnSync(process.execPath, [cli, 'report', '--format', 'json', copy], { encoding: 'utf8' });
    const lint = spawnSync(process.execPath, [cli, copy], { encoding: 'utf8' });
    for (const run of [report, lint]) {
      assert.equal(run.status, 2);
      assert.match(run.stderr, /2024-06-broken\.md: not a text file \(it contains NUL bytes\)/);
    }
    assert.equal(JSON.parse(report.stdout).entries.length, 3);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
