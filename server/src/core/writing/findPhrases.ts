// Finding a list's phrases in lines of prose: each hit with its offsets and the phrase as written.
import type { PostmortemModel } from '../model';
import { phrasePrefilter } from './phrases';

export interface PhraseHit {
  line: number;
  start: number;
  end: number;
  /** The words as the document writes them. */
  phrase: string;
}

/**
 * What a hit's line says around it, for the rules' readings of context: the sentence up to the hit (past
 * the last ". ", "! " or "? " before it; a dot in "v1.2" ends none) and the rest of the line after it.
 */
export function textAround(model: PostmortemModel, hit: PhraseHit): { before: string; after: string } {
  const line = model.lines.index.lines[hit.line];
  return { before: line.text.slice(0, hit.start - line.start).split(/[.!?]\s/).pop() ?? '', after: line.text.slice(hit.end - line.start) };
}

/** Lines longer than this are data, not prose (a pasted log line, a minified blob). */
const MAX_PROSE_LINE = 5_000;

/**
 * Inline code spans hold commands and identifiers, and HTML tags hold markup, not the writer's words:
 * both are blanked before matching (same length, so offsets stay true).
 */
function withoutCode(text: string): string {
  return text.replace(/(`+)[^`]*?\1|<\/?[a-zA-Z][^<>]*>/g, (code) => ' '.repeat(code.length));
}

/** A line mostly in capitals is legal boilerplate ("… NEGLIGENCE OR OTHERWISE …"), not the writer's account. */
function isShouted(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 20 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.8;
}

/** The phrase hits in `lines`, in order; `first`: stop at the first one (a reader that needs only whether). */
export function findPhrases(model: PostmortemModel, lines: readonly number[], matcher: RegExp | null, first = false): PhraseHit[] {
  if (!matcher) return [];
  const hits: PhraseHit[] = [];
  const prefilter = phrasePrefilter(matcher);
  for (const line of lines) {
    const source = model.lines.index.lines[line];
    if (source.text.length > MAX_PROSE_LINE) continue;
    // Most lines hold no phrase: the costlier checks (code spans and tags, shouting) run only where they
    // can change the answer. Without "`" or "<" there is no code or tag to blank.
    const text = source.text.includes('`') || source.text.includes('<') ? withoutCode(source.text) : source.text;
    if (prefilter && !prefilter.test(text)) continue;
    const matches = [...text.matchAll(matcher)];
    if (matches.length === 0 || isShouted(source.text)) continue;
    for (const match of matches) {
      const at = match.index ?? 0;
      hits.push({ line, start: source.start + at, end: source.start + at + match[0].length, phrase: match[0] });
      if (first) return hits;
    }
  }
  return hits;
}

/** The data of a finding made from a phrase hit: the words as written and their line. */
export interface PhraseData<Code extends string> {
  code: Code;
  phrase: string;
  line: number;
}

/** A rule's problem (rules/rule.ts's Problem) from a phrase hit. */
export function phraseProblem<Code extends string>(code: Code, hit: PhraseHit, message: string): { start: number; end: number; message: string; data: PhraseData<Code> } {
  return { start: hit.start, end: hit.end, message, data: { code, phrase: hit.phrase, line: hit.line } };
}
