// Which documents are postmortems: only they get anything from us, never a plain README.
import picomatch from 'picomatch';
import { looksLikePostmortem } from './detectByContent';
import { frontMatterSyntaxOf, parseFrontMatter, type FrontMatterSyntax } from './frontMatter';

// "Postmortem", "Post Mortem", "Post-Mortem Report", "Incident Reports", "Outage Report", "Incident Review",
// "Post-Incident Report", "Root Cause Analysis": what people call the document in its title.
// Also a title that names the outage itself: "Load Balance Outage (Issue #214)", "DNS Outage on 2023-01-25",
// "March 26th, 2019 Boskos Outage" (not "Outage runbook").
// "Posmortem" as typed in a hurry; "Security Incident Disclosure" as Homebrew titled theirs.
const TITLE_WORDS = /\b(?:post?[\s-]?mortems?|(?:incident|outage)\s+(?:reports?|reviews?|disclosures?)|post[\s-]incident\s+(?:reviews?|reports?)|root\s+cause\s+analysis)\b|\boutage\s*(?:$|\(|on\b|[-–—:,])/i;

/** Whether a title says what the document is: "Postmortem: …", "Incident Report", "DNS Outage on …". */
export function namesPostmortem(title: string): boolean {
  return TITLE_WORDS.test(title);
}

/** Front matter keys that, beside a `severity`, make a status page's incident ("severity: partial-outage", "resolved: true"). */
const INCIDENT_KEYS = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved', 'incident', 'affectedSystems'];

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
      const data = parseFrontMatter(frontMatter, frontMatterSyntaxOf(text));
      if (typeof data === 'object' && data !== null) {
        const record = data as Record<string, unknown>;
        for (const key of ['type', 'kind', 'layout', 'category']) {
          const value = record[key];
          if (typeof value === 'string' && TITLE_WORDS.test(value.replace(/[-_]/g, ' '))) return true;
        }
        if (typeof record.title === 'string' && TITLE_WORDS.test(record.title)) return true;
        if (record.severity !== undefined && INCIDENT_KEYS.some((key) => record[key] !== undefined)) return true;
      }
    } catch {
      // Broken front matter: fall back to the headings.
    }
  }
  const head = text.slice(0, 4000);
  const heading = /^ {0,3}#{1,6}[ \t]*(.+)$|^\s*<h[1-6][^>]*>(.*)$/m.exec(head);
  if (heading && TITLE_WORDS.test(heading[1] ?? heading[2] ?? '')) return true;
  // The title as a reader sees it: the first line with words, past blank lines, images and comments
  // (a Setext title, a plain first line, a title under a banner image).
  return TITLE_WORDS.test(firstWordsLine(head));
}

const IMAGE_OR_COMMENT = /^\s*(?:(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>|<!--.*?-->|\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\))\s*)+$/i;

function firstWordsLine(head: string): string {
  const body = head.replace(/^(?:---|\+\+\+)[\s\S]*?\n(?:---|\+\+\+)\s*\n/, '');
  for (const line of body.split(/\r\n|\r|\n/, 40)) {
    if (line.trim() === '' || IMAGE_OR_COMMENT.test(line)) continue;
    return line;
  }
  return '';
}

/** A `profile:` named in the front matter (`profile: google-sre`), which wins over the settings'. */
export function frontMatterProfile(frontMatter: string | null, syntax: FrontMatterSyntax): string | null {
  // A key reads "profile" only when it is written so, or spelled with escapes ("pro\x66ile"): other
  // front matter is not parsed here (the front matter reader parses it once, with its own options).
  if (frontMatter === null || (!frontMatter.includes('profile') && !frontMatter.includes('\\'))) return null;
  try {
    const data = parseFrontMatter(frontMatter, syntax);
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
  return saysPostmortem(text, frontMatter) || looksLikePostmortem(text);
}
