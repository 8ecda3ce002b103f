// Each scenario gets its own copy of the fixture workspace in a temp dir: the quick fix edits the
// document, and neither the repo nor the next scenario may see that edit.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_WORKSPACE } from './config.mjs';

export function copyWorkspace(tmpRoot, name) {
  const dir = path.join(tmpRoot, 'workspaces', name);
  fs.cpSync(FIXTURE_WORKSPACE, dir, { recursive: true });
  return dir;
}

/** A workspace holding only some of the fixture's files (paths relative to it). */
export function partialWorkspace(tmpRoot, name, files) {
  const dir = path.join(tmpRoot, 'workspaces', name);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(FIXTURE_WORKSPACE, file), path.join(dir, file));
  }
  return dir;
}

/**
 * A workspace of `count` postmortems generated at run time (never committed): the fixture's
 * postmortems in `postmortems/` copied in turn, each with a numbered title, in folders of a
 * hundred files.
 */
export function generatedWorkspace(tmpRoot, name, count) {
  const dir = path.join(tmpRoot, 'workspaces', name);
  const sources = fs.readdirSync(path.join(FIXTURE_WORKSPACE, 'postmortems')).filter((file) => file.endsWith('.md')).sort()
    .map((file) => ({ file, text: fs.readFileSync(path.join(FIXTURE_WORKSPACE, 'postmortems', file), 'utf8') }));
  for (let i = 0; i < count; i++) {
    const { file, text } = sources[i % sources.length];
    const folder = path.join(dir, 'postmortems', `batch-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    const numbered = text.replace(/^(title: |# )(.+)$/gm, `$1$2 (copy ${i + 1})`);
    fs.writeFileSync(path.join(folder, `${String(i + 1).padStart(5, '0')}-${file}`), numbered);
  }
  return dir;
}

/** 1-based line of the first line containing `text` in a workspace file, as the status bar shows. */
export function lineOf(workspaceDir, file, text) {
  const lines = fs.readFileSync(path.join(workspaceDir, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${file} has no line containing ${JSON.stringify(text)}`);
  return index + 1;
}
