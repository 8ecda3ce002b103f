// package.json's contributes must match the code: every setting read, every command registered, and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { defaultSettings } from '../../server/src/rules/settings';
import { SEVERITY_NAMES } from '../../server/src/core/config';
import { AUTO_PROFILE, AUTO_PROFILE_DESCRIPTION, CUSTOM_PROFILE, PROFILES } from '../../server/src/core/profiles';
import { DEFAULT_SEVERITY, DIAGNOSTIC_CODES, RULES } from '../../server/src/rules/index';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const properties: Record<string, { default?: unknown; properties?: Record<string, unknown> }> = manifest.contributes.configuration.properties;

function sources(dir: string): string {
  return readdirSync(dir).map((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? readFileSync(path, 'utf8') : '';
  }).join('\n');
}

/** Settings the client reads itself (the server never needs them). */
const CLIENT_SETTINGS: Record<string, unknown> = { directory: 'postmortems' };

function flatten(record: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && key !== 'severity') Object.assign(out, flatten(value as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = value;
  }
  return out;
}

test('every postmortem.* setting is read by the server or the client, with the same default', () => {
  const defaults = { ...flatten(defaultSettings() as unknown as Record<string, unknown>), ...CLIENT_SETTINGS };
  const contributed = Object.keys(properties).map((key) => key.replace(/^postmortem\./, ''));
  assert.deepEqual(contributed.sort(), Object.keys(defaults).sort());
  const client = sources(join(ROOT, 'client', 'src'));
  for (const name of Object.keys(CLIENT_SETTINGS)) assert.match(client, new RegExp(`get<[^>]+>\\('${name}'`), `the client reads ${name}`);
  for (const [key, schema] of Object.entries(properties)) {
    const name = key.replace(/^postmortem\./, '');
    if (name === 'severity') continue;
    const expected = name === 'sections' ? [] : defaults[name] ?? '';
    assert.deepEqual(schema.default, expected, key);
  }
});

test('the severity setting lists every diagnostic code, and the README documents each', () => {
  assert.deepEqual(Object.keys(properties['postmortem.severity'].properties ?? {}).sort(), [...DIAGNOSTIC_CODES].sort());
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const code of DIAGNOSTIC_CODES) {
    assert.ok(readme.includes(`\`${code}\``), `README documents ${code}`);
    assert.ok(readme.includes(DEFAULT_SEVERITY[code]), 'and its default severity');
  }
  for (const key of Object.keys(properties)) assert.ok(readme.includes(`\`${key}\``), `README documents ${key}`);
});

test('postmortem.severity is the rules\' index: one property a rule, in its order, with the severity names, its default and its description', () => {
  const expected = Object.fromEntries(RULES.map((rule) => [rule.code, {
    type: 'string',
    enum: [...SEVERITY_NAMES],
    default: rule.defaultSeverity,
    description: `${rule.description} Default: ${rule.defaultSeverity}.`,
  }]));
  const contributed = properties['postmortem.severity'].properties ?? {};
  assert.deepEqual(Object.keys(contributed), RULES.map((rule) => rule.code), 'same codes, same order');
  assert.deepEqual(contributed, expected);
});

test('the README\'s diagnostic-code table is the rules\' index: code and default severity, in its order', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Diagnostic codes'));
  const rows = [...table.matchAll(/^\| `([a-z-]+)` \| ([a-z]+) \|/gm)].map((match) => ({ code: match[1], severity: match[2] }));
  assert.deepEqual(rows, RULES.map((rule) => ({ code: rule.code, severity: rule.defaultSeverity })));
});

test('postmortem.profile lists the built-in profiles and custom, with their descriptions', () => {
  const profile = properties['postmortem.profile'] as { enum?: string[]; enumDescriptions?: string[]; default?: string };
  assert.deepEqual(profile.enum, [AUTO_PROFILE, ...PROFILES.map((p) => p.name), CUSTOM_PROFILE.name]);
  assert.deepEqual(profile.enumDescriptions, [AUTO_PROFILE_DESCRIPTION, ...PROFILES.map((p) => p.description), CUSTOM_PROFILE.description]);
  assert.equal(profile.default, AUTO_PROFILE);
});

test('every contributed command is registered by the client, and every registered command is contributed', () => {
  const client = sources(join(ROOT, 'client', 'src'));
  const constants = new Map([...client.matchAll(/export const ([A-Z_]+) = '([^']+)'/g)].map((m) => [m[1], m[2]]));
  const contributed: string[] = (manifest.contributes.commands ?? []).map((c: { command: string }) => c.command);
  const registered = [...client.matchAll(/registerCommand\(\s*(?:['"`]([^'"`]+)['"`]|([A-Z_]+))/g)].map((m) => m[1] ?? constants.get(m[2]) ?? `unresolved ${m[2]}`);
  assert.ok(registered.length > 0);
  assert.deepEqual([...new Set(registered)].sort(), [...contributed].sort());
  for (const command of manifest.contributes.commands) assert.equal(command.category, 'Postmortem', command.command);
});

test('menus and the command palette only name contributed commands', () => {
  const contributed = new Set((manifest.contributes.commands ?? []).map((c: { command: string }) => c.command));
  for (const [menu, items] of Object.entries(manifest.contributes.menus ?? {}) as Array<[string, Array<{ command: string }>]>) {
    for (const item of items) assert.ok(contributed.has(item.command), `${menu}: ${item.command}`);
  }
});

test('the bin, main and server paths point at the bundles the build writes', () => {
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.bin['postmortem-lint'], './dist/cli.js');
  assert.equal(manifest.bin['postmortem-language-server'], './dist/language-server.js');
  const client = sources(join(ROOT, 'client', 'src'));
  assert.match(client, /dist\/server\.js/);
  const build = readFileSync(join(ROOT, 'esbuild.mjs'), 'utf8');
  for (const out of ['dist/extension.js', 'dist/server.js', 'dist/renderWorker.js', 'dist/indexWorker.js', 'dist/cli.js', 'dist/language-server.js']) assert.ok(build.includes(out), out);
  // The server starts the render worker from its own folder: the package must ship it.
  const packaged = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  for (const out of ['dist/extension.js', 'dist/server.js', 'dist/renderWorker.js', 'dist/indexWorker.js', 'dist/preview.js']) assert.ok(packaged.includes(`!${out}`), `.vscodeignore keeps ${out}`);
});

test('the Node bundles are ASCII only (one other character makes V8 hold a bundle\'s whole source at two bytes a character)', () => {
  for (const out of ['extension.js', 'server.js', 'renderWorker.js', 'indexWorker.js', 'cli.js', 'language-server.js']) {
    const code = readFileSync(join(ROOT, 'dist', out), 'utf8');
    const other = /[^\x00-\x7f]/.exec(code);
    assert.equal(other, null, `${out}: "${other?.[0]}" near "${code.slice(Math.max(0, (other?.index ?? 0) - 40), (other?.index ?? 0) + 10)}"`);
  }
});
