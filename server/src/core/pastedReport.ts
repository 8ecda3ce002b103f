// A report pasted inside a fenced block tagged `markdown`/`md` (a chat assistant's "Certainly! Here's
// the postmortem:" then "```markdown", often never closed), or inside an untagged one that is the whole
// document (a student's README between two bare fences): renderers show it as code, a reader sees the
// report. We read it as Markdown by blanking the fence lines, so every offset stays where it is.
import { blankSpans, splitLines, type SourceLine } from './text';

export interface PastedReport {
  /** 0-based line of the opening fence ("```markdown"). */
  openLine: number;
  /** 0-based line of the closing fence; null when the block runs to the end of the document. */
  closeLine: number | null;
  /** Document offsets of the fence lines (without their line breaks), for the quick fix and the range. */
  openStart: number;
  openEnd: number;
  closeStart: number | null;
  closeEnd: number | null;
}

// CommonMark: up to three spaces, three or more backticks or tildes, then the info string's first word.
const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** The block must hold most of the document's words: a README with a ```md example is no pasted report. */
const MIN_SHARE = 0.6;
/** An untagged block must be nearly all of it, from its first line: a README's one long example is code. */
const UNTAGGED_SHARE = 0.9;
const MIN_LINES = 5;

/** The fenced `markdown`/`md` block that holds most of the document, if there is one. */
export function findPastedReport(text: string): PastedReport | null {
  // Cheap first: no fence tagged markdown and none opening the document, nothing to split.
  if (!/^ {0,3}(?:`{3,}|~{3,})[ \t]*(?:markdown|md)\b/im.test(text) && !/^\s*(?:`{3,}|~{3,})[ \t]*(?:\r?\n|\r)/.test(text)) return null;
  const lines = splitLines(text);
  const nonBlank = lines.filter((line) => line.text.trim() !== '').length;
  const firstWritten = lines.findIndex((line) => line.text.trim() !== '');
  // Every fenced block is followed to its end, so a "```md" inside another block opens nothing.
  let fence: { line: number; marker: string; markdown: boolean; whole: boolean } | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (!fence) {
      const opening = FENCE.exec(lines[i].text);
      if (opening) fence = { line: i, marker: opening[1], markdown: /^(?:markdown|md)$/i.test(opening[2] ?? ''), whole: !opening[2] && i === firstWritten };
      continue;
    }
    const closing = CLOSING.exec(lines[i].text);
    if (!closing || closing[1][0] !== fence.marker[0] || closing[1].length < fence.marker.length) continue;
    // An untagged block's share is of the lines besides its own two fences.
    const found = fence.markdown ? reportIfMostOf(lines, fence.line, i, nonBlank, MIN_SHARE)
      : fence.whole ? reportIfMostOf(lines, fence.line, i, nonBlank - 2, UNTAGGED_SHARE) : null;
    if (found) return found;
    fence = null;
  }
  return fence?.markdown ? reportIfMostOf(lines, fence.line, null, nonBlank, MIN_SHARE) : null;
}

function reportIfMostOf(lines: SourceLine[], open: number, close: number | null, nonBlank: number, share: number): PastedReport | null {
  const inside = lines.slice(open + 1, close ?? lines.length).filter((line) => line.text.trim() !== '').length;
  if (inside < MIN_LINES || inside < nonBlank * share) return null;
  return {
    openLine: open,
    closeLine: close,
    openStart: lines[open].start,
    openEnd: lines[open].end,
    closeStart: close === null ? null : lines[close].start,
    closeEnd: close === null ? null : lines[close].end,
  };
}

/** The text with the fence lines blanked (spaces, so offsets and lines stay as written). */
export function withoutFences(text: string, report: PastedReport): string {
  const close: Array<[number, number]> = report.closeStart === null || report.closeEnd === null ? [] : [[report.closeStart, report.closeEnd]];
  return blankSpans(text, [[report.openStart, report.openEnd], ...close]);
}
