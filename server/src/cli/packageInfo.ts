// The CLI's own name, version and home page, from the package.json it ships in (dist/cli.js sits one
// folder below it; the sources, run by tests, three).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PackageInfo {
  version: string;
  /** Where the README lives on the web: the rules' help links point into it. */
  readmeUrl: string;
}

function findPackageJson(from: string): { version?: unknown; repository?: { url?: unknown } } {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown; repository?: { url?: unknown } };
    } catch {
      if (dirname(dir) === dir) return {};
    }
  }
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (!cached) {
    const json = findPackageJson(__dirname);
    const repository = typeof json.repository?.url === 'string' ? json.repository.url.replace(/^git\+/, '').replace(/\.git$/, '') : 'https://example.invalid/postmortem-writer';
    cached = { version: typeof json.version === 'string' ? json.version : '0.0.0', readmeUrl: `${repository}/blob/main/README.md` };
  }
  return cached;
}
