// Which files of a workspace folder the incident index reads: its Markdown files, minus node_modules,
// .git and the user's exclusions (`postmortem.index.exclude`, the editor's `files.exclude`).
import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';

/** Always left out, whatever the settings say. */
export const DEFAULT_INDEX_EXCLUDE = ['**/node_modules/**', '**/.git/**'];

const MARKDOWN = /\.(?:md|markdown)$/i;

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN.test(path);
}

/**
 * Whether a path relative to its folder is excluded: the path or one of its folders matches a glob
 * (`files.exclude` names folders as `**∕build`, which must leave out what is inside them).
 */
export function exclusionMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const valid = patterns.filter((pattern) => {
    try {
      picomatch(pattern);
      return true;
    } catch {
      return false;
    }
  });
  const matches = picomatch(valid.length ? valid : ['\0'], { dot: true });
  return (relativePath) => {
    const parts = relativePath.split('/');
    for (let end = parts.length; end > 0; end--) if (matches(parts.slice(0, end).join('/'))) return true;
    return false;
  };
}

/** The folder-relative path with forward slashes. */
export function relativePath(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

/** The Markdown files under `folder` (absolute paths, sorted) that `excluded` leaves in. */
export async function markdownFiles(folder: string, excluded: (relativePath: string) => boolean): Promise<string[]> {
  const found = await glob('**/*.{md,markdown}', { cwd: folder, absolute: true, ignore: DEFAULT_INDEX_EXCLUDE, followSymbolicLinks: false });
  return found.filter((path) => !excluded(relativePath(folder, path))).sort();
}
