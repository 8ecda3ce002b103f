// The outline shows what the reader sees: section and entry names as text, not Markdown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { analyze, joinLines, liveStrings, settingsWith } from '../helpers';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { analyzeDocument } from '../../server/src/core/analyze';
import { AnalysisCache } from '../../server/src/core/incremental';

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

test('after edits with the server\'s cache, the outline is the one a fresh analysis gives (entry names follow their words)', () => {
  const entries = Array.from({ length: 40 }, (_, i) => `- ${String(10 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')} UTC **Step ${i}**: checked [the dashboard](https://example.com/${i})`);
  const cache = new AnalysisCache();
  let text = joinLines('# Postmortem: cache outage', '## Timeline', ...entries, '');
  const outline = (source: string, withCache?: AnalysisCache) => documentSymbols(analyzeDocument(source, settingsWith(), null, true, withCache));
  assert.deepEqual(outline(text, cache), outline(text));
  const edits = [['Step 7', 'Step seven', 'Step seven'], ['dashboard](https://example.com/3)', 'runbook](https://example.com/3)', 'Step 3: checked the runbook'], ['Step seven', 'Step 7', 'Step 7: checked']];
  for (const [from, to, shown] of edits) {
    text = text.replace(from, to);
    const edited = outline(text, cache);
    assert.deepEqual(edited, outline(text), `after "${from}" → "${to}"`);
    const timeline = edited[0].children?.find((symbol) => symbol.name === 'Timeline');
    assert.ok(timeline?.children?.some((entry) => entry.name.includes(shown)), `an entry now says "${shown}": ${timeline?.children?.map((entry) => entry.name).join(' | ')}`);
  }
});

test('the outline keeps nothing of a document once it is answered (what it remembers of its entries are copies)', async () => {
  const marker = `# Postmortem: outline retention ${Date.now()}`;
  const length = ((): number => {
    // Entries of one long word, which reading them plain leaves as it is: a slice of the text, not a copy.
    const entries = Array.from({ length: 30 }, (_, i) => `- 10:${String(i).padStart(2, '0')} UTC Redeployed-build-number-${i}-everywhere`);
    const text = joinLines(marker, '', '## Timeline', ...entries, '', ...Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} of the story.`), '');
    assert.ok(documentSymbols(analyze(text))[0].children?.length);
    return text.length;
  })();
  assert.equal(await liveStrings(marker, length), 0, 'no string kept holds the document');
});
