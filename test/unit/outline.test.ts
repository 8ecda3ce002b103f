// The outline shows what the reader sees: section and entry names as text, not Markdown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { analyze, joinLines } from '../helpers';
import { documentSymbols } from '../../server/src/features/documentSymbols';

function names(text: string): string[] {
  const all = (symbol: DocumentSymbol): DocumentSymbol[] => [symbol, ...(symbol.children ?? []).flatMap(all)];
  return documentSymbols(analyze(text)).flatMap(all).map((symbol) => symbol.name);
}

test('outline names are text: no heading marks, bold, links\' URLs, images or trailing colons', () => {
  const found = names(joinLines(
    '# **Postmortem**: [API outage](https://example.com/incidents/12)',
    '## ![icon](icon.png) Issue Summary:',
    '- ### Duration',
    '2 hours, from 10:00 to 12:00 UTC.',
    '## [Timeline](https://example.com/timeline) (all times UTC)',
    '- **10:00** [Alert](https://pager.example.com/1) fires for `api-gateway`',
    '- 12:00 Fixed',
    '',
    '**Root Cause and Resolution**',
    'A bad config &amp; a slow rollback.',
  ));
  assert.deepEqual(found.filter((name) => !/^\d/.test(name)), ['Postmortem: API outage', 'Issue Summary', 'Duration', 'Timeline (all times UTC)', 'Root Cause and Resolution']);
  assert.ok(found.includes('10:00 Alert fires for api-gateway'), found.join(' | '));
  for (const name of found) assert.doesNotMatch(name, /[*#`]|\]\(|https?:/, name);
});
