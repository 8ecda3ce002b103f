// Which documents are postmortems: only they get anything from us, never a plain README.
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';

const TITLE_WORDS = /\b(?:post[\s-]?mortem|postmortem|incident\s+report|post[\s-]incident\s+review|post[\s-]incident\s+report)\b/i;

const matcherCache = new Map<string, (path: string) => boolean>();

function matcherFor(patterns: readonly string[]): (path: string) => boolean {
  const key = patterns.join('\u0000');
  let matcher = matcherCache.get(key);
  if (!matcher) {
    const compiled = patterns.flatMap((pattern) => {
      try {
        return [picomatch(pattern, { dot: true, nocase: true })];
      } catch {
        return [];
      }
    });
    matcher = (path) => compiled.some((test) => test(path));
    matcherCache.set(key, matcher);
  }
  return matcher;
}

/** Whether a path (absolute or relative, any separators) matches one of the include globs. */
export function matchesInclude(path: string, include: readonly string[]): boolean {
  const normalized = path.replace(/\\/g, '/').replace(/^[a-zA-Z]:/, '').replace(/^\/+/, '');
  return matcherFor(include)(normalized);
}

/** Front matter `type: postmortem`, or a title or first heading that says what the document is. */
export function saysPostmortem(text: string, frontMatter: string | null): boolean {
  if (frontMatter !== null) {
    try {
      const data: unknown = parseYaml(frontMatter);
      if (typeof data === 'object' && data !== null) {
        const record = data as Record<string, unknown>;
        for (const key of ['type', 'kind', 'layout', 'category']) {
          const value = record[key];
          if (typeof value === 'string' && TITLE_WORDS.test(value.replace(/[-_]/g, ' '))) return true;
        }
        if (typeof record.title === 'string' && TITLE_WORDS.test(record.title)) return true;
      }
    } catch {
      // Broken front matter: fall back to the headings.
    }
  }
  // The title: the first heading, or the first non-empty line when the document has no heading.
  const head = text.slice(0, 4000);
  const heading = /^ {0,3}#{1,6}[ \t]*(.+)$|^\s*<h[1-6][^>]*>(.*)$/m.exec(head);
  if (heading) return TITLE_WORDS.test(heading[1] ?? heading[2] ?? '');
  const body = head.replace(/^---[\s\S]*?\n---\s*\n/, '');
  const title = body.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  return TITLE_WORDS.test(title);
}

/** A `profile:` named in the front matter (`profile: google-sre`), which wins over the settings'. */
export function frontMatterProfile(frontMatter: string | null): string | null {
  if (frontMatter === null) return null;
  try {
    const data: unknown = parseYaml(frontMatter);
    if (typeof data === 'object' && data !== null) {
      const value = (data as Record<string, unknown>).profile;
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
  } catch {
    // Broken front matter names no profile.
  }
  return null;
}

export function isPostmortemDocument(path: string | null, text: string, frontMatter: string | null, include: readonly string[]): boolean {
  if (path && matchesInclude(path, include)) return true;
  return saysPostmortem(text, frontMatter);
}
