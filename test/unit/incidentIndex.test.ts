// The incident index in process: discovery, updates (change, delete, rename), exclusions, the
// persisted index (a round trip re-reads only what changed) and a corrupt or foreign store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, diagnosticsOf, liveStrings, readFixture, ROOT, settingsWith } from '../helpers';
import { titleOf } from '../../server/src/features/incidentCard';
import { indexedPostmortem } from '../../server/src/features/indexEntry';
import { IncidentIndex } from '../../server/src/service/incidentIndex';
import { detailsFile, INDEX_STORE_VERSION, storeFile, timelinesFile } from '../../server/src/service/indexStore';

interface Workspace {
  root: string;
  uri: string;
  storage: string;
  write(path: string, text: string): string;
  uriOf(path: string): string;
}

function workspace(): Workspace {
  const base = mkdtempSync(join(tmpdir(), 'postmortem-index-unit-'));
  const root = join(base, 'ws');
  mkdirSync(root);
  return {
    root,
    uri: pathToFileURL(root).href,
    storage: join(base, 'storage'),
    write(path, text) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
      return pathToFileURL(join(root, path)).href;
    },
    uriOf: (path) => pathToFileURL(join(root, path)).href,
  };
}

function indexOf(ws: Workspace, options: { settings?: Record<string, unknown>; storage?: boolean; warnings?: string[]; excludes?: string[]; onChanged?: () => void; processes?: number; workerPath?: string; readerVersion?: string } = {}) {
  let changes = 0;
  const index = new IncidentIndex({
    logger: { warn: (message) => options.warnings?.push(message), error: (message) => options.warnings?.push(message) },
    clock: () => new Date('2024-06-01T12:00:00Z'),
    folderSettings: async () => settingsWith(options.settings),
    openDocument: async () => null,
    editorExcludes: async () => options.excludes ?? [],
    changed: () => {
      changes++;
      options.onChanged?.();
    },
    storagePath: options.storage ? ws.storage : null,
    scanProcesses: options.processes ? { workerPath: options.workerPath ?? join(ROOT, 'dist', 'indexWorker.js'), count: options.processes } : null,
    readerVersion: options.readerVersion,
  });
  return { index, changes: () => changes };
}

const paths = (index: IncidentIndex) => index.entries().map((entry) => entry.path).sort();

test('discovery: postmortems by glob, title or content; not a README, not node_modules, not .git, not excluded', async () => {
  const ws = workspace();
  ws.write('incidents/login.md', readFixture('classic-complete.md'));
  ws.write('notes/batch.md', readFixture('table-timeline.md'));
  ws.write('README.md', readFixture('not-a-postmortem.md'));
  ws.write('node_modules/a/incidents/x.md', readFixture('classic-complete.md'));
  ws.write('.git/incidents/y.md', readFixture('classic-complete.md'));
  ws.write('archive/incidents/old.md', readFixture('classic-complete.md'));
  ws.write('build/incidents/z.md', readFixture('classic-complete.md'));
  const { index } = indexOf(ws, { settings: { index: { exclude: ['archive/**'] } }, excludes: ['**/build'] });
  await index.start([ws.uri]);
  assert.deepEqual(paths(index), ['incidents/login.md', 'notes/batch.md']);
  assert.equal(index.isScanning, false);
});

test('a request during the scan is answered at once with what is read so far', async () => {
  const ws = workspace();
  for (let i = 0; i < 20; i++) ws.write(`incidents/${String(i).padStart(2, '0')}.md`, readFixture('classic-complete.md'));
  const { index } = indexOf(ws);
  const scan = index.start([ws.uri]);
  await new Promise((resolve) => setImmediate(resolve));
  const during = index.result();
  assert.equal(during.scanning, true);
  assert.ok(during.entries.length < 20);
  await scan;
  assert.equal(index.result().entries.length, 20);
});

test('updates: a change is read again, a deletion removes, a rename moves the entry', async () => {
  const ws = workspace();
  const login = ws.write('incidents/login.md', readFixture('classic-complete.md'));
  const { index, changes } = indexOf(ws);
  await index.start([ws.uri]);
  const before = changes();
  ws.write('incidents/login.md', readFixture('classic-complete.md').replace('Login outage', 'Sign-in outage'));
  await index.refresh(login);
  assert.equal(index.entries()[0].title, 'Postmortem: Sign-in outage on April 10th, 2024');
  assert.ok(changes() > before);

  renameSync(join(ws.root, 'incidents/login.md'), join(ws.root, 'incidents/signin.md'));
  index.removed(login);
  await index.refresh(ws.uriOf('incidents/signin.md'));
  assert.deepEqual(paths(index), ['incidents/signin.md']);

  rmSync(join(ws.root, 'incidents/signin.md'));
  index.removed(ws.uriOf('incidents/signin.md'));
  assert.deepEqual(paths(index), []);
  // Excluded or not Markdown: nothing happens.
  await index.refresh(ws.write('node_modules/incidents/n.md', readFixture('classic-complete.md')));
  await index.refresh(ws.write('incidents/notes.txt', 'Postmortem'));
  assert.deepEqual(paths(index), []);
});

test('persistence: a reopened index answers from the store at once and re-reads only what changed', async () => {
  const ws = workspace();
  ws.write('incidents/login.md', readFixture('classic-complete.md'));
  // A whole second: what utimes sets is exactly what stat reads back.
  const loginPath = join(ws.root, 'incidents/login.md');
  const mtime = 1_700_000_000;
  utimesSync(loginPath, mtime, mtime);
  ws.write('incidents/queue.md', readFixture('problems.md'));
  ws.write('incidents/gone.md', readFixture('problems.md'));
  const first = indexOf(ws, { storage: true });
  await first.index.start([ws.uri]);
  await first.index.flush();
  const stored = JSON.parse(readFileSync(storeFile(ws.storage), 'utf8'));
  assert.equal(stored.version, INDEX_STORE_VERSION);
  assert.equal(stored.files.length, 3);
  // The entries file holds what the Incidents view lists: the lifecycles and action items are stored apart.
  for (const file of stored.files) assert.ok(file.entry && !('lifecycle' in file.entry) && !('actionItems' in file.entry) && 'metrics' in file.entry, JSON.stringify(file.entry));
  const loginBefore = first.index.entries().find((entry) => entry.path === 'incidents/login.md');
  assert.ok(loginBefore && loginBefore.lifecycle.length > 0 && loginBefore.actionItems.length > 0, 'the fixture has moments and items to store');

  // Unchanged as far as mtime and size tell (same length, old mtime): not read again, so the old title stays.
  writeFileSync(loginPath, readFixture('classic-complete.md').replace('Login outage', 'Logon outage'));
  utimesSync(loginPath, mtime, mtime);
  // Changed while closed: one edited (a new mtime), one deleted, one added.
  ws.write('incidents/queue.md', readFixture('problems.md').replace('Queue outage', 'Queue meltdown'));
  utimesSync(join(ws.root, 'incidents/queue.md'), new Date(), new Date(Date.now() + 5000));
  rmSync(join(ws.root, 'incidents/gone.md'));
  ws.write('incidents/new.md', readFixture('table-timeline.md'));
  // The first change told is the stored index, before any file is read: its three entries.
  const told: string[][] = [];
  let detailedAtFirstChange: boolean | null = null;
  const second = indexOf(ws, {
    storage: true,
    onChanged: () => {
      told.push(paths(second.index));
      detailedAtFirstChange ??= (second.index.entries().find((entry) => entry.path === 'incidents/login.md')?.actionItems.length ?? 0) > 0;
    },
  });
  const starting = second.index.start([ws.uri]);
  // The details wait for their own file; the entries do not.
  await second.index.whenLoaded();
  await second.index.whenDetailed();
  const loginReopened = second.index.details().entries.find((entry) => entry.uri === loginBefore.uri);
  assert.deepEqual(loginReopened, { uri: loginBefore.uri, lifecycle: loginBefore.lifecycle, actionItems: loginBefore.actionItems });
  await starting;
  assert.equal(detailedAtFirstChange, false, 'the first change told is the stored entries, before their details are read');
  assert.deepEqual(told[0], ['incidents/gone.md', 'incidents/login.md', 'incidents/queue.md']);
  assert.deepEqual(paths(second.index), ['incidents/login.md', 'incidents/new.md', 'incidents/queue.md']);
  assert.equal(second.index.entries().find((entry) => entry.path === 'incidents/queue.md')?.title, 'Postmortem: Queue meltdown (draft)');
  assert.equal(second.index.entries().find((entry) => entry.path === 'incidents/login.md')?.title, 'Postmortem: Login outage on April 10th, 2024');
  // The timelines, stored apart and read after the entries, are back for workspace/symbol.
  const timelineOf = (index: IncidentIndex, path: string) => index.postmortems().find((p) => p.entry.path === path)?.timeline;
  await second.index.whenSearchable();
  assert.ok(timelineOf(second.index, 'incidents/login.md'));
  assert.equal(timelineOf(second.index, 'incidents/login.md'), timelineOf(first.index, 'incidents/login.md'));
});

test('persistence: files stored by another version of the reader are shown at once, then read again', async () => {
  const ws = workspace();
  const loginPath = join(ws.root, 'incidents/login.md');
  ws.write('incidents/login.md', readFixture('classic-complete.md'));
  const mtime = 1_700_000_000;
  utimesSync(loginPath, mtime, mtime);
  const first = indexOf(ws, { storage: true, readerVersion: 'v1' });
  await first.index.start([ws.uri]);
  await first.index.flush();
  // Unchanged as far as mtime and size tell: the same reader keeps what it stored...
  writeFileSync(loginPath, readFixture('classic-complete.md').replace('Login outage', 'Logon outage'));
  utimesSync(loginPath, mtime, mtime);
  const same = indexOf(ws, { storage: true, readerVersion: 'v1' });
  await same.index.start([ws.uri]);
  assert.equal(same.index.entries()[0].title, 'Postmortem: Login outage on April 10th, 2024');
  await same.index.flush();
  // ... another reader shows it at once, then reads it again.
  const told: Array<string | null> = [];
  const updated = indexOf(ws, { storage: true, readerVersion: 'v2', onChanged: () => told.push(updated.index.entries()[0]?.title ?? null) });
  await updated.index.start([ws.uri]);
  assert.equal(told[0], 'Postmortem: Login outage on April 10th, 2024', 'the stored entry first');
  assert.equal(updated.index.entries()[0].title, 'Postmortem: Logon outage on April 10th, 2024');
});

test('persistence: entries whose details or timelines file is missing, from another save or corrupt are shown at once, then read again', async () => {
  for (const [spoiled, what] of [[timelinesFile, "a file's timeline"], [detailsFile, "a file's lifecycle and action items"]] as const) for (const spoil of ['delete', 'another save', 'a corrupt line'] as const) {
    const ws = workspace();
    const loginPath = join(ws.root, 'incidents/login.md');
    ws.write('incidents/login.md', readFixture('classic-complete.md'));
    utimesSync(loginPath, 1_700_000_000, 1_700_000_000);
    const first = indexOf(ws, { storage: true });
    await first.index.start([ws.uri]);
    await first.index.flush();
    const file = spoiled(ws.storage);
    if (spoil === 'delete') rmSync(file);
    else if (spoil === 'another save') writeFileSync(file, readFileSync(file, 'utf8').replace(/"id":"[^"]+"/, '"id":"another"'));
    else writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\["/, '\n[1, "'));
    // Same mtime and size: only a missing timeline makes it read again (and so show the new title).
    writeFileSync(loginPath, readFixture('classic-complete.md').replace('Login outage', 'Logon outage'));
    utimesSync(loginPath, 1_700_000_000, 1_700_000_000);
    const told: Array<string | null | undefined> = [];
    const warnings: string[] = [];
    const second = indexOf(ws, { storage: true, warnings, onChanged: () => told.push(second.index.entries()[0]?.title) });
    await second.index.start([ws.uri]);
    const label = `${spoil} of ${file}`;
    assert.deepEqual(warnings.map((warning) => warning.includes(`line 2 is not ${what}`)), spoil === 'a corrupt line' ? [true] : [], label);
    assert.equal(told[0], 'Postmortem: Login outage on April 10th, 2024', label);
    assert.equal(second.index.entries()[0].title, 'Postmortem: Logon outage on April 10th, 2024', label);
    assert.ok(second.index.postmortems()[0].timeline.includes('Certificate'), label);
    assert.ok(second.index.entries()[0].actionItems.length > 0 && second.index.entries()[0].lifecycle.length > 0, label);
  }
});

test('a corrupt or foreign store is ignored with a log line, never a crash', async () => {
  for (const content of ['{ not json', JSON.stringify({ tool: 'postmortem-writer', version: 99, day: '', settings: {}, files: [] }), JSON.stringify({ hello: 'world' })]) {
    const ws = workspace();
    ws.write('incidents/login.md', readFixture('classic-complete.md'));
    mkdirSync(ws.storage, { recursive: true });
    writeFileSync(storeFile(ws.storage), content);
    const warnings: string[] = [];
    const { index } = indexOf(ws, { storage: true, warnings });
    await index.start([ws.uri]);
    assert.deepEqual(paths(index), ['incidents/login.md']);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /ignoring the stored incident index/);
  }
});

test('a large folder is scanned in scan processes, with the same entries as on this thread', async () => {
  const ws = workspace();
  const fixtures = ['classic-complete.md', 'problems.md', 'table-timeline.md', 'not-a-postmortem.md'];
  for (let i = 0; i < 80; i++) ws.write(`notes/${String(i).padStart(2, '0')}.md`, readFixture(fixtures[i % fixtures.length]));
  const here = indexOf(ws);
  await here.index.start([ws.uri]);
  const scanned = indexOf(ws, { processes: 2 });
  await scanned.index.start([ws.uri]);
  assert.equal(scanned.index.entries().length, 60, 'the READMEs are not postmortems');
  assert.deepEqual(scanned.index.entries(), here.index.entries());
  const timelines = (index: IncidentIndex) => index.postmortems().map((p) => [p.entry.path, p.timeline]).sort();
  assert.deepEqual(timelines(scanned.index), timelines(here.index));
});

test('scan processes that die at once: every file is indexed on this thread instead, none lost', async () => {
  const ws = workspace();
  for (let i = 0; i < 70; i++) ws.write(`incidents/${String(i).padStart(2, '0')}.md`, readFixture('classic-complete.md'));
  const warnings: string[] = [];
  const broken = indexOf(ws, { processes: 2, workerPath: join(ws.root, 'no-such-worker.js'), warnings });
  await broken.index.start([ws.uri]);
  assert.equal(broken.index.entries().length, 70);
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /scan process ended early .*runs on the server's thread/);
});

test('a postmortem that starts at a section ("Issue Summary:") or with no words has no title: the views and the report name it by its path', async () => {
  const ws = workspace();
  const body = readFixture('classic-complete.md').replace(/^# .*\n/m, '');
  ws.write('incidents/titled.md', readFixture('classic-complete.md'));
  ws.write('incidents/2024-04-10-login.md', `Issue Summary:\n\n${body}`);
  ws.write('incidents/pasted.md', `?\n\n${body}`);
  const { index } = indexOf(ws);
  await index.start([ws.uri]);
  const titles = Object.fromEntries(index.entries().map((entry) => [entry.path, entry.title]));
  assert.deepEqual(titles, {
    'incidents/titled.md': 'Postmortem: Login outage on April 10th, 2024',
    'incidents/2024-04-10-login.md': null,
    'incidents/pasted.md': null,
  });
});

test('a title past what names nothing (a badge, a link\'s address, a byte order mark), and none from a paragraph of prose', () => {
  const body = readFixture('classic-complete.md').replace(/^# .*\n/m, '');
  const titles = {
    // A badge (a linked image) made a Setext heading by the "---" under it (corpus 090).
    badge: analyze(`[![](http://example.com/logo.png)](https://example.com)\n---\n# August 14th 2017 Incident Report\n\n${body}`),
    // The post's address, a line break, then the title (corpus 051).
    address: analyze(`https://medium.com/@someone/postmortem-server-outage-7f54e642d452\n<br>\n\n\nPostmortem: Server Outage Due to a Code Bug<br>\n\n${body}`),
    bom: analyze(`\ufeff# 0x19. Postmortem\n\n${body}`),
    // An essay's opening sentences, then the sections (corpus 036, 087).
    prose: analyze(`A postmortem (or post-mortem) is a process intended to help you learn from past incidents. It typically involves an analysis soon after an event.\n\n${body}`),
    // A sentence wrapped over lines (corpus 103's opening, were it not for its front matter).
    wrapped: analyze(`At 2019-10-21 01:38 UTC the website went down because no available disk\nspace was left on the server.\n\n${body}`),
    // A title line with the document's facts right under it (corpus 038).
    facts: analyze(`Postmortem Report: System Outage on August 10, 2024\nIncident Date: August 16, 2024\n\n${body}`),
    // The front matter's title wins, for the preview's card as for the index.
    front: analyze(`---\ntitle: Checkout outage\n---\n# Postmortem\n\n${body}`),
    // The author's name, then the line that says what the document is (corpus 024).
    author: analyze(`Keitumetse Molefe\nPost-mortem outage - 0x19\nDue date: 18th December 2023\n\n${body}`),
    // The document's particulars, then its sections (held-out Flutter postmortem): no title, named by its file.
    particulars: analyze(`Status: final<br> Owners: @Hixie\n\n${body}`),
    particularsThenTitle: analyze(`Status: draft\n\nDNS outage of flutter.dev\n\n${body}`),
  };
  assert.deepEqual(Object.fromEntries(Object.entries(titles).map(([name, model]) => [name, titleOf(model)])), {
    badge: 'August 14th 2017 Incident Report',
    address: 'Postmortem: Server Outage Due to a Code Bug',
    bom: '0x19. Postmortem',
    prose: null,
    wrapped: null,
    facts: 'Postmortem Report: System Outage on August 10, 2024',
    front: 'Checkout outage',
    author: 'Post-mortem outage - 0x19',
    particulars: null,
    particularsThenTitle: 'DNS outage of flutter.dev',
  });
});

test('an incident is dated by the day it began where it happened, not by UTC\'s day (corpus 111: 23:04 PDT on March 26)', () => {
  const text = [
    '# March 26th, 2019 Queue Outage', '', 'All times in PDT (UTC-7).', '',
    '## Timeline', '', '### March 26, 2019', '', '- 23:04 a deploy left the queue in a crash loop', '',
    '### March 27, 2019', '', '- 08:10 resolved: the fix is out', '',
  ].join('\n');
  const model = analyze(text);
  const { entry } = indexedPostmortem(model, settingsWith(), new Date('2026-01-01T00:00:00Z'), { uri: 'file:///ws/q.md', path: 'q.md', mtime: 0 });
  assert.equal(entry.start, '2019-03-27T06:04:00Z', 'the instant stays UTC');
  assert.equal(entry.date, '2019-03-26');
  assert.equal(entry.durationMinutes, 546);
  // The front matter's date still wins.
  const dated = analyze(`---\ndate: 2019-03-20\n---\n${text}`);
  assert.equal(indexedPostmortem(dated, settingsWith(), new Date(), { uri: 'file:///ws/q.md', path: 'q.md', mtime: 0 }).entry.date, '2019-03-20');
});

test('an incident with no start is dated by the first full date the document writes (corpus 121: "On 31st July 2018 …")', () => {
  const text = [
    '---', 'title: Security Incident Disclosure', '---', '',
    'On 31st July 2018 a researcher found a leaked token with push access.', '',
    '### What was impacted', '', 'Nothing was pushed with it.', '', "### What we're doing about it", '', '- Rotate every token', '',
  ].join('\n');
  const { entry } = indexedPostmortem(analyze(text), settingsWith(), new Date('2026-01-01T00:00:00Z'), { uri: 'file:///ws/r.md', path: 'r.md', mtime: 0 });
  assert.equal(entry.start, null);
  assert.equal(entry.date, '2018-07-31');
  // No year anywhere: no date rather than a guessed one.
  const undated = analyze(text.replace(' 2018', ''));
  assert.equal(indexedPostmortem(undated, settingsWith(), new Date(), { uri: 'file:///ws/r.md', path: 'r.md', mtime: 0 }).entry.date, null);
});

test('an incident with no dated start is dated by its front matter title, else by its earliest dated entry (corpus 115, 028)', () => {
  const index = (text: string) => indexedPostmortem(analyze(text), settingsWith(), new Date('2026-01-01T00:00:00Z'), { uri: 'file:///ws/s.md', path: 's.md', mtime: 0 }).entry;
  const titled = ['---', 'title: "Post-mortem: Downtime on November 11, 2018"', '---', '', 'After the deployment the server was down from 09:41 to 10:12 (GMT+1).', '',
    '## What happened', '', 'A migration locked the table.', ''].join('\n');
  assert.equal(index(titled).date, '2018-11-11');
  // The summary's times have no date; the entries do (and the later one is written first).
  const entries = ['Issue Summary:', 'Duration: From 6:00 PM to 8:00 PM', 'Impact: 80% of users are affected.', 'Root Cause: Database overload.', '',
    'Timeline:', 'June 8th, 2024, 07:00 (UTC): Root cause identified.', 'June 7th, 2024, 13:00 (UTC): Issue detected through monitoring alerts.', ''].join('\n');
  assert.equal(index(entries).date, '2024-06-07');
  // Entries without a year date nothing.
  assert.equal(index(entries.replace(/, 2024/g, '')).date, null);
});

test('a window that opens on a lead-up is dated by the date the document gives the incident, not by the change it opens on (corpus 070)', () => {
  const index = (text: string) => indexedPostmortem(analyze(text), settingsWith(), new Date('2026-01-01T00:00:00Z'), { uri: 'file:///ws/l.md', path: 'l.md', mtime: 0 }).entry;
  const text = (title: string) => [`# ${title}`, '', '## Issue Summary', 'Every instance showed the Environment Unavailable message.', '', '## Timeline',
    '- 16-10-2024 11:58 - PR-158 was merged into the default branch.', '- 24-10-2024 02:00 - v1.26.0 was released with it.',
    '- 24-10-2024 04:45 - Availability dropped.', '- 24-10-2024 09:15 - Customer instances came back online.', '',
    '## Root Cause', 'A security setting blocked JIT compilation.', '', '## Corrective and Preventive Measures', '- Pin the AMI version.', ''].join('\n');
  assert.equal(index(text('24-10-2024 - All instances not available')).date, '2024-10-24');
  // With no date of its own, the window's first day still dates it.
  assert.equal(index(text('All instances not available')).date, '2024-10-16');
  // A first entry that tells trouble is the outage's start, whatever the title says.
  assert.equal(index(text('24-10-2024 - All instances not available').replace('PR-158 was merged into the default branch', 'Errors began')).date, '2024-10-16');
});

test('the timeline\'s heading dates its entries, and a city after the time is their zone (Jenkins status page, held out); a stalled chain is the outage, not its lead-up (Chia, held out)', () => {
  const index = (text: string) => indexedPostmortem(analyze(text), settingsWith(), new Date('2026-01-01T00:00:00Z'), { uri: 'file:///ws/j.md', path: 'j.md', mtime: 0 }).entry;
  const jenkins = ['# Azure Container Instance outage on ci.jenkins.io', '', 'A plugin upgrade has caused allocation of agents to fail.', '', '## Timeline - May 29, 2021', '',
    '* 16:37 Denver - Mark Waite updated plugins on ci.jenkins.io, restarted ci.jenkins.io', '* 17:39 Denver - Started Jenkins core build, detected that agents were not being allocated',
    '* 20:09 DEnver - Outage resolved, ACI agents are allocated on ci.jenkins.io', ''].join('\n');
  const entry = index(jenkins);
  assert.deepEqual([entry.start, entry.end, entry.date], ['2021-05-29T22:37:00Z', '2021-05-30T02:09:00Z', '2021-05-29']);
  assert.ok(!diagnosticsOf(jenkins).some((d) => d.code === 'timeline-missing-timezone'));
  const chia = ['# Blockchain mainnet stall', '', '## Issue Summary', 'A bug in the timelord stalled the chain.', '', '## Timeline (all times PST) 01/16/2024 - 02/28/2024', '',
    '01-10-2024', '', '7:32 PM - The chain stalled at height 4779033.', '', '7:42 PM - New blocks being created again.', ''].join('\n');
  assert.equal(index(chia).date, '2024-01-10');
});

test('a screenshot\'s file name dates nothing (a held-out ALX report); the front matter\'s date gives the year the text leaves out (cloud.gov\'s post, held out)', () => {
  const index = (text: string) => indexedPostmortem(analyze(text), settingsWith(), new Date('2026-01-01T00:00:00Z'), { uri: 'file:///ws/y.md', path: 'y.md', mtime: 0 }).entry;
  const screenshot = ['# Postmortem Report', '', "<a href='https://postimages.org/'><img src='https://i.postimg.cc/s2/Screen-Shot-2019-03-06-at-12-33-42-PM.png' alt='Screen-Shot-2019-03-06-at-12-33-42-PM'/></a>", '',
    '## Summary', '', 'On the morning of Friday March 2nd, 2019 the server went down with 500 errors.', '', '## Timeline', '', '- 10:15 AM PST: The site returns 500 errors.', '- 10:45 AM PST: A typo in a PHP file is fixed.', ''].join('\n');
  assert.equal(index(screenshot).date, '2019-03-02');
  assert.equal(index(screenshot).start, '2019-03-02T18:15:00Z');
  const post = ['---', 'layout: post', 'date: "2018-01-11"', 'title: "Major outage postmortem"', '---', '',
    'On Tuesday January 9 from 17:09 EST to approximately 23:42 EST (6 hours and 33 minutes), the cloud.gov platform was unavailable.', ''].join('\n');
  assert.deepEqual([index(post).start, index(post).end], ['2018-01-09T22:09:00Z', '2018-01-10T04:42:00Z']);
  // The year that puts the day nearest the post: December 30 in a post of January 5 is last year's.
  const december = post.replace('2018-01-11', '2019-01-05').replace('Tuesday January 9', 'Sunday December 30');
  assert.equal(index(december).start, '2018-12-30T22:09:00Z');
});

test('the index\'s duration: the window\'s, else the stated length where there is no window or where the window opens on a lead-up (corpus 070)', () => {
  const index = (text: string) => indexedPostmortem(analyze(text), settingsWith(), new Date('2026-01-01T00:00:00Z'), { uri: 'file:///ws/d.md', path: 'd.md', mtime: 0 }).entry;
  const text = [
    '# 24-10-2024 - All instances not available', '', '## Impact', '', '| Customers Impacted | Incident Duration |', '|:---:|:---:|', '| All | 3h 45m |', '',
    '## Issue Summary', 'Every instance showed the Environment Unavailable message.', '', '## Timeline',
    '- 16-10-2024 11:58 - PR-158 was merged into the default branch.', '- 24-10-2024 02:00 - v1.26.0 was released with it.',
    '- 24-10-2024 04:45 - Availability dropped.', '- 24-10-2024 09:15 - Customer instances came back online.', '',
    '## Root Cause', 'A security setting blocked JIT compilation.', '', '## Corrective and Preventive Measures', '- Pin the AMI version.', '',
  ].join('\n');
  const leadUp = index(text);
  assert.equal(leadUp.durationMinutes, 225);
  assert.equal(leadUp.durationFrom, 'stated');
  // The window is still the timeline's, eight days: only the length is the stated one.
  assert.equal(leadUp.start, '2024-10-16T11:58:00');
  // A first entry that tells trouble opens the outage: the window's length stands (the mismatch is the rule's to report).
  const troubled = index(text.replace('PR-158 was merged into the default branch', 'Errors began'));
  assert.equal(troubled.durationMinutes, 11357);
  assert.equal(troubled.durationFrom, 'window');
  // A change agreed or scheduled ahead, naming the issue it addresses, is a lead-up too; one that says what broke is not.
  const planned = index(text.replace('PR-158 was merged into the default branch', 'The teams agree to schedule an emergency upgrade to address a security issue'));
  assert.deepEqual([planned.durationMinutes, planned.durationFrom], [225, 'stated']);
  assert.equal(index(text.replace('PR-158 was merged into the default branch', 'An upgrade is scheduled after errors in the API')).durationFrom, 'window');
  assert.ok(!diagnosticsOf(text.replace('PR-158 was merged into the default branch', 'The teams agree to schedule an emergency upgrade to address a security issue')).some((d) => d.code === 'duration-mismatch'));
  // A lead-up window shorter than the stated length is kept: the stated length is not the shorter bound.
  assert.equal(index(text.replace('3h 45m', '9 days')).durationFrom, 'window');
  // No window at all: the stated length.
  const stated = index(['# Checkout outage', '', '## Summary', '', 'Duration: 45 minutes', 'Impact: checkout failed for every user.', 'Root cause: an expired certificate.', '',
    '## Root Cause', 'The certificate expired.', '', '## Corrective and Preventive Measures', '- Alert before certificates expire.', ''].join('\n'));
  assert.deepEqual([stated.start, stated.durationMinutes, stated.durationFrom], [null, 45, 'stated']);
  // Nothing stated and no window: none.
  assert.deepEqual([index(text.replace(/\| All \| 3h 45m \|/, '| All | |').replace(/- \d\d-10-2024 \d\d:\d\d - /g, '- ')).durationMinutes], [null]);
});

test('an entry made on the server\'s thread holds nothing of its file\'s text (its strings are not views into it)', async () => {
  const ws = workspace();
  // A title no other string here starts with, over enough lines that the file is far larger than its entry.
  const marker = `# Postmortem: retention check ${Date.now()}`;
  const length = ((): number => {
    const filler = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} of the story, long enough to weigh something.`).join('\n\n');
    // A start written long enough ("10:00 AM UTC on April 10th, 2024") that its moment's text is a slice, not a copy.
    const text = readFixture('classic-complete.md').replace(/^# .*$/m, marker).replace('10:00 AM UTC', '10:00 AM UTC on April 10th, 2024').concat('\n', filler, '\n');
    ws.write('incidents/big.md', text);
    return text.length;
  })();
  const { index } = indexOf(ws);
  await index.start([ws.uri]);
  assert.deepEqual(paths(index), ['incidents/big.md']);
  assert.equal(await liveStrings(marker, length), 0, 'the indexed entry keeps no copy of the file\'s text');
  assert.equal(index.entries()[0].title?.startsWith('Postmortem: retention check'), true);
  // An entry as made keeps it: its title and moments are slices of the text, which V8 keeps whole for them.
  const made = indexedPostmortem(analyze(readFileSync(join(ws.root, 'incidents/big.md'), 'utf8')), settingsWith(), new Date(), { uri: ws.uriOf('incidents/big.md'), path: 'incidents/big.md', mtime: 0 });
  assert.ok(await liveStrings(marker, length) >= 1, 'a slice keeps the text (the check above could fail)');
  assert.equal(made.entry.title, index.entries()[0].title);
});
