// workspace/symbol over the index's packed timelines: entries found by every word, whatever the case
// or the whitespace they were written with, at their own lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packTimeline, unpackTimeline, type IndexedPostmortem } from '../../server/src/features/indexEntry';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import type { IncidentIndexEntry } from '../../server/src/protocol';

function postmortem(path: string, title: string, timeline: Array<{ line: number; text: string }>): IndexedPostmortem {
  const entry = { uri: `file:///ws/${path}`, path, title } as IncidentIndexEntry;
  return { entry, timeline: packTimeline(timeline) };
}

test('a packed timeline unpacks to its entries, each on one line, tabs and line breaks in words made spaces', () => {
  const entries = [{ line: 12, text: 'Paged the\ton-call\nengineer' }, { line: 14, text: '  Rolled back 1.2.3 ' }];
  assert.deepEqual(unpackTimeline(packTimeline(entries)), [{ line: 12, text: 'Paged the on-call engineer' }, { line: 14, text: 'Rolled back 1.2.3' }]);
  assert.deepEqual(unpackTimeline(packTimeline([])), []);
});

test('an entry is found when each word of the query is in it, in any case; a line number is not a word', () => {
  const indexed = [
    postmortem('a.md', 'Login outage', [{ line: 12, text: 'Expired CERTIFICATE found on the gateway' }, { line: 13, text: 'Certificate renewed' }]),
    postmortem('b.md', 'Search latency', [{ line: 40, text: 'Index rebuild started' }]),
  ];
  const found = workspaceSymbols(indexed, 'certificate EXPIRED');
  assert.deepEqual(found.map((symbol) => [symbol.name, symbol.location.range.start.line]), [['Expired CERTIFICATE found on the gateway', 12]]);
  assert.deepEqual(workspaceSymbols(indexed, '40'), []);
  assert.deepEqual(workspaceSymbols(indexed, 'a.b(').map((symbol) => symbol.name), [], 'regular-expression characters are searched as text');
});
