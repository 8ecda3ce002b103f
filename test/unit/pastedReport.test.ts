// Issue 16: a report pasted inside a fenced block tagged `markdown`/`md`, as chat assistants answer, is
// read as Markdown, says so once, and its fence lines come out with one quick fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { analyze, diagnosticsOf, joinLines, settingsWith } from '../helpers';
import { isPostmortemDocument } from '../../server/src/core/detect';
import { frontMatterOf } from '../../server/src/core/markdown';
import { DEFAULT_INCLUDE } from '../../server/src/core/config';
import { codeActions } from '../../server/src/features/codeActions';
import { applyEdits } from '../../server/src/features/fixAll';
import { analyzeDocument } from '../../server/src/core/analyze';
import { renderResult } from '../../server/src/features/preview';

const REPORT = [
  '# Postmortem: checkout errors',
  '',
  '## Issue Summary',
  'From 10:00 to 11:30 UTC 20% of checkouts failed because a cache node ran out of memory.',
  '',
  '## Timeline',
  '- 10:00 UTC: alert on checkout errors',
  '- 10:40 UTC: cache node restarted',
  '- 11:30 UTC: all clear',
  '',
  '## Root Cause',
  'The cache held sessions with no expiry.',
];

const UNCLOSED = joinLines("Certainly! Here's the postmortem for the checkout incident:", '', '```markdown', ...REPORT, '');
const CLOSED = joinLines("Sure! Here's a draft:", '', '~~~md', ...REPORT, '~~~', '', 'Let me know if you want changes.');

test('a report inside an unclosed ```markdown block is read as Markdown, with one information diagnostic on the fence', () => {
  const model = analyze(UNCLOSED);
  assert.equal(model.timeline.length, 3);
  assert.equal(model.incident.durationMinutes, 90);
  assert.ok(model.sections.some((section) => section.id === 'root-cause'));
  const diagnostics = diagnosticsOf(UNCLOSED);
  const pasted = diagnostics.filter((d) => d.code === 'report-in-code-block');
  assert.equal(pasted.length, 1);
  assert.equal(pasted[0].severity, 3);
  assert.equal(pasted[0].range.start.line, 2);
  // Every other diagnostic sits on the file's own lines: the missing zone's, the fixes' anchors.
  const lines = UNCLOSED.split('\n');
  for (const d of diagnostics.filter((other) => other.code !== 'report-in-code-block')) {
    assert.ok(lines[d.range.start.line].trim() !== '' && !lines[d.range.start.line].startsWith('```'), `${d.code} on line ${d.range.start.line}`);
  }
  // Found as a postmortem by its content, the title being inside the block.
  assert.ok(analyzeDocument(UNCLOSED, settingsWith(), '/notes/answer.md').isPostmortem);
});

test('the quick fix removes the fence lines, and only those', () => {
  for (const text of [UNCLOSED, CLOSED]) {
    const model = analyze(text);
    const diagnostic = diagnosticsOf(text).find((d) => d.code === 'report-in-code-block');
    assert.ok(diagnostic);
    const [action] = codeActions(model, 'file:///answer.md', [diagnostic], settingsWith(), null);
    const fixed = applyEdits(text, (action.edit?.changes?.['file:///answer.md'] ?? []) as TextEdit[]);
    const expected = text.split('\n').filter((line) => !/^(?:```|~~~)/.test(line)).join('\n');
    assert.equal(fixed, expected);
    assert.ok(!diagnosticsOf(fixed).some((d) => d.code === 'report-in-code-block'));
    assert.equal(analyze(fixed).timeline.length, 3);
  }
});

test('a ```md example in a README is no pasted report, and code blocks tagged otherwise stay code', () => {
  const readme = joinLines('# my-lib', '', 'Write a file like this:', '', '```md', '# Title', '## Timeline', '- 10:00 start', '```', '', ...Array.from({ length: 12 }, (_, i) => `Option ${i} does something useful.`));
  assert.equal(analyze(readme).pastedReport, null);
  assert.equal(isPostmortemDocument('/repo/README.md', readme, frontMatterOf(readme), DEFAULT_INCLUDE), false);
  const bash = joinLines('# Postmortem', '```bash', ...REPORT.slice(1), '```');
  assert.equal(analyze(bash).pastedReport, null);
  assert.equal(analyze(bash).timeline.length, 0);
});

test('bare fences around the whole document (a student\'s README) hold a pasted report; a bare block after a first line, or a short one, is code', () => {
  const whole = joinLines('```', ...REPORT, '', '', '```', '');
  const model = analyze(whole);
  assert.deepEqual([model.pastedReport?.openLine, model.pastedReport?.closeLine, model.timeline.length, model.incident.durationMinutes], [0, 15, 3, 90]);
  assert.deepEqual(diagnosticsOf(whole).filter((d) => d.code === 'report-in-code-block').map((d) => d.range.start.line), [0]);
  // Only a bare block that opens the document, and holds nearly all of it.
  assert.equal(analyze(joinLines('# Postmortem: checkout errors', '```', ...REPORT.slice(1), '```')).pastedReport, null);
  assert.equal(analyze(joinLines('```', ...REPORT, '```', ...Array.from({ length: 2 }, (_, i) => `Note ${i}.`))).pastedReport, null);
  assert.equal(analyze(joinLines('```', ...REPORT, '```', 'Note.')).pastedReport?.openLine, 0);
});

test('the preview shows the pasted report as the report, not as code', () => {
  const { html } = renderResult(analyze(UNCLOSED), settingsWith(), 'file:///answer.md', 1);
  assert.match(html, /<h2[^>]*>Issue Summary<\/h2>/);
  assert.doesNotMatch(html, /<pre/);
});
