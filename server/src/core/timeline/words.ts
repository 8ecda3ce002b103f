// An entry's words with its nested lines: "- **04:15 PM (UTC):**" and below it "  - Issue Detected:
// monitoring alerted us…" are one entry, and what it says is in the nested line.
import type { MarkdownLines } from '../markdown';
import { plainText, skipLinePrefix } from '../inline';
import type { TimelineEntry } from './types';

/** Enough words to tell what an entry marks; a pasted log below an entry is not read whole. */
const MAX_WORDS_LENGTH = 600;

/** The entry's words after its time, then those of its nested lines (code and tables left out), plain. */
export function entryWords(md: MarkdownLines, entry: TimelineEntry): string {
  let words = entry.text;
  for (let line = entry.line + 1; line <= entry.lastLine && words.length < MAX_WORDS_LENGTH; line++) {
    const kind = md.info[line].kind;
    if (kind !== 'paragraph' && kind !== 'heading') continue;
    const raw = md.index.lines[line].text;
    const nested = plainText(raw.slice(skipLinePrefix(raw)));
    if (nested) words += ` ${nested}`;
  }
  return words.slice(0, MAX_WORDS_LENGTH);
}
