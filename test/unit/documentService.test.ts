// The document service with in-memory documents: models per version and settings, the postmortem
// guard, settings from .postmortem.json and the editor, and the injected clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDocumentService, EMPTY_ANALYSIS, type DocumentServiceOptions } from '../../server/src/service/documentService';
import { loadConfigFile } from '../../server/src/service/configFile';
import { readFixture } from '../helpers';

const FOLDER = 'file:///work/repo';
const POSTMORTEM = `${FOLDER}/incidents/login.md`;
const NOTES = `${FOLDER}/docs/notes.md`;

function serviceWith(options: Partial<DocumentServiceOptions> & { files?: Record<string, string> } = {}) {
  const logged: string[] = [];
  const shown: string[] = [];
  const files = options.files ?? {};
  const service = createDocumentService({
    logger: { warn: (message) => logged.push(message), error: (message) => logged.push(message) },
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: ${path}`);
      return files[path];
    },
    showSettingsProblems: (message) => shown.push(message),
    ...options,
  });
  service.setWorkspaceFolders([FOLDER]);
  return { service, logged, shown, files };
}

test('a model is built once per version, and again after an edit', async () => {
  const { service } = serviceWith();
  const text = readFixture('classic-complete.md');
  service.open(POSTMORTEM, text, 1);
  const first = await service.model(POSTMORTEM);
  assert.ok(first?.isPostmortem);
  assert.equal(await service.model(POSTMORTEM), first);
  service.update(POSTMORTEM, text.replace('Login outage', 'Sign-in outage'), 2);
  const second = await service.model(POSTMORTEM);
  assert.notEqual(second, first);
  assert.match(second?.text ?? '', /Sign-in outage/);
  assert.equal((await service.diagnostics(POSTMORTEM))?.version, 2);
});

test('features answer empty on a document that is not a postmortem; analysis says what it is', async () => {
  const { service } = serviceWith();
  service.open(NOTES, '# Notes\n\n## Timeline\n\n- 10:00 UTC: lunch\n', 1);
  const start = { line: 4, character: 4 };
  assert.deepEqual(await service.diagnostics(NOTES), { version: 1, diagnostics: [] });
  assert.deepEqual(await service.documentSymbols(NOTES), []);
  assert.deepEqual(await service.foldingRanges(NOTES), []);
  assert.deepEqual(await service.codeActions(NOTES, []), []);
  assert.equal(await service.hover(NOTES, start), null);
  assert.deepEqual(await service.completion(NOTES, { line: 5, character: 0 }), []);
  assert.deepEqual(await service.inlayHints(NOTES, { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }), []);
  assert.deepEqual(await service.sortTimeline(NOTES), []);
  assert.equal(await service.newTimelineEntry(NOTES, new Date()), null);
  assert.equal((await service.analysis(NOTES)).isPostmortem, false);
});

test('the Sort Timeline command turns a newest-first timeline over, and sorts one that runs forward', async () => {
  const { service } = serviceWith();
  const lines = (...entries: string[]) => ['# Postmortem: status page', '', '## Timeline (UTC)', '', ...entries, ''].join('\n');
  service.open(POSTMORTEM, lines('- 15:00 (Sat) Restored.', '- 20:30 Still running.', '- 18:00 Script started.', '- 15:00 Cause found.', '- 14:30 Investigating.'), 1);
  const turned = await service.sortTimeline(POSTMORTEM);
  assert.equal(turned.length, 1);
  assert.equal(turned[0].newText, ['- 14:30 Investigating.', '- 15:00 Cause found.', '- 18:00 Script started.', '- 20:30 Still running.', '- 15:00 (Sat) Restored.'].join('\n'));
  service.update(POSTMORTEM, lines('- 14:30 Investigating.', '- 20:30 Still running.', '- 15:00 Cause found.'), 2);
  assert.equal((await service.sortTimeline(POSTMORTEM))[0].newText, ['- 14:30 Investigating.', '- 15:00 Cause found.', '- 20:30 Still running.'].join('\n'));
});

test('a closed document is forgotten', async () => {
  const { service } = serviceWith();
  service.open(POSTMORTEM, readFixture('classic-complete.md'), 1);
  assert.ok(await service.model(POSTMORTEM));
  service.close(POSTMORTEM);
  assert.equal(await service.model(POSTMORTEM), null);
  assert.equal(await service.diagnostics(POSTMORTEM), null);
  assert.equal(await service.analysis(POSTMORTEM), EMPTY_ANALYSIS);
  assert.equal(await service.render(POSTMORTEM), null);
  assert.deepEqual([...service.uris()], []);
});

test('completion stamps a new timeline entry with the injected clock', async () => {
  const { service } = serviceWith({ clock: () => new Date('2024-04-10T15:04:00Z') });
  service.open(POSTMORTEM, readFixture('classic-complete.md'), 1);
  const items = await service.completion(POSTMORTEM, { line: 17, character: 0 });
  const entry = items.find((item) => item.detail === 'Timeline entry at the current time');
  assert.equal(entry?.label, '- **3:04 PM UTC:**');
});

test('settings: the folder\'s .postmortem.json under the editor\'s, re-read when they change, problems shown once', async () => {
  const editor: Record<string, unknown> = {};
  const { service, shown, files } = serviceWith({
    editorSettings: () => Promise.resolve(editor),
    files: { '/work/repo/.postmortem.json': JSON.stringify({ profile: 'google-sre', durationTolerance: 'soon' }) },
  });
  service.open(POSTMORTEM, readFixture('classic-complete.md'), 1);
  assert.equal((await service.settings(POSTMORTEM)).settings.profile, 'google-sre');
  const before = await service.model(POSTMORTEM);
  service.checkConfigFiles();
  assert.equal(shown.length, 1);
  assert.match(shown[0], /^Postmortem settings: \/work\/repo\/\.postmortem\.json: /);

  editor.profile = 'pagerduty';
  service.settingsChanged();
  assert.equal((await service.settings(POSTMORTEM)).settings.profile, 'pagerduty');
  assert.notEqual(await service.model(POSTMORTEM), before);

  files['/work/repo/.postmortem.json'] = '{ not json';
  delete editor.profile;
  service.settingsChanged();
  assert.equal((await service.settings(POSTMORTEM)).settings.profile, 'auto', 'the default: the document chooses');
  assert.equal(shown.length, 2);
  assert.match(shown[1], /not valid JSON/);
});

test('an editor that cannot answer for settings is logged, and the config file still counts', async () => {
  const { service, logged } = serviceWith({
    editorSettings: () => Promise.reject(new Error('no client')),
    files: { '/work/repo/.postmortem.json': '{ "profile": "pagerduty" }' },
  });
  assert.equal((await service.settings(POSTMORTEM)).settings.profile, 'pagerduty');
  assert.deepEqual(logged, ['postmortem: could not read settings: Error: no client']);
});

test('the config file loader: null when unreadable, defaults and a problem when not JSON', () => {
  const read = (text: string) => () => text;
  assert.equal(loadConfigFile('/nowhere/.postmortem.json', () => { throw new Error('ENOENT'); }), null);
  const broken = loadConfigFile('a.json', read('{'));
  assert.equal(broken?.settings.profile, 'auto');
  assert.match(broken?.problems[0] ?? '', /^a\.json: not valid JSON \(.*\); using the defaults$/);
  assert.deepEqual(loadConfigFile('b.json', read('{ "profile": "google-sre" }'))?.problems, []);
});
