// The writing rules read English only: a document mostly in another language ("Resumo", "Impacto") is
// left alone rather than half-read. English is told by its commonest short words.
import type { PostmortemModel } from '../model';

const COMMON = new Set(['the', 'and', 'of', 'to', 'was', 'is', 'in', 'we', 'a', 'it', 'on', 'for', 'that', 'with', 'were', 'by', 'this', 'at', 'our', 'be', 'from', 'not', 'are', 'an', 'as', 'which', 'has', 'had', 'have']);
/** English prose has about one word in three among these; Portuguese or Spanish well under one in ten. */
const MIN_SHARE = 0.12;
const SAMPLE_WORDS = 4_000;
/** Below this many words there is too little to tell: read as English. */
const MIN_WORDS = 60;

const memo = new WeakMap<PostmortemModel, boolean>();
/** The longest of COMMON: longer words need no look-up. */
const LONGEST_COMMON = Math.max(...[...COMMON].map((word) => word.length));
const LETTER = /\p{L}/u;

/** How many code units the letter at `at` takes (2 for one outside the BMP), or 0 when none starts there. */
function letterAt(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  if (unit < 0x80) return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) ? 1 : 0;
  const point = text.codePointAt(at) as number;
  return LETTER.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

export function looksEnglish(model: PostmortemModel): boolean {
  let english = memo.get(model);
  if (english === undefined) {
    // The words are the runs of letters (what /\p{L}+/gu finds), counted as they are scanned: this runs
    // on every document, and a match object or a string per word made it one of the costlier readers.
    const sample = model.text.slice(0, SAMPLE_WORDS * 8).toLowerCase();
    let words = 0;
    let common = 0;
    for (let at = 0; at < sample.length && words < SAMPLE_WORDS;) {
      let width = letterAt(sample, at);
      if (width === 0) {
        at++;
        continue;
      }
      const start = at;
      let ascii = true;
      for (; width > 0; width = at < sample.length ? letterAt(sample, at) : 0) {
        if (sample.charCodeAt(at) >= 0x80) ascii = false;
        at += width;
      }
      words++;
      if (ascii && at - start <= LONGEST_COMMON && COMMON.has(sample.slice(start, at))) common++;
    }
    english = words < MIN_WORDS || common / words >= MIN_SHARE;
    memo.set(model, english);
  }
  return english;
}
