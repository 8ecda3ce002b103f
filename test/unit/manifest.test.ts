// package.json's contributes must match the code: every setting read, every command registered, and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { defaultSettings } from '../../server/src/core/config';
import { DEFAULT_SEVERITY, DIAGNOSTIC_CODES } from '../../server/src/protocol';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const properties: Record<string, { default?: unknown; properties?: Record<string, unknown> }> = manifest.contributes.configuration.properties;

function sources(dir: string): string {
  return readdirSync(dir).map((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? readFileSync(path, 'utf8') : '';
  }).join('\n');
}

test('every postmortem.* setting is a field the settings reader knows, with the same default', () => {
  const defaults = defaultSettings() as unknown as Record<string, unknown>;
  const contributed = Object.keys(properties).map((key) => key.replace(/^postmortem\./, ''));
  assert.deepEqual(contributed.sort(), Object.keys(defaults).sort());
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

test('every contributed command is registered by the client, and every registered command is contributed', () => {
  const client = sources(join(ROOT, 'client', 'src'));
  const contributed: string[] = (manifest.contributes.commands ?? []).map((c: { command: string }) => c.command);
  const registered = [...client.matchAll(/registerCommand\(\s*['"`]([^'"`]+)['"`]/g)].map((m) => m[1]);
  const named = [...client.matchAll(/COMMANDS\.[a-zA-Z]+\s*=\s*['"`]([^'"`]+)['"`]/g)].map((m) => m[1]);
  assert.deepEqual([...new Set([...registered, ...named])].sort(), [...contributed].sort());
});

test('the bin, main and server paths point at the bundles the build writes', () => {
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.bin['postmortem-lint'], './dist/cli.js');
  const client = sources(join(ROOT, 'client', 'src'));
  assert.match(client, /dist\/server\.js/);
  const build = readFileSync(join(ROOT, 'esbuild.mjs'), 'utf8');
  for (const out of ['dist/extension.js', 'dist/server.js', 'dist/cli.js']) assert.ok(build.includes(out), out);
});
