// The incident dashboard: chart geometry, escaping, typed messages, and the page in a real browser
// (its own script, clicks as messages, no policy violation, screenshots in three themes). Figures
// are built by hand: the client's side of the postmortem/indexStats contract.
// The browser part needs Chromium (Debian's /usr/bin/chromium); skipped with a message without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from '../helpers';
import { stats } from '../indexEntries';
import { niceTicks, project, timeUnitFor } from '../../client/src/dashboard/scale';
import { barChart, lineChart, rowChart } from '../../client/src/dashboard/charts';
import { DASHBOARD_STYLESHEETS, renderDashboardBody } from '../../client/src/dashboard/dashboardView';
import { DASHBOARD_SOURCE, isFromDashboardMessage, isToDashboardMessage } from '../../client/src/dashboard/messages';
import { buildPage, newNonce } from '../../client/src/preview/page';
import type { IncidentStats, MonthFigures } from '../../server/src/protocol';
import { WEBVIEW_STAND_IN } from './webviewStandIn';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install -y chromium; .ci/run installs it)`;
const RESULTS = join(ROOT, 'test-results', 'dashboard');

const spread = (median: number | null, worst: number | null, count: number) => ({ median, worst, count });
function month(name: string, incidents: number, detect: [number | null, number | null], resolve: [number | null, number | null]): MonthFigures {
  const count = (pair: [number | null, number | null]) => (pair[0] === null ? 0 : incidents);
  return { month: name, incidents, durationMinutes: spread(resolve[0], resolve[1], count(resolve)), timeToDetect: spread(...detect, count(detect)), timeToResolve: spread(...resolve, count(resolve)) };
}

const FIGURES: IncidentStats = stats({
  months: [
    month('2024-01', 2, [6, 12], [95, 140]),
    month('2024-02', 1, [null, null], [60, 60]),
    month('2024-03', 4, [9, 31], [130, 385]),
    month('2024-04', 0, [null, null], [null, null]),
    month('2024-05', 3, [4, 8], [45, 1505]),
  ],
  undated: 1,
  severities: [{ severity: 'SEV1', count: 3 }, { severity: 'SEV2', count: 6 }, { severity: null, count: 2 }],
  longest: [
    { uri: 'file:///ws/pm/login.md', path: 'pm/login.md', title: 'Login outage <script>alert(1)</script>', durationMinutes: 1505, durationFrom: 'window' },
    { uri: 'file:///ws/pm/db.md', path: 'pm/db.md', title: 'Database failover during the quarterly maintenance window', durationMinutes: 385, durationFrom: 'stated' },
    { uri: 'file:///ws/pm/cdn.md', path: 'pm/cdn.md', title: null, durationMinutes: 140, durationFrom: 'window' },
  ],
  owners: [{ owner: 'bob', open: 4, overdue: 3 }, { owner: 'alice & co', open: 5, overdue: 1 }, { owner: null, open: 2, overdue: 0 }],
  totals: { incidents: 11, openItems: 11, overdueItems: 4 },
});

test('axes: round ticks from 0 past the largest value (whole ones for counts), the time unit that reads best, projection clamped', () => {
  assert.deepEqual(niceTicks(7), [0, 2, 4, 6, 8]);
  assert.deepEqual(niceTicks(4), [0, 1, 2, 3, 4]);
  assert.deepEqual(niceTicks(1505), [0, 500, 1000, 1500, 2000]);
  assert.deepEqual(niceTicks(0.3), [0, 0.1, 0.2, 0.3]);
  assert.deepEqual(niceTicks(0), [0, 1]);
  assert.deepEqual(niceTicks(1, { whole: true }), [0, 1]);
  assert.deepEqual(niceTicks(2, { whole: true }), [0, 1, 2]);
  assert.deepEqual([timeUnitFor(90).name, timeUnitFor(385).name, timeUnitFor(5000).name], ['minutes', 'hours', 'days']);
  assert.equal(project(5, 10, 200, 0), 100);
  assert.equal(project(20, 10, 200, 0), 0);
  assert.equal(project(3, 0, 200, 0), 200);
});

test('charts: a <title> and <desc> for the chart and for every mark, labels escaped, the unit on the axis', () => {
  const bars = barChart({ id: 'b', title: 'Per <month>', description: 'd & e', unit: 'incidents', bars: [{ label: '<b>', value: 2, title: 'x"y' }, { label: 'ok', value: 4, title: 'ok: 4' }] });
  assert.match(bars, /^<svg [^>]*role="img" aria-labelledby="b-title b-desc"/);
  assert.match(bars, /<title id="b-title">Per &lt;month&gt;<\/title><desc id="b-desc">d &amp; e<\/desc>/);
  assert.match(bars, /<rect class="pm-bar"[^>]*><title>x&quot;y<\/title><\/rect>/);
  assert.match(bars, />&lt;b&gt;<\/text>/);
  assert.match(bars, /class="pm-unit"[^>]*>incidents<\/text>/);
  assert.doesNotMatch(bars, /<b>/);
  // The taller bar reaches the top of the plot (4 is the top tick), the other half of it.
  const heights = [...bars.matchAll(/<rect class="pm-bar"[^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(heights, [90, 180]);

  const lines = lineChart({ id: 'l', title: 'T', description: 'D', unit: 'minutes', labels: ['a', 'b', 'c', 'd'], series: [{ name: 'median', className: 'pm-series-median', values: [1, 2, null, 4], pointTitle: (i, v) => `${i}:${v}` }] });
  // A missing month breaks the line: one polyline for a–b, none for the lone d, a faint bridge from b to d
  // across the quiet month, and a point for each value.
  assert.equal((lines.match(/<polyline/g) ?? []).length, 1);
  assert.deepEqual([...lines.matchAll(/<line class="pm-line pm-bridge" x1="([\d.]+)"[^>]*x2="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]), [[Number(lines.match(/points="[\d.]+,[\d.]+ ([\d.]+),/)?.[1]), Number(lines.match(/<circle class="pm-point" cx="([\d.]+)"[^>]*><title>3:4/)?.[1])]]);
  assert.deepEqual([...lines.matchAll(/<circle[^>]*><title>([^<]+)<\/title>/g)].map((m) => m[1]), ['0:1', '1:2', '3:4']);

  const rows = rowChart({ id: 'r', title: 'T', description: 'D', unit: 'hours', rows: [{ label: 'x'.repeat(50), values: [{ value: 1, className: 'pm-long', title: 't' }], valueText: '1h', uri: 'file:///a"b.md' }] });
  assert.match(rows, /<g class="pm-row pm-open" role="link" tabindex="0" data-uri="file:\/\/\/a&quot;b\.md"><title>x{50}: 1h<\/title>/);
  assert.match(rows, />x{31}…<\/text>/, 'a long label is cut, its full text stays in the title');
});

test('the dashboard body: totals, one card per figure, incidents clickable only in the webview', () => {
  const body = renderDashboardBody(FIGURES, { scanning: false, interactive: true });
  assert.match(body, /11 incidents · 11 open action items · 4 overdue/);
  assert.equal((body.match(/<svg /g) ?? []).length, 6);
  for (const title of ['Incidents per month', 'Time to detect', 'Time to resolve', 'Severity mix', 'Longest incidents', 'Action items by owner']) assert.ok(body.includes(`<h2>${title}</h2>`), title);
  assert.match(body, /1 incident without a date is not in the monthly charts/);
  assert.match(body, /data-uri="file:\/\/\/ws\/pm\/login\.md"/);
  assert.match(body, /data-action="export"/);
  assert.doesNotMatch(body, /<script/);
  assert.match(body, /Login outage &lt;script&gt;/);
  assert.match(body, /alice &amp; co: 5 open, 1 overdue/);
  // A length the document states (its window opens on a lead-up) says so; a window's does not.
  assert.match(body, />6h 25m \(stated\)<\/text>/);
  assert.match(body, />2h 20m<\/text>/);
  // Time to resolve's worst month is 25h: the axis is in hours; time to detect stays in minutes.
  assert.match(body, /id="pm-resolve-title"[\s\S]*?class="pm-unit"[^>]*>hours</);
  assert.match(body, /id="pm-detect-title"[\s\S]*?class="pm-unit"[^>]*>minutes</);

  const exported = renderDashboardBody(FIGURES, { scanning: true, interactive: false, takenAt: '2026-11-27 09:40 UTC' });
  assert.doesNotMatch(exported, /data-uri|data-action/);
  assert.match(exported, /Scanning the workspace: the figures are partial\./);
  assert.match(exported, /Figures as of 2026-11-27 09:40 UTC\./);
  assert.match(renderDashboardBody(stats(), { scanning: false, interactive: true }), /No postmortems in this workspace yet\./);
});

test('dashboard messages are checked on arrival: type, fields and the dashboard\'s own source', () => {
  const source = DASHBOARD_SOURCE;
  assert.ok(isFromDashboardMessage({ type: 'openIncident', source, uri: 'file:///a.md' }));
  assert.ok(isFromDashboardMessage({ type: 'export', source }));
  assert.ok(!isFromDashboardMessage({ type: 'openIncident', source, uri: 3 }));
  assert.ok(!isFromDashboardMessage({ type: 'openIncident', source: 'file:///a.md', uri: 'file:///a.md' }), 'another source');
  assert.ok(!isFromDashboardMessage({ type: 'revealLine', source, line: 1 }), 'the preview\'s message');
  assert.ok(!isFromDashboardMessage({ type: 'constructor', source }));
  assert.ok(isToDashboardMessage({ type: 'update', source, body: '<p>x</p>' }));
  assert.ok(!isToDashboardMessage({ type: 'update', source, body: 1 }));
});

let browser: Browser;
let site: Server;
let siteUrl = '';
const pages = new Map<string, string>();

before(async () => {
  if (SKIP) return;
  site = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const send = (type: string, body: string | Buffer) => response.writeHead(200, { 'content-type': type }).end(body);
    if (pages.has(path)) return send('text/html; charset=utf-8', pages.get(path) as string);
    const sheet = /^\/ext\/media\/([a-z]+\.css)$/.exec(path);
    if (sheet && DASHBOARD_STYLESHEETS.includes(sheet[1])) return send('text/css', readFileSync(join(ROOT, 'media', sheet[1])));
    if (path === '/ext/dist/dashboard.js') return send('text/javascript', readFileSync(join(ROOT, 'dist', 'dashboard.js')));
    const theme = /^\/ext\/themes\/(light|dark|high-contrast)\.css$/.exec(path);
    if (theme) return send('text/css', readFileSync(join(__dirname, 'themes', `${theme[1]}.css`)));
    response.writeHead(404).end();
  });
  siteUrl = await new Promise<string>((resolve) => site.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(site.address() as AddressInfo).port}`)));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
});

after(async () => {
  await browser?.close();
  site?.close();
});

/** The page as the panel builds it (a loading body, its script, the theme's variables), open in a tab. */
async function openDashboard(theme: 'light' | 'dark' | 'high-contrast') {
  const path = `/dashboard-${theme}.html`;
  pages.set(path, buildPage({
    source: DASHBOARD_SOURCE,
    title: 'Incident dashboard',
    body: '<p class="pm-empty">Reading the incident index…</p>',
    nonce: newNonce(),
    styleUris: [...DASHBOARD_STYLESHEETS.map((name) => `${siteUrl}/ext/media/${name}`), `${siteUrl}/ext/themes/${theme}.css`],
    scriptUri: `${siteUrl}/ext/dist/dashboard.js`,
    resourceSource: `${siteUrl}/ext/`,
  }));
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(WEBVIEW_STAND_IN);
  await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
  await page.evaluate(`document.body.classList.add('vscode-${theme}')`);
  const update = (body: string) => page.evaluate(`window.postMessage(${JSON.stringify({ type: 'update', source: DASHBOARD_SOURCE, body })}, '*')`);
  const posted = () => page.evaluate('window.__posted') as Promise<Array<{ type: string; uri?: string }>>;
  return { page, errors, update, posted };
}

test('the page: figures arrive as a message, a click opens an incident or exports, nothing breaks the policy', { skip: SKIP }, async () => {
  const { page, errors, update, posted } = await openDashboard('light');
  assert.deepEqual((await posted())[0], { type: 'ready', source: DASHBOARD_SOURCE });
  assert.equal(await page.evaluate(`document.body.hasAttribute('data-pm-interactive')`), true, 'the page marks itself interactive');
  await update(renderDashboardBody(FIGURES, { scanning: false, interactive: true }));
  await page.locator('svg.pm-chart').nth(5).waitFor();
  // A message from elsewhere is ignored.
  await page.evaluate(`window.postMessage({ type: 'update', source: 'file:///x.md', body: '<p>hijacked</p>' }, '*')`);
  await page.locator('.pm-open', { hasText: 'Database failover' }).click();
  await page.locator('.pm-open', { hasText: 'pm/cdn.md' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('button.pm-export').click();
  const messages = (await posted()).filter((m) => m.type !== 'ready');
  assert.deepEqual(messages.map((m) => [m.type, m.uri]), [['openIncident', 'file:///ws/pm/db.md'], ['openIncident', 'file:///ws/pm/cdn.md'], ['export', undefined]]);
  assert.equal(await page.locator('text=hijacked').count(), 0);
  assert.deepEqual(await page.evaluate('window.__violations'), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('screenshots: light, dark and high contrast (test-results/dashboard/)', { skip: SKIP }, async () => {
  mkdirSync(RESULTS, { recursive: true });
  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    const { page, update } = await openDashboard(theme);
    await update(renderDashboardBody(FIGURES, { scanning: false, interactive: true }));
    await page.locator('svg.pm-chart').nth(5).waitFor();
    await page.screenshot({ path: join(RESULTS, `dashboard-${theme}.png`), fullPage: true });
    await page.close();
  }
});
