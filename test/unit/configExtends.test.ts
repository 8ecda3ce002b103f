// The config loader's `extends` and JSONC, on injected files: what the editor and the CLI both read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfigFile, loadFolderConfig } from '../../server/src/service/configFile';

function files(contents: Record<string, string>) {
  return (path: string) => {
    if (!(path in contents)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return contents[path];
  };
}
const noPackages = (name: string) => {
  throw new Error(`no package ${name}`);
};

test('extends: later entries and the file itself win; a package resolves from the config folder', () => {
  const read = files({
    '/repo/.postmortem.jsonc': '{ "extends": ["./a.json", "team-config"], /* ours */ "timeZone": "UTC", }',
    '/repo/a.json': '{ "profile": "pagerduty", "durationTolerance": 1 }',
    '/repo/node_modules/team-config/index.json': '{ "profile": "google-sre" }',
  });
  const loaded = loadFolderConfig('/repo', read, (name, from) => {
    assert.equal(from, '/repo');
    return `/repo/node_modules/${name}/index.json`;
  });
  assert.equal(loaded?.error, undefined);
  assert.equal(loaded?.settings.profile, 'google-sre');
  assert.equal(loaded?.settings.durationTolerance, 1);
  assert.equal(loaded?.settings.timeZone, 'UTC');
});

test('a cycle, a missing target, a bad extends value: one error naming it, and the defaults (the editor keeps them and says so)', () => {
  const cycle = loadConfigFile('/r/a.json', files({ '/r/a.json': '{ "extends": "./b.json", "profile": "pagerduty" }', '/r/b.json': '{ "extends": "./a.json" }' }), noPackages);
  assert.equal(cycle?.error, '"extends" goes round in a cycle: /r/a.json -> /r/b.json -> /r/a.json');
  assert.equal(cycle?.settings.profile, 'auto');
  assert.deepEqual(cycle?.problems, [`${cycle?.error}; using the defaults`]);
  const missing = loadConfigFile('/r/a.json', files({ '/r/a.json': '{ "extends": "./gone.json" }' }), noPackages);
  assert.match(missing?.error ?? '', /^\/r\/gone\.json \(extended by \/r\/a\.json\): cannot be read \(ENOENT\)$/);
  const unknown = loadConfigFile('/r/a.json', files({ '/r/a.json': '{ "extends": "nope" }' }), noPackages);
  assert.match(unknown?.error ?? '', /"extends" names "nope", which cannot be found from \/r/);
  assert.match(loadConfigFile('/r/a.json', files({ '/r/a.json': '{ "extends": 3 }' }), noPackages)?.error ?? '', /"extends" must be a path or package name/);
  assert.equal(loadFolderConfig('/none', files({}), noPackages), null);
});
