// The severity and status a postmortem's text states, for the incident index where its front matter says nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, joinLines } from '../helpers';
import { readBodyFields } from '../../server/src/core/bodyFields';
import { indexedPostmortem } from '../../server/src/features/indexEntry';
import { defaultSettings } from '../../server/src/rules/settings';

const TIMELINE = ['## Timeline', '- 10:00 UTC alert', '- 11:00 UTC fixed'];
const fieldsOf = (...lines: string[]) => readBodyFields(analyze(joinLines('# Outage', '', ...lines, '', ...TIMELINE, '- Status: investigating')));

test('a label line or a metadata table row before the timeline gives the severity and status, in their own short words', () => {
  assert.deepEqual(fieldsOf('**Date:** 2026-06-16', '**Severity:** High', '**Status:** RESOLVED'), { severity: 'High', status: 'RESOLVED' });
  assert.deepEqual(fieldsOf('- **Severity**: 🔴 Critical - paying customers unable to access paid features', '- **Status**: Resolved 2026-06-20'), { severity: 'Critical', status: 'Resolved' });
  assert.deepEqual(fieldsOf('| | |', '|---|---|', '| **Status** | **Resolved 2026-06-20** (patched) |', '| **Severity** | High (tool confinement) |'), { severity: 'High', status: 'Resolved' });
  assert.deepEqual(fieldsOf('| 項目 | 内容 |', '|------|------|', '| 重大度 | SEV-3（Knowledge Home 停止） |', '| ステータス | Draft |'), { severity: 'SEV-3', status: 'Draft' });
  assert.deepEqual(fieldsOf('Status: final Owners: @Hixie'), { severity: null, status: 'final' });
  // A placeholder, prose, or a status update in the timeline is none.
  assert.deepEqual(fieldsOf('* **Severity:** TBD', 'The status of the service was degraded for most of the afternoon and nobody knew why.'), { severity: null, status: null });
});

test('the index entry takes them where the front matter gives none; the front matter wins', () => {
  const entryOf = (text: string) => indexedPostmortem(analyze(text), defaultSettings(), new Date('2026-07-01T00:00:00Z'), { uri: 'file:///pm.md', path: 'pm.md', mtime: 0 }).entry;
  const body = joinLines('# Outage', '', '**Severity:** SEV-2', '**Status:** Resolved', '', ...TIMELINE);
  assert.deepEqual([entryOf(body).severity, entryOf(body).status], ['SEV-2', 'Resolved']);
  const front = joinLines('---', 'severity: SEV1', 'status: published', '---', body);
  assert.deepEqual([entryOf(front).severity, entryOf(front).status], ['SEV1', 'published']);
});
