// The smallest documents the property tests (fuzz.test.ts) shrank their failures to, kept as plain tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, codesOf, settingsWith } from '../helpers';
import { codeActions } from '../../server/src/features/codeActions';
import { applyEdits, fixAllEdits } from '../../server/src/features/fixAll';
import { FIX_ALL_KIND } from '../../server/src/protocol';

const URI = 'file:///doc-postmortem.md';

function fixAllOnce(text: string, raw: Record<string, unknown> = {}): string {
  const settings = settingsWith(raw);
  const [action] = codeActions(analyze(text, raw), URI, [], settings, null, [FIX_ALL_KIND]);
  return action ? applyEdits(text, action.edit?.changes?.[URI] ?? []) : text;
}

test('a byte order mark does not shift the Markdown structure by one character', () => {
  const text = '\ufeff# Postmortem: API outage\n## Issue Summary\nFrom 10:00 to 11:00 UTC, users saw errors.\n\n## Timeline\n\n- 10:00 UTC a';
  const model = analyze(text);
  assert.deepEqual(model.lines.info.slice(0, 5).map((line) => line.kind), ['heading', 'heading', 'paragraph', 'blank', 'heading']);
  assert.deepEqual(model.sections.map((section) => section.id), ['summary', 'timeline']);
  const once = fixAllOnce(text);
  assert.equal(once.match(/## Timeline/g)?.length, 1, 'fix-all does not insert the Timeline again');
  assert.equal(fixAllOnce(once), once, 'idempotent');
});

test('a section named like a summary fact, after a bold summary, gets a real heading (not read as the fact)', () => {
  const raw = { profile: 'google-sre' };
  const once = fixAllOnce('**Issue Summary:**', raw);
  assert.equal(once.match(/Impact/g)?.length, 1, once);
  assert.match(once, /^## Impact$/m);
  assert.ok(!codesOf(once, raw).includes('section-missing'), codesOf(once, raw).join());
  assert.equal(fixAllOnce(once, raw), once, 'idempotent');
});

test('fix-all never inserts a section twice, even when the model does not read what it inserted', () => {
  // Whatever the heading style, each round must make its problem go away, or be undone.
  for (const text of ['**Issue Summary:**', '+ Summary:\nx', 'Summary:\n- 10:00 UTC x', '<h2>Summary</h2>']) {
    for (const profile of ['classic', 'google-sre', 'pagerduty', 'atlassian']) {
      const once = fixAllOnce(text, { profile });
      assert.equal(fixAllOnce(once, { profile }), once, `${profile}: ${JSON.stringify(text)}`);
      const headings = once.split('\n').filter((line) => /^(?:#+ |\*\*|\+ )/.test(line));
      assert.equal(new Set(headings).size, headings.length, `${profile}: a heading inserted twice in ${JSON.stringify(once)}`);
    }
  }
});

test('the fix-all edit never starts or ends between "\\r" and "\\n", nor inside a surrogate pair', () => {
  const settings = settingsWith();
  const crlf = '# Postmortem: API outage\r## Issue Summary\n- 00:00 users could not log in\r\n## Issue Summary';
  const edits = fixAllEdits(analyze(crlf), settings, null);
  const once = applyEdits(crlf, edits);
  assert.ok(once.includes('- 00:00 users could not log in\r'), JSON.stringify(once));
  assert.ok(once.startsWith('# Postmortem: API outage\r## Issue Summary\n- 00:00 users could not log in'));
  const astral = '# Postmortem\n## Timeline (UTC)\n- 😀 10:30 b\n- 😁 10:00 a';
  const sorted = applyEdits(astral, fixAllEdits(analyze(astral), settings, null));
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(sorted), `no lone surrogate in ${JSON.stringify(sorted)}`);
  assert.match(sorted, /- 😁 10:00 a\n- 😀 10:30 b/);
});
