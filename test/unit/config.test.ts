import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveProfile } from '../../server/src/core/config';
import { defaultSettings, readSettings } from '../../server/src/rules/settings';

test('valid settings are taken, field by field', () => {
  const { settings, problems } = readSettings({ profile: 'google-sre', durationTolerance: 10, timeZone: 'GMT+1', severity: { 'section-order': 'off' }, include: ['docs/**/*.md'] });
  assert.deepEqual(problems, []);
  assert.equal(settings.profile, 'google-sre');
  assert.equal(settings.durationTolerance, 10);
  assert.equal(settings.severity['section-order'], 'off');
  assert.equal(settings.severity['section-missing'], 'warning');
  assert.deepEqual(settings.include, ['docs/**/*.md']);
  assert.equal(resolveProfile(settings).name, 'google-sre');
});

test('bad values are reported and replaced by their defaults; the rest still applies', () => {
  const { settings, problems } = readSettings({ profile: 'nope', durationTolerance: 'ten', timeZone: 'Mars/Olympus', severity: { 'no-such-code': 'error', 'section-order': 'loud' }, include: 'x', durationTolerance2: 1 });
  const defaults = defaultSettings();
  assert.equal(settings.profile, defaults.profile);
  assert.equal(settings.durationTolerance, 5);
  assert.equal(settings.timeZone, '');
  assert.equal(settings.severity['section-order'], 'warning');
  assert.equal(problems.length, 6, problems.join('\n'));
  assert.equal(readSettings('a string').problems.length, 1);
  assert.deepEqual(readSettings(null).problems, []);
  const custom = readSettings({ profile: 'custom' });
  assert.equal(custom.settings.profile, 'classic');
  assert.equal(custom.problems.length, 1);
});
