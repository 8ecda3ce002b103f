// TOML front matter, between "+++" fences, as Hugo and Zola sites write it (corpus 102-104 come from
// such a blog): read like YAML front matter, with its keys' places, its dates as text, its tables'
// keys kept apart, broken TOML as an error where the parser stopped, and quick fixes and completion
// that write TOML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORPUS_SKIP, analyze, joinLines, readCorpus } from '../helpers';
import { analyzeDocument } from '../../server/src/core/analyze';
import { isPostmortemDocument } from '../../server/src/core/detect';
import { frontMatterOf } from '../../server/src/core/markdown';
import { completion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { applyEdits } from '../../server/src/features/fixAll';
import { indexedPostmortem } from '../../server/src/features/indexEntry';
import { findingsOf } from '../../server/src/rules/findings';
import { frontmatterInvalid } from '../../server/src/rules/frontmatterInvalid';
import { defaultSettings } from '../../server/src/rules/settings';

const TODAY = new Date('2026-05-01T12:00:00Z');

const DOC = joinLines(
  '+++',
  'title = "Checkout outage postmortem"',
  'date = 2023-01-25',
  'severity = "sev2"  # as the team wrote it',
  "status = 'draft'",
  'started = 2023-01-25T09:15:00Z',
  'resolved = 2023-01-25T10:45:00Z',
  'authors = [',
  '  "Ana Lima",',
  '  "Bo Chen",',
  ']',
  'description = """',
  'title = "not a key of the front matter"',
  '"""',
  '',
  '[extra]',
  'status = "published"',
  'team = "payments"',
  '+++',
  '',
  '## Summary',
  '',
  'Checkout failed for 90 minutes.',
  '',
  '## Timeline',
  '',
  '- 09:15 UTC deploy starts failing',
  '- 10:45 UTC resolved',
  '',
);

test('TOML front matter: its keys in written order with their places, dates as text, a table\'s keys kept apart', () => {
  const model = analyze(DOC);
  const front = model.frontMatter;
  assert.ok(front);
  assert.equal(front.syntax, 'toml');
  assert.deepEqual(front.errors, []);
  assert.deepEqual(front.fields.map((field) => field.key), ['title', 'date', 'severity', 'status', 'started', 'resolved', 'authors', 'description']);
  const at = (key: string) => front.fields.find((field) => field.key === key)!;
  assert.equal(DOC.slice(at('severity').keyStart, at('severity').keyEnd), 'severity');
  assert.equal(DOC.slice(at('severity').valueStart, at('severity').valueEnd), '"sev2"', 'the value without its comment');
  assert.equal(DOC.slice(at('status').valueStart, at('status').valueEnd), "'draft'");
  assert.equal(front.title, 'Checkout outage postmortem');
  assert.equal(front.date, '2023-01-25');
  assert.equal(front.status, 'draft', 'not [extra]\'s status');
  assert.deepEqual(front.authors, ['Ana Lima', 'Bo Chen']);
  assert.deepEqual(front.lifecycle, { started: '2023-01-25T09:15:00Z', resolved: '2023-01-25T10:45:00Z' });
  assert.equal(model.incident.durationMinutes, 90, 'started and resolved are the window');
  // The blank line and "[extra]" inside the front matter cut no chunk: the whole block is front matter.
  assert.ok(model.lines.info.slice(0, 19).every((line) => line.kind === 'frontmatter'), model.lines.info.slice(0, 19).map((line) => line.kind).join(','));
  assert.equal(model.lines.info[20].kind, 'heading');
  assert.equal(model.timeline.length, 2);
});

test('TOML front matter: a bad value is flagged on its quoted value, and the fix writes it back quoted', () => {
  const model = analyze(DOC);
  const invalid = findingsOf(model, defaultSettings(), TODAY).filter((finding) => finding.code === 'frontmatter-invalid');
  assert.equal(invalid.length, 1);
  assert.equal(DOC.slice(invalid[0].start, invalid[0].end), '"sev2"');
  const data = invalid[0].data as { code: 'frontmatter-invalid'; key: string; suggestion: string | null };
  assert.equal(data.suggestion, 'SEV2');
  const fixed = applyEdits(DOC, frontmatterInvalid.fixes[0].edits(model, data));
  assert.match(fixed, /^severity = "SEV2"  # as the team wrote it$/m);
  assert.equal(analyze(fixed).frontMatter?.severity, 'SEV2');
  assert.deepEqual(findingsOf(analyze(fixed), defaultSettings(), TODAY).filter((finding) => finding.code.startsWith('frontmatter-')), []);
});

test('TOML front matter: completion writes "key = " and quoted values; none under a table; hover on a key', () => {
  const lists = defaultSettings().frontMatter;
  const withLine = (line: string) => DOC.replace("status = 'draft'\n", `${line}\n`);
  const keys = completion(analyze(withLine('')), { line: 4, character: 0 }, TODAY, '', true, lists);
  const owner = keys.find((item) => item.label === 'owner');
  assert.equal((owner?.textEdit as { newText: string }).newText, 'owner = ');
  assert.ok(!keys.some((item) => item.label === 'title'), 'a key written already is not offered');
  // After `status = "` with the quote the editor closed: the value replaces both quotes.
  const values = completion(analyze(withLine('status = ""')), { line: 4, character: 10 }, TODAY, '', true, lists);
  assert.deepEqual(values.map((item) => item.label), lists.statuses);
  const edit = values[0].textEdit as { range: { start: { character: number }; end: { character: number } }; newText: string };
  assert.deepEqual([edit.range.start.character, edit.range.end.character, edit.newText], [9, 11, '"draft"']);
  assert.equal(applyEdits(withLine('status = ""'), [{ range: { start: { line: 4, character: 9 }, end: { line: 4, character: 11 } }, newText: edit.newText }]).split('\n')[4], 'status = "draft"');
  assert.deepEqual(completion(analyze(DOC), { line: 17, character: 0 }, TODAY, '', true, lists), [], 'under [extra], keys are the table\'s');
  const key = hover(analyze(DOC), { line: 3, character: 2 }, TODAY);
  assert.match(String((key?.contents as { value: string }).value), /\*\*severity\*\*[\s\S]*`SEV1`/);
});

test('TOML front matter: broken TOML is an error where the parser stopped, and the rest of the document is read', () => {
  const text = joinLines('+++', 'title = "Outage postmortem"', 'status = [unclosed', '+++', '', '## Timeline', '', '- 10:00 UTC start', '- 11:00 UTC end', '');
  const model = analyze(text);
  assert.equal(model.frontMatter?.fields.length, 0);
  const malformed = findingsOf(model, defaultSettings(), TODAY).filter((finding) => finding.code === 'frontmatter-malformed');
  assert.equal(malformed.length, 1);
  assert.equal(malformed[0].severity, 'error');
  assert.match(malformed[0].message, /^Front matter: not valid TOML: /);
  assert.equal(model.lines.index.lineAt(malformed[0].start), 2, 'on the broken line');
  assert.equal(model.timeline.length, 2);
  assert.equal(model.incident.durationMinutes, 60);
});

test('TOML front matter: it says what the document is and names its profile, like YAML', () => {
  const text = joinLines('+++', 'title = "Database outage postmortem"', 'profile = "google-sre"', '+++', '', 'The database was down.', '');
  assert.equal(isPostmortemDocument('/site/content/blog/db.md', text, frontMatterOf(text), []), true);
  const model = analyzeDocument(text, defaultSettings(), '/site/content/blog/db.md', false);
  assert.equal(model.isPostmortem, true);
  assert.equal(model.profile.name, 'google-sre');
  assert.equal(model.profileSource, 'front-matter');
  // "+++" in the middle of a document, or with words after it, is no front matter.
  assert.equal(analyze(joinLines('# Outage postmortem', '', '+++', 'title = "x"', '+++', '')).frontMatter, null);
  assert.equal(analyze(joinLines('+++ Outage postmortem', 'title = "x"', '+++', '')).frontMatter, null);
  // After a byte order mark it is, as micromark reads it, and no chunk is cut in it.
  const bom = analyze(`\ufeff${DOC}`);
  assert.equal(bom.frontMatter?.title, 'Checkout outage postmortem');
  assert.ok(bom.lines.info.slice(0, 19).every((line) => line.kind === 'frontmatter'));
});

test('corpus: the Rust blog postmortems (TOML front matter) are indexed by their titles', { skip: CORPUS_SKIP }, () => {
  const titles = {
    '102.md': 'crates.io Postmortem: Broken Crate Downloads',
    '103.md': 'docs.rs outage postmortem',
    '104.md': 'DNS Outage on 2023-01-25',
  };
  for (const [file, title] of Object.entries(titles)) {
    const model = analyzeDocument(readCorpus(file), defaultSettings(), `/corpus/${file}`, true);
    assert.equal(model.frontMatter?.syntax, 'toml', file);
    assert.deepEqual(model.frontMatter?.errors, [], file);
    const { entry } = indexedPostmortem(model, defaultSettings(), TODAY, { uri: `file:///corpus/${file}`, path: file, mtime: 0 });
    assert.equal(entry.title, title, file);
    assert.ok(findingsOf(model, defaultSettings(), TODAY).every((finding) => !finding.code.startsWith('frontmatter-')), file);
  }
});
