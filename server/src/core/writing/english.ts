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

export function looksEnglish(model: PostmortemModel): boolean {
  let english = memo.get(model);
  if (english === undefined) {
    // Counted as they are found: no array of every word.
    const sample = model.text.slice(0, SAMPLE_WORDS * 8).toLowerCase();
    const word = /\p{L}+/gu;
    let words = 0;
    let common = 0;
    for (let match = word.exec(sample); match !== null && words < SAMPLE_WORDS; match = word.exec(sample)) {
      words++;
      if (COMMON.has(match[0])) common++;
    }
    english = words < MIN_WORDS || common / words >= MIN_SHARE;
    memo.set(model, english);
  }
  return english;
}
