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

/** 1-based line of the first line containing `text` in a workspace file, as the status bar shows. */
export function lineOf(workspaceDir, file, text) {
  const lines = fs.readFileSync(path.join(workspaceDir, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${file} has no line containing ${JSON.stringify(text)}`);
  return index + 1;
}
