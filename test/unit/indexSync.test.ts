// Incremental index sync on the server: each answer's version, a delta after it with only what changed
// (add, change, delete, rename, no longer a postmortem), and a whole answer for any `since` it cannot
// answer exactly (another instance, the future, not a version, a rescan with changed settings, pruned).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFixture, settingsWith } from '../helpers';
import { IncidentIndex, unansweredIndex } from '../../server/src/service/incidentIndex';
import { IndexVersions } from '../../server/src/service/indexVersions';
import type { IndexResult } from '../../server/src/protocol';

/** A workspace folder with `files`, and an index over it whose folder settings `settings()` gives. */
async function indexed(files: Record<string, string>, settings: () => Record<string, unknown> = () => ({})) {
  const root = join(mkdtempSync(join(tmpdir(), 'postmortem-index-sync-')), 'ws');
  const uriOf = (path: string) => pathToFileURL(join(root, path)).href;
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
    return uriOf(path);
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  const index = new IncidentIndex({
    logger: { warn: () => undefined, error: () => undefined },
    clock: () => new Date('2024-06-01T12:00:00Z'),
    folderSettings: async () => settingsWith(settings()),
    openDocument: async () => null,
    changed: () => undefined,
  });
  const folder = pathToFileURL(root).href;
  await index.start([folder]);
  return { index, root, folder, uriOf, write };
}

const titles = (result: IndexResult) => result.entries.map((entry) => entry.title);
const pathsOf = (result: IndexResult) => result.entries.map((entry) => entry.path).sort();

test('without since: the whole index with a version; with the latest version: an empty delta', async () => {
  const { index } = await indexed({ 'incidents/login.md': readFixture('classic-complete.md'), 'incidents/queue.md': readFixture('problems.md') });
  const whole = index.result();
  assert.equal(whole.complete, true);
  assert.deepEqual(whole.removed, []);
  assert.deepEqual(pathsOf(whole), ['incidents/login.md', 'incidents/queue.md']);
  assert.match(whole.version, /^[0-9a-f]+:\d+$/);
  assert.deepEqual(index.result({}), whole, 'empty params: the whole index, as before');
  assert.deepEqual(index.result({ since: whole.version }), { entries: [], removed: [], complete: false, version: whole.version, scanning: false });
});

test('a delta carries what was added or changed, and the URIs deleted, renamed away or no longer postmortems', async () => {
  const { index, root, uriOf, write } = await indexed({
    'incidents/login.md': readFixture('classic-complete.md'),
    'incidents/queue.md': readFixture('problems.md'),
    'incidents/batch.md': readFixture('table-timeline.md'),
  });
  const first = index.result();

  await index.refresh(write('incidents/queue.md', readFixture('problems.md').replace('Queue outage', 'Queue meltdown')));
  const changed = index.result({ since: first.version });
  assert.equal(changed.complete, false);
  assert.deepEqual(titles(changed), ['Postmortem: Queue meltdown (draft)']);
  assert.deepEqual(changed.removed, []);

  await index.refresh(write('incidents/new.md', readFixture('classic-complete.md')));
  renameSync(join(root, 'incidents/login.md'), join(root, 'incidents/signin.md'));
  index.removed(uriOf('incidents/login.md'));
  await index.refresh(uriOf('incidents/signin.md'));
  const renamed = index.result({ since: changed.version });
  assert.deepEqual(pathsOf(renamed), ['incidents/new.md', 'incidents/signin.md']);
  assert.deepEqual(renamed.removed, [uriOf('incidents/login.md')]);

  rmSync(join(root, 'incidents/new.md'));
  index.removed(uriOf('incidents/new.md'));
  // Not text any more (its folder makes anything else there a postmortem): it leaves the index.
  await index.refresh(write('incidents/batch.md', 'binary\0'));
  const gone = index.result({ since: renamed.version });
  assert.deepEqual(gone.entries, []);
  assert.deepEqual(gone.removed.sort(), [uriOf('incidents/batch.md'), uriOf('incidents/new.md')].sort());

  // From the first version, every change at once; a file added then deleted in between is only removed.
  const since = index.result({ since: first.version });
  assert.deepEqual(pathsOf(since), ['incidents/queue.md', 'incidents/signin.md']);
  assert.deepEqual(since.removed.sort(), [uriOf('incidents/batch.md'), uriOf('incidents/login.md'), uriOf('incidents/new.md')].sort());
  // A file re-created after its deletion is an entry again, not a removal.
  await index.refresh(write('incidents/new.md', readFixture('classic-complete.md')));
  const back = index.result({ since: gone.version });
  assert.deepEqual(pathsOf(back), ['incidents/new.md']);
  assert.deepEqual(back.removed, []);
});

test('a delta for one folder holds only that folder\'s changes', async () => {
  const { index, folder, write } = await indexed({ 'a/login.md': readFixture('classic-complete.md') });
  const first = index.result({ folder });
  await index.refresh(write('b/queue.md', readFixture('problems.md')));
  assert.equal(index.result({ folder, since: first.version }).entries.length, 1);
  assert.deepEqual(index.result({ folder: 'file:///elsewhere', since: first.version }).entries, []);
});

test('a since it cannot answer exactly gets the whole index: another instance, the future, not a version', async () => {
  const files = { 'incidents/login.md': readFixture('classic-complete.md') };
  const one = await indexed(files);
  const other = await indexed(files);
  const version = one.index.result().version;
  const [instance, count] = version.split(':');
  for (const since of [other.index.result().version, `${instance}:${Number(count) + 1}`, `${instance}:-1`, `${instance}:1e3`, `${instance}:`, 'garbage', '', 42, null, { since: version }]) {
    const result = one.index.result({ since } as never);
    assert.equal(result.complete, true, String(since));
    assert.deepEqual(pathsOf(result), ['incidents/login.md'], String(since));
  }
  // Params that are not an object with strings are read as empty: the whole index, never an error.
  assert.equal(one.index.result(null).complete, true);
  assert.equal(one.index.result({ folder: 7 } as never).entries.length, 1);
});

test('a rescan with changed settings answers a version from before it whole, and deltas after it', async () => {
  let settings: Record<string, unknown> = {};
  const { index, folder, write } = await indexed({ 'incidents/login.md': readFixture('classic-complete.md') }, () => settings);
  const before = index.result();
  settings = { index: { exclude: ['archive/**'] } };
  await index.start([folder]);
  const after = index.result({ since: before.version });
  assert.equal(after.complete, true);
  assert.deepEqual(pathsOf(after), ['incidents/login.md']);
  await index.refresh(write('incidents/queue.md', readFixture('problems.md')));
  assert.deepEqual(pathsOf(index.result({ since: after.version })), ['incidents/queue.md']);
  // The same settings again: a rescan that reads nothing new changes no version.
  await index.start([folder]);
  const same = index.result();
  assert.deepEqual(index.result({ since: same.version }).entries, []);
});

test('tombstones beyond one per file are dropped, and a version older than that is answered whole', () => {
  const versions = new IndexVersions('test');
  versions.changed('file:///kept.md');
  const start = versions.current;
  assert.equal(versions.after(start), 1);
  for (let i = 0; i < 1024; i++) versions.removed(`file:///${i}.md`, true);
  assert.equal(versions.removedAfter(versions.after(start) ?? -1).length, 1024);
  versions.removed('file:///one-more.md', true);
  assert.equal(versions.after(start), null, 'pruned: answered whole');
  assert.notEqual(versions.after(versions.current), null, 'a version after the pruning is answered');
  // A file that never had an entry leaves no tombstone.
  versions.removed('file:///never-listed.md', false);
  assert.deepEqual(versions.removedAfter(0), []);
});

test('a failed or cancelled answer leaves a client\'s copy as it is', () => {
  assert.deepEqual(unansweredIndex({ since: 'abc:3' }), { entries: [], removed: [], complete: false, version: 'abc:3', scanning: false });
  assert.equal(unansweredIndex({}).complete, true);
  assert.equal(unansweredIndex(null).complete, true);
});
