// The client's copy of the incident index (client/src/incidents/indexCopy.ts): the first answer whole,
// deltas applied by URI, a whole answer replacing everything, one order newest first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IndexCopy } from '../../client/src/incidents/indexCopy';
import type { IndexResult } from '../../server/src/protocol';
import { indexEntry } from '../indexEntries';

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
