// Finding a list's phrases in lines of prose: each hit with its offsets and the phrase as written.
import type { PostmortemModel } from '../model';

export interface PhraseHit {
  line: number;
  start: number;
  end: number;
  /** The words as the document writes them. */
  phrase: string;
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

export function findPhrases(model: PostmortemModel, lines: readonly number[], matcher: RegExp | null): PhraseHit[] {
  if (!matcher) return [];
  const hits: PhraseHit[] = [];
  for (const line of lines) {
    const source = model.lines.index.lines[line];
    if (source.text.length > MAX_PROSE_LINE || isShouted(source.text)) continue;
    for (const match of withoutCode(source.text).matchAll(matcher)) {
      const at = match.index ?? 0;
      hits.push({ line, start: source.start + at, end: source.start + at + match[0].length, phrase: match[0] });
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
