// Section titles as people write them: "## Timeline", "**Timeline:**", "+ Timeline:", "TIMELINE;",
// "1. Timeline", "Corrective/Preventative measures", "Timeline (all times UTC)".
import { plainText } from './inline';

export interface NormalizedTitle {
  /** Lower-case words, punctuation, numbering and parentheticals removed. */
  words: string;
  /** Text inside parentheses, kept for time zones and dates ("Timeline (GMT+ 1)"). */
  parenthetical: string;
  /** Whether the title ended with a colon or semicolon, as label lines do. */
  colon: boolean;
}

export function normalizeTitle(raw: string): NormalizedTitle {
  let text = plainText(raw);
  const colon = /[:;]\s*[*_]*\s*$/.test(text) || /[:;]\s*$/.test(raw.trim());
  const parentheticals: string[] = [];
  // Replacements that need a character run only where it is there: every short line is read as a title.
  if (text.includes('(') || text.includes('[')) {
    text = text.replace(/[(\[]([^)\]]*)[)\]]/g, (_match, inner: string) => {
      parentheticals.push(inner);
      return ' ';
    });
  }
  let words = text.toLowerCase();
  if (words.includes('&')) words = words.replace(/&/g, ' and ');
  if (words.includes('/')) words = words.replace(/\//g, ' and ');
  words = words
    .replace(/^\s*(?:\d{1,2}|[ivx]{1,4}|[a-h])\s*[.):]\s+/, '')
    .replace(/^\s*\d{1,2}\s+(?=\p{L})/u, '');
  if (words.includes("'") || words.includes('’')) words = words.replace(/['’]/g, '');
  words = words.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return { words, parenthetical: parentheticals.join(' '), colon };
}

export function normalizeAlias(alias: string): string {
  return normalizeTitle(alias).words;
}

export type MatchMode = 'heading' | 'label';

export interface AliasMatch {
  alias: string;
  /** 3 exact, 2 alias followed by a few words, 1 alias preceded by a word or two. */
  score: number;
}

/**
 * How well `words` (normalized) names one of `aliases` (normalized). Headings may add a few words
 * ("Timeline of events", "Issue Summary must contain"), more after "of", one more before "and" ("Lessons
 * Learned & Preventive Measures"); label lines must say the name alone.
 */
export function matchAliases(words: string, aliases: readonly string[], mode: MatchMode): AliasMatch | null {
  let best: AliasMatch | null = null;
  for (const alias of aliases) {
    if (!alias) continue;
    let score = 0;
    if (words === alias) score = 3;
    else if (mode === 'heading' && startsWithWords(words, alias) && extraWords(words, alias) <= (ofAfter(words, alias) ? 7 : 4)) score = 2;
    else if (mode === 'heading' && endsWithWords(words, alias) && extraWords(words, alias) <= (andBefore(words, alias) ? 3 : 2)) score = 1;
    if (score === 0) continue;
    if (!best || score > best.score || (score === best.score && alias.length > best.alias.length)) {
      best = { alias, score };
    }
  }
  return best;
}

// Every title is matched against every alias of every profile: these compare in place, building no string.
const SPACE = 0x20;

/** `words` starts with `alias` and a space (normalized words are separated by single spaces). */
function startsWithWords(words: string, alias: string): boolean {
  return words.length > alias.length && words.charCodeAt(alias.length) === SPACE && words.startsWith(alias);
}

/** "summary of issues established during the emergency": what the name is of may take more words. */
function ofAfter(words: string, alias: string): boolean {
  return words.startsWith(' of ', alias.length);
}

/** "lessons learned and preventive measures": a second name joined to the first may have one more word before it. */
function andBefore(words: string, alias: string): boolean {
  return words.endsWith(' and', words.length - alias.length - 1);
}

/** `words` ends with a space and `alias`. */
function endsWithWords(words: string, alias: string): boolean {
  return words.length > alias.length && words.charCodeAt(words.length - alias.length - 1) === SPACE && words.endsWith(alias);
}

function spaces(text: string): number {
  let count = 0;
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) count++;
  return count;
}

function extraWords(words: string, alias: string): number {
  return spaces(words) - spaces(alias);
}
