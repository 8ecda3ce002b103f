// The core's import graph: no cycles, and core/markdown/ reached only through its index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from '../helpers';

const SERVER = join(ROOT, 'server', 'src');
const CORE = join(SERVER, 'core');
const MARKDOWN = join(CORE, 'markdown');
const inMarkdown = (file: string) => file.startsWith(MARKDOWN + sep);

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The files a source imports or re-exports from by a relative path (type-only imports too). */
function relativeImports(file: string): string[] {
  const targets: string[] = [];
  for (const match of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)) {
    const base = resolve(dirname(file), match[1]);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path));
    if (target) targets.push(target);
  }
  return targets;
}

test('the core has no import cycle', () => {
  const done = new Set<string>();
  const onPath: string[] = [];
  const cycles: string[] = [];
  const visit = (file: string): void => {
    onPath.push(file);
    for (const target of relativeImports(file)) {
      const at = onPath.indexOf(target);
      if (at >= 0) cycles.push([...onPath.slice(at), target].map((path) => relative(CORE, path)).join(' -> '));
      else if (!done.has(target) && target.startsWith(CORE + sep)) visit(target);
    }
    onPath.pop();
    done.add(file);
  };
  for (const file of sourcesUnder(CORE)) if (!done.has(file)) visit(file);
  assert.deepEqual(cycles, []);
});

test('outside core/markdown/, the server reaches Markdown reading only through its index', () => {
  const reachingIn = sourcesUnder(SERVER)
    .filter((file) => !inMarkdown(file))
    .flatMap((file) => relativeImports(file).filter((target) => inMarkdown(target) && target !== join(MARKDOWN, 'index.ts')).map((target) => `${relative(SERVER, file)} imports ${relative(SERVER, target)}`));
  assert.deepEqual(reachingIn, []);
});

test('no source holds a control character (a backspace where a regular expression meant \\b, written by a script)', () => {
  const folders = ['server/src', 'client/src', 'preview-src', 'test/unit', 'test/server', 'bench', 'scripts'].map((folder) => join(ROOT, folder));
  const files = folders.flatMap((folder) => readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|mjs|js)$/.test(entry.name)).map((entry) => join(entry.parentPath, entry.name)));
  assert.ok(files.length > 100, `${files.length} files read`);
  const control = /[\x00-\x08\x0b\x0c\x0e-\x1f]/;
  assert.deepEqual(files.filter((file) => control.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file)), []);
});
