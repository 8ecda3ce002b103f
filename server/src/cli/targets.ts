// What the command line names: a file is always linted; the Markdown files found in a folder or by a
// glob are linted when they are postmortems.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './args';

export interface Target {
  /** Absolute. */
  path: string;
  /** Named on the command line: linted even when it does not look like a postmortem. */
  explicit: boolean;
}

/**
 * Explicit files, and the Markdown files of folders and globs, in path order. `postmortemsOnly`: named
 * files too are linted only when they are postmortems (pre-commit names every staged Markdown file).
 */
export function expandTargets(targets: string[], postmortemsOnly = false): Target[] {
  const found = new Map<string, boolean>();
  for (const target of targets) {
    let isDirectory = false;
    let exists = false;
    try {
      const stats = statSync(target);
      exists = true;
      isDirectory = stats.isDirectory();
    } catch {
      exists = false;
    }
    if (exists && !isDirectory) {
      found.set(resolve(target), !postmortemsOnly);
    } else if (exists && isDirectory) {
      for (const file of globSync('**/*.{md,markdown}', { cwd: target, absolute: true, ignore: ['**/node_modules/**'] })) {
        if (!found.has(file)) found.set(file, false);
      }
    } else if (isDynamicPattern(target)) {
      for (const file of globSync(target, { absolute: true, ignore: ['**/node_modules/**'] })) {
        if (!found.has(file)) found.set(file, false);
      }
    } else {
      throw new UsageError(`no such file or folder: ${target}`);
    }
  }
  return [...found].map(([path, explicit]) => ({ path, explicit })).sort((a, b) => a.path.localeCompare(b.path));
}
