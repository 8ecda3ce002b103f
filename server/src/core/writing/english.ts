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
    const words = (model.text.slice(0, SAMPLE_WORDS * 8).toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, SAMPLE_WORDS);
    english = words.length < MIN_WORDS || words.filter((word) => COMMON.has(word)).length / words.length >= MIN_SHARE;
    memo.set(model, english);
  }
  return english;
}
