// The client's copy of the incident index (client/src/incidents/indexCopy.ts): the first answer whole,
// deltas applied by URI, a whole answer replacing everything, one order newest first; the rows and
// their details (lifecycles, action items) joined by URI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IncidentCopy, IndexCopy } from '../../client/src/incidents/indexCopy';
import type { IncidentIndexDetails, IncidentIndexEntry, IndexDetailsResult, IndexResult } from '../../server/src/protocol';
import { newestFirst } from '../../server/src/shared/newestFirst';
import { actionItem, indexEntry, point } from '../indexEntries';

const march = indexEntry({ path: 'pm/march.md', title: 'March', date: '2024-03-14' });
const may = indexEntry({ path: 'pm/may.md', title: 'May', date: '2024-05-02' });
const june = indexEntry({ path: 'pm/june.md', title: 'June', date: '2024-06-01' });
const undated = indexEntry({ path: 'pm/undated.md', title: 'Undated' });

function answer(fields: Partial<IndexResult>): IndexResult {
  return { entries: [], removed: [], complete: false, version: 'srv:1', scanning: false, ...fields };
}

const titles = (copy: IndexCopy) => copy.snapshot.entries.map((entry) => entry.title);

test('asks without since first, then with the version of its last answer', () => {
  const copy = new IndexCopy();
  assert.equal(copy.since, undefined);
  assert.equal(copy.snapshot.scanning, true, 'nothing known yet: as if the scan ran');
  assert.equal(copy.apply(answer({ entries: [march, undated, may], complete: true, version: 'srv:3', scanning: true })), true);
  assert.equal(copy.since, 'srv:3');
  assert.deepEqual(titles(copy), ['May', 'March', 'Undated']);
  assert.equal(copy.snapshot.scanning, true);
});

test('a delta puts changed entries by URI and drops removed ones; the list stays newest first', () => {
  const copy = new IndexCopy();
  copy.apply(answer({ entries: [march, may, undated], complete: true, version: 'srv:3' }));
  const renamed = { ...march, title: 'March, renamed' };
  assert.equal(copy.apply(answer({ entries: [june, renamed], removed: [undated.uri, 'file:///never/known.md'], version: 'srv:7' })), true);
  assert.deepEqual(titles(copy), ['June', 'May', 'March, renamed']);
  assert.equal(copy.since, 'srv:7');
});

test('an empty delta changes nothing the views show; the end of the scan does', () => {
  const copy = new IndexCopy();
  copy.apply(answer({ entries: [march], complete: true, version: 'srv:3', scanning: true }));
  const before = copy.snapshot.entries;
  assert.equal(copy.apply(answer({ version: 'srv:3', scanning: true })), false);
  assert.equal(copy.snapshot.entries, before, 'the same list, not sorted again');
  assert.equal(copy.apply(answer({ version: 'srv:3', scanning: false })), true);
  // Removing what it does not hold is no change either.
  assert.equal(copy.apply(answer({ removed: ['file:///never/known.md'], version: 'srv:4' })), false);
});

test('a whole answer (a restarted server, a version it no longer knows) replaces everything', () => {
  const copy = new IndexCopy();
  copy.apply(answer({ entries: [march, may], complete: true, version: 'old:9' }));
  copy.apply(answer({ entries: [june], complete: true, version: 'new:2' }));
  assert.deepEqual(titles(copy), ['June']);
  assert.equal(copy.since, 'new:2');
  // An answer that says nothing of completeness (an older server) is whole too.
  copy.apply({ entries: [may], scanning: false } as unknown as IndexResult);
  assert.deepEqual(titles(copy), ['May']);
  assert.equal(copy.since, undefined, 'no version given: the next request asks for everything');
});

test('clear forgets everything: the next request is whole', () => {
  const copy = new IndexCopy();
  copy.apply(answer({ entries: [march], complete: true, version: 'srv:3' }));
  copy.clear();
  assert.equal(copy.since, undefined);
  assert.deepEqual(copy.snapshot, { entries: [], scanning: false });
});

test('the one order: a start without a date (a local time) is undated, not newer than every date', () => {
  const timeOnly = indexEntry({ path: 'pm/time-only.md', title: 'Time only', start: 'T14:00' });
  const copy = new IndexCopy();
  copy.apply(answer({ entries: [timeOnly, undated, march], complete: true }));
  assert.deepEqual(titles(copy), ['March', 'Time only', 'Undated']);
});

test('deltas merged into the sorted list give the order a whole sort gives, delta after delta', () => {
  // A seeded sequence of puts, changes and removals over 60 files, some sharing a date, some undated.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const copy = new IndexCopy();
  const truth = new Map<string, IncidentIndexEntry>();
  copy.apply(answer({ entries: [], complete: true, version: 'srv:0' }));
  for (let round = 1; round <= 40; round++) {
    const entries: IncidentIndexEntry[] = [];
    const removed: string[] = [];
    // Distinct files in one delta, each put or removed (as the server sends them).
    const files = new Set(Array.from({ length: 5 }, () => Math.floor(next() * 60)));
    for (const n of files) {
      const entry = indexEntry({ path: `pm/${n}.md`, title: `${n}@${round}`, date: next() < 0.2 ? null : `2024-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 3)}` });
      if (next() < 0.25) {
        removed.push(entry.uri);
        truth.delete(entry.uri);
      } else {
        entries.push(entry);
        truth.set(entry.uri, entry);
      }
    }
    copy.apply(answer({ entries, removed, version: `srv:${round}` }));
    assert.deepEqual(titles(copy), [...truth.values()].sort(newestFirst).map((entry) => entry.title), `round ${round}`);
  }
});

test('the views get each row at once, then joined with its lifecycle and action items when those come', () => {
  const withItems = indexEntry({ path: 'pm/march.md', title: 'March', date: '2024-03-14', lifecycle: [point('started', '2024-03-14T10:00Z')], actionItems: [actionItem({ text: 'Alert sooner', line: 20 })] });
  const { lifecycle, actionItems, ...row } = withItems;
  const details: IncidentIndexDetails = { uri: withItems.uri, lifecycle, actionItems };
  const detailsAnswer = (fields: Partial<IndexDetailsResult>): IndexDetailsResult => ({ entries: [], removed: [], complete: false, version: 'srv:1', scanning: false, ...fields });
  const copy = new IncidentCopy();
  assert.equal(copy.applyRows(answer({ entries: [row, may], complete: true, version: 'srv:3' })), true);
  const listed = copy.snapshot;
  assert.equal(listed.detailed, false);
  assert.deepEqual(listed.entries.map((entry) => [entry.title, entry.openItems, entry.actionItems.length, entry.lifecycle.length]), [['May', 0, 0, 0], ['March', 1, 0, 0]], 'the counts at once, the items after');
  assert.equal(copy.snapshot.entries, listed.entries, 'nothing new: the same list');

  assert.equal(copy.applyDetails(detailsAnswer({ entries: [details], complete: true, version: 'srv:3' })), true);
  const detailed = copy.snapshot;
  assert.equal(detailed.detailed, true);
  assert.deepEqual(detailed.entries[1], withItems, 'the row and its details make the whole entry');
  assert.equal(detailed.entries[0], listed.entries[0], 'an entry whose row and details did not change is the same object');

  // A delta of rows alone (a new title) keeps the details the copy holds.
  copy.applyRows(answer({ entries: [{ ...row, title: 'March, renamed' }], version: 'srv:4' }));
  assert.deepEqual(copy.snapshot.entries[1].actionItems, actionItems);
  assert.equal(copy.snapshot.entries[1].title, 'March, renamed');
  // A delta of details alone (the item done).
  const done = { ...details, actionItems: [{ ...actionItems[0], done: true }] };
  assert.equal(copy.applyDetails(detailsAnswer({ entries: [done], version: 'srv:4' })), true);
  assert.equal(copy.snapshot.entries[1].actionItems[0].done, true);
  assert.equal(copy.applyDetails(detailsAnswer({ version: 'srv:4' })), false, 'an empty delta changes nothing');
  // A removed row is gone, whatever details the copy still holds for it.
  copy.applyRows(answer({ removed: [withItems.uri], version: 'srv:5' }));
  assert.deepEqual(copy.snapshot.entries.map((entry) => entry.title), ['May']);
  assert.equal(copy.details.since, 'srv:4');
  assert.equal(copy.rows.since, 'srv:5');

  copy.clear();
  assert.deepEqual(copy.snapshot, { entries: [], scanning: false, detailed: false });
  assert.equal(copy.rows.since, undefined);
  assert.equal(copy.details.since, undefined);
});
