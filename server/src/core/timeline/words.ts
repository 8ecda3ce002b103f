// An entry's words with its nested lines: "- **04:15 PM (UTC):**" and below it "  - Issue Detected:
// monitoring alerted us…" are one entry, and what it says is in the nested line.
import type { MarkdownLines } from '../markdown';
import { plainText, skipLinePrefix } from '../inline';
import type { TimelineEntry } from './types';

/** Enough words to tell what an entry marks; a pasted log below an entry is not read whole. */
const MAX_WORDS_LENGTH = 600;

/**
 * The entry's words after its time, then those of its nested lines (code and tables left out), plain.
 * A time alone takes the prompt it answers: "* when was the issue detected:" and below it "2:17 PM (GMT)"
 * (corpus 050, the ALX template's questions).
 */
export function entryWords(md: MarkdownLines, entry: TimelineEntry): string {
  let words = entry.text;
  for (let line = entry.line + 1; line <= entry.lastLine && words.length < MAX_WORDS_LENGTH; line++) {
    const kind = md.info[line].kind;
    if (kind !== 'paragraph' && kind !== 'heading') continue;
    const nested = plainOf(md, line);
    if (nested) words += ` ${nested}`;
  }
  return (words.trim() ? words : promptAbove(md, entry.line)).slice(0, MAX_WORDS_LENGTH);
}

function plainOf(md: MarkdownLines, line: number): string {
  const raw = md.index.lines[line].text;
  return plainText(raw.slice(skipLinePrefix(raw)));
}

/** The line above `line` (blank lines aside) when it asks or labels ("…detected?", "Detection:"); else nothing. */
function promptAbove(md: MarkdownLines, line: number): string {
  let above = line - 1;
  while (above >= 0 && md.info[above].kind === 'blank') above--;
  if (above < 0 || (md.info[above].kind !== 'paragraph' && md.info[above].kind !== 'heading')) return '';
  const prompt = plainOf(md, above).trim();
  return /[:?]$/.test(prompt) ? prompt : '';
}
