// The incident index over stdio: a workspace folder with postmortems, a README and an ignored folder;
// postmortem/index, a watched file's change with postmortem/indexChanged, workspace/symbol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixture } from '../helpers';
import { TestServer } from './lspClient';
import { INDEX_STORE_VERSION } from '../../server/src/service/indexStore';
import { INDEX_CHANGED_NOTIFICATION, INDEX_DETAILS_METHOD, INDEX_METHOD, INDEX_STATS_METHOD, type IncidentStats, type IndexDetailsResult, type IndexResult } from '../../server/src/protocol';

const workspace = mkdtempSync(join(tmpdir(), 'postmortem-index-'));
let server: TestServer;
let changes = 0;

function write(relativePath: string, text: string): void {
  mkdirSync(join(workspace, relativePath, '..'), { recursive: true });
  writeFileSync(join(workspace, relativePath), text);
}

/** postmortem/index once the first scan is done. */
async function scanned(): Promise<IndexResult> {
  for (;;) {
    const result = await server.request<IndexResult>(INDEX_METHOD, {});
    if (!result.scanning) return result;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function nextIndexChange(): Promise<void> {
  const seen = changes;
  return new Promise((resolve) => {
    const poll = () => (changes > seen ? resolve() : setTimeout(poll, 10));
    poll();
  });
}

before(async () => {
  write('incidents/login.md', readFixture('classic-complete.md'));
  write('incidents/queue.md', readFixture('problems.md'));
  write('reports/batch.md', readFixture('table-timeline.md'));
  write('README.md', readFixture('not-a-postmortem.md'));
  write('node_modules/pkg/incidents/copy.md', readFixture('classic-complete.md'));
  server = new TestServer(workspace);
  server.connection.onNotification(INDEX_CHANGED_NOTIFICATION, () => {
    changes++;
  });
  const result = (await server.initialize({
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  })) as { capabilities: Record<string, unknown> };
  assert.equal(result.capabilities.workspaceSymbolProvider, true);
});

after(async () => {
  await server.shutdown();
  rmSync(workspace, { recursive: true, force: true });
});

test('postmortem/index lists exactly the postmortems, newest first, with their figures', async () => {
  const { entries } = await scanned();
  assert.deepEqual(entries.map((entry) => entry.path).sort(), ['incidents/login.md', 'incidents/queue.md', 'reports/batch.md']);
  const login = entries.find((entry) => entry.path === 'incidents/login.md');
  assert.ok(login);
  assert.equal(login.title, 'Postmortem: Login outage on April 10th, 2024');
  assert.equal(login.durationMinutes, 135);
  assert.equal(login.uri, server.uriOf('incidents/login.md'));
  assert.equal(login.metrics.timeToDetect?.minutes, 7);
  assert.equal(login.openItems, 2);
  // The rows carry the counts; the moments and the items themselves come with postmortem/indexDetails.
  for (const entry of entries) assert.ok(!('lifecycle' in entry) && !('actionItems' in entry), Object.keys(entry).join());
  const details = await server.request<IndexDetailsResult>(INDEX_DETAILS_METHOD, {});
  assert.equal(details.complete, true);
  assert.deepEqual(details.entries.map((entry) => entry.uri), entries.map((entry) => entry.uri), 'the same entries, in the same order');
  const loginDetails = details.entries.find((entry) => entry.uri === login.uri);
  assert.deepEqual(Object.keys(loginDetails ?? {}), ['uri', 'lifecycle', 'actionItems']);
  assert.equal(loginDetails?.actionItems.length, 2);
  assert.deepEqual(loginDetails?.lifecycle.map((point) => point.moment), ['started', 'detected', 'resolved']);
  const queue = entries.find((entry) => entry.path === 'incidents/queue.md');
  assert.ok(queue && queue.problems.errors + queue.problems.warnings + queue.problems.information > 0);
  const stats = await server.request<IncidentStats>(INDEX_STATS_METHOD, {});
  assert.equal(stats.totals.incidents, 3);
});

test('a watched file\'s change updates its entry and sends postmortem/indexChanged; a deletion removes it', async () => {
  await scanned();
  const changed = nextIndexChange();
  write('incidents/queue.md', readFixture('problems.md').replace('Queue outage', 'Queue meltdown'));
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uriOf('incidents/queue.md'), type: 2 }] });
  await changed;
  const { entries } = await server.request<IndexResult>(INDEX_METHOD, {});
  assert.equal(entries.find((entry) => entry.path === 'incidents/queue.md')?.title, 'Postmortem: Queue meltdown (draft)');

  const removed = nextIndexChange();
  rmSync(join(workspace, 'reports/batch.md'));
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uriOf('reports/batch.md'), type: 3 }] });
  await removed;
  const after = await server.request<IndexResult>(INDEX_METHOD, {});
  assert.deepEqual(after.entries.map((entry) => entry.path).sort(), ['incidents/login.md', 'incidents/queue.md']);
});

test('workspace/symbol finds an incident by its title and a timeline entry by its words', async () => {
  await scanned();
  const byTitle = await server.request<Array<{ name: string; location: { uri: string } }>>('workspace/symbol', { query: 'login outage' });
  assert.ok(byTitle.some((symbol) => symbol.name === 'Postmortem: Login outage on April 10th, 2024'));
  const byEntry = await server.request<Array<{ name: string; location: { uri: string; range: { start: { line: number } } } }>>('workspace/symbol', { query: 'expired certificate' });
  const entry = byEntry.find((symbol) => symbol.name.startsWith('Expired certificate found'));
  assert.ok(entry, JSON.stringify(byEntry));
  assert.equal(entry.location.uri, server.uriOf('incidents/login.md'));
  assert.equal(entry.location.range.start.line, 14);
});

test('with indexStoragePath the index is persisted there, and the option is not read as a setting', async () => {
  const storage = mkdtempSync(join(tmpdir(), 'postmortem-index-storage-'));
  const other = new TestServer(workspace);
  try {
    // A client that pushes its settings (no workspace/configuration): initializationOptions are read as settings.
    await other.initialize({ capabilities: {}, initializationOptions: { indexStoragePath: storage } });
    while ((await other.request<IndexResult>(INDEX_METHOD, {})).scanning) await new Promise((resolve) => setTimeout(resolve, 20));
    // Shut down at once, before the store's own timer: the shutdown writes it.
    assert.ok(!existsSync(join(storage, 'incident-index.json')));
    await other.shutdown();
    const stored = JSON.parse(readFileSync(join(storage, 'incident-index.json'), 'utf8'));
    assert.equal(stored.version, INDEX_STORE_VERSION);
    assert.ok(stored.files.some((file: { uri: string; entry: unknown }) => file.uri === other.uriOf('incidents/login.md') && file.entry));
    assert.ok(!other.logs.some((line) => /indexStoragePath/.test(line)), other.logs.join('\n'));
    // Reopened: the first request, sent at once, waits for the store rather than answer empty.
    const reopened = new TestServer(workspace);
    try {
      await reopened.initialize({ capabilities: {}, initializationOptions: { indexStoragePath: storage } });
      const first = await reopened.request<IndexResult>(INDEX_METHOD, {});
      assert.ok(first.entries.some((entry) => entry.uri === reopened.uriOf('incidents/login.md')), JSON.stringify(first.entries.map((entry) => entry.path)));
    } finally {
      await reopened.shutdown();
    }
  } finally {
    await other.shutdown();
    rmSync(storage, { recursive: true, force: true });
  }
});
