// Git's conflict markers left in a committed document ("<<<<<<< HEAD", "=======", ">>>>>>> 5d25ca3"):
// both versions sit in the file, every renderer shows the markers, and "=======" under a line makes that
// line a heading. We read the document with the marker lines blanked, so every offset stays where it
// is and neither version's lines are taken for what they are not; the merge-conflict rule reports each
// block. A lone "=======" is a Setext underline, not a conflict; markers in a code block are its text.
import { blankSpans, splitLines } from './text';

export interface ConflictBlock {
  /** 0-based lines of "<<<<<<<", diff3's "|||||||" (null without it), "=======" and ">>>>>>>". */
  openLine: number;
  baseLine: number | null;
  separatorLine: number;
  closeLine: number;
  /** What git wrote after each side's marker ("HEAD", a commit, a branch); empty when nothing. */
  currentLabel: string;
  incomingLabel: string;
  /** Document offsets of the opening marker line, without its line break. */
  openStart: number;
  openEnd: number;
}

// Exactly seven marks at the start of the line, then a label or nothing: what git writes.
const OPEN = /^<{7}(?:[ \t]+(.*))?$/;
const BASE = /^\|{7}(?:[ \t].*)?$/;
const SEPARATOR = /^={7}[ \t]*$/;
const CLOSE = /^>{7}(?:[ \t]+(.*))?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const MARKER_START = /^(?:<{7}|>{7})/m;

/** Every complete conflict block outside code blocks, in order. */
export function findConflicts(text: string): ConflictBlock[] {
  // Cheap first: most documents have no line that opens with seven angle brackets.
  if (!MARKER_START.test(text)) return [];
  const lines = splitLines(text);
  const blocks: ConflictBlock[] = [];
  let fence: string | null = null;
  let open: { line: number; label: string } | null = null;
  let base: number | null = null;
  let separator: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const { text: line } = lines[i];
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && line.trim() === fenceMark) fence = null;
      continue;
    }
    // A fence opened between the markers is a side's own text: only one outside a block shuts markers out.
    if (fenceMark && open === null) {
      fence = fenceMark;
      continue;
    }
    const opening = OPEN.exec(line);
    if (opening) {
      // A second opening before the first closes: the first was no conflict (or a nested one, read from the inner).
      open = { line: i, label: (opening[1] ?? '').trim() };
      base = null;
      separator = null;
    } else if (open && separator === null && base === null && BASE.test(line)) {
      base = i;
    } else if (open && separator === null && SEPARATOR.test(line)) {
      separator = i;
    } else if (open && separator !== null) {
      const closing = CLOSE.exec(line);
      if (closing) {
        blocks.push({
          openLine: open.line, baseLine: base, separatorLine: separator, closeLine: i,
          currentLabel: open.label, incomingLabel: (closing[1] ?? '').trim(),
          openStart: lines[open.line].start, openEnd: lines[open.line].end,
        });
        open = null;
        base = null;
        separator = null;
      }
    }
  }
  return blocks;
}

/** The lines a block's markers take, in order: its opening, diff3's common ancestor (neither version) with the separator, its closing. */
export function markerLines(block: ConflictBlock): number[] {
  const lines = [block.openLine];
  for (let i = block.baseLine ?? block.separatorLine; i <= block.separatorLine; i++) lines.push(i);
  lines.push(block.closeLine);
  return lines;
}

/** The text with every marker line of `blocks` (and diff3's base lines) turned to spaces, offsets kept. */
export function withoutConflictMarkers(text: string, blocks: readonly ConflictBlock[]): string {
  if (blocks.length === 0) return text;
  const lines = splitLines(text);
  return blankSpans(text, blocks.flatMap(markerLines).map((i): [number, number] => [lines[i].start, lines[i].end]));
}
