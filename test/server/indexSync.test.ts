// Incremental index sync over stdio: after one saved file, `postmortem/index` with the last answer's
// version carries that one entry; a deleted file comes back in `removed`; a restarted server answers an
// old version with the whole index.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixture } from '../helpers';
import { TestServer } from './lspClient';
import { INDEX_CHANGED_NOTIFICATION, INDEX_DETAILS_METHOD, INDEX_METHOD, type IndexDetailsResult, type IndexParams, type IndexResult } from '../../server/src/protocol';

const workspace = mkdtempSync(join(tmpdir(), 'postmortem-index-sync-'));
const WATCHED = { capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } } };
let server: TestServer;
let told: Array<() => void> = [];

function write(relativePath: string, text: string): void {
  mkdirSync(join(workspace, relativePath, '..'), { recursive: true });
  writeFileSync(join(workspace, relativePath), text);
}

/** The whole index once the first scan is done. */
async function scanned(on: TestServer): Promise<IndexResult> {
  for (;;) {
    const result = await on.request<IndexResult>(INDEX_METHOD, {});
    if (!result.scanning) return result;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Tells the server of a file's change (2) or deletion (3), and waits for its postmortem/indexChanged. */
async function watched(relativePath: string, type: 2 | 3): Promise<void> {
  const changed = new Promise<void>((resolve) => told.push(resolve));
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uriOf(relativePath), type }] });
  await changed;
}

const index = (on: TestServer, params: IndexParams) => on.request<IndexResult>(INDEX_METHOD, params);
const details = (on: TestServer, params: IndexParams) => on.request<IndexDetailsResult>(INDEX_DETAILS_METHOD, params);

before(async () => {
  write('incidents/login.md', readFixture('classic-complete.md'));
  write('incidents/queue.md', readFixture('problems.md'));
  write('incidents/batch.md', readFixture('table-timeline.md'));
  server = new TestServer(workspace);
  server.connection.onNotification(INDEX_CHANGED_NOTIFICATION, () => {
    for (const resolve of told) resolve();
    told = [];
  });
  await server.initialize(WATCHED);
});

after(async () => {
  await server.shutdown();
  rmSync(workspace, { recursive: true, force: true });
});

test('after one saved file, a request with since carries that one entry; a deleted file is in removed', async () => {
  const first = await scanned(server);
  assert.equal(first.complete, true);
  assert.equal(first.entries.length, 3);
  const firstDetails = await details(server, {});
  assert.equal(firstDetails.entries.length, 3);

  write('incidents/queue.md', `${readFixture('problems.md').replace('Queue outage', 'Queue meltdown')}\n## Action Items\n\n- [ ] Alert on the queue's depth\n`);
  await watched('incidents/queue.md', 2);
  // The details answer from the same versions: the one file saved, with its new item.
  const savedDetails = await details(server, { since: firstDetails.version });
  assert.equal(savedDetails.complete, false);
  assert.deepEqual(savedDetails.entries.map((entry) => [entry.uri, entry.actionItems.map((item) => item.text)]), [[server.uriOf('incidents/queue.md'), ["Alert on the queue's depth"]]]);
  assert.deepEqual(firstDetails.entries.find((entry) => entry.uri === server.uriOf('incidents/queue.md'))?.actionItems, []);
  const saved = await index(server, { since: first.version });
  assert.equal(saved.complete, false);
  assert.deepEqual(saved.entries.map((entry) => [entry.uri, entry.title]), [[server.uriOf('incidents/queue.md'), 'Postmortem: Queue meltdown (draft)']]);
  assert.deepEqual(saved.removed, []);
  assert.notEqual(saved.version, first.version);

  rmSync(join(workspace, 'incidents/batch.md'));
  await watched('incidents/batch.md', 3);
  const deleted = await index(server, { since: saved.version });
  assert.deepEqual(deleted.entries, []);
  assert.deepEqual(deleted.removed, [server.uriOf('incidents/batch.md')]);

  // Nothing since: an empty delta. A bad since: the whole index, not an error.
  assert.deepEqual(await index(server, { since: deleted.version }), { entries: [], removed: [], complete: false, version: deleted.version, scanning: false });
  const bad = await index(server, { since: 17 } as never);
  assert.equal(bad.complete, true);
  assert.equal(bad.entries.length, 2);
});

test('a restarted server answers a version of the one before it with the whole index', async () => {
  const { version } = await scanned(server);
  const restarted = new TestServer(workspace);
  try {
    await restarted.initialize(WATCHED);
    await scanned(restarted);
    const result = await index(restarted, { since: version });
    assert.equal(result.complete, true);
    assert.deepEqual(result.entries.map((entry) => entry.path).sort(), ['incidents/login.md', 'incidents/queue.md']);
  } finally {
    await restarted.shutdown();
  }
});
