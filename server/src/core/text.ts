// Offsets <-> LSP positions. LSP counts UTF-16 code units (JavaScript string indices) and splits
// lines on \n, \r\n and \r; remark's offsets are string indices too, so one table serves both.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface SourceLine {
  /** 0-based line number. */
  index: number;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, before the line break. */
  end: number;
  text: string;
}

export class LineIndex {
  readonly lines: SourceLine[];

  constructor(readonly text: string) {
    this.lines = splitLines(text);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** The line holding `offset` (binary search; offsets past the end clamp to the last line). */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.lines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lines[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    const { start, end } = this.lines[line];
    let character = Math.min(clamped, end) - start;
    // Never split a surrogate pair: a position inside one moves to its start.
    const code = this.text.charCodeAt(start + character);
    if (character > 0 && code >= 0xdc00 && code <= 0xdfff) {
      const previous = this.text.charCodeAt(start + character - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) character -= 1;
    }
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines.length) return this.text.length;
    const { start, end } = this.lines[position.line];
    return Math.min(start + Math.max(0, position.character), end);
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** The range of whole lines `first..last` (inclusive), ending at the end of the last line's text. */
  lineRange(first: number, last: number): Range {
    return this.range(this.lines[first].start, this.lines[last].end);
  }
}

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 /* \n */ || code === 13 /* \r */) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
  return lines;
}

/** `text` with each span (start and end offsets, in order, not overlapping) turned to spaces: every offset stays. */
export function blankSpans(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let from = 0;
  for (const [start, end] of spans) {
    out += text.slice(from, start) + ' '.repeat(end - start);
    from = end;
  }
  return out + text.slice(from);
}

/** The line break a document uses, for edits that add lines. */
export function lineBreakOf(text: string): string {
  const match = /\r\n|\r|\n/.exec(text);
  return match ? match[0] : '\n';
}

/**
 * A copy of `text` that does not hold on to the string it was cut from. A line's text is a view into
 * the whole document (V8 slices strings without copying), so a key or a reading kept across versions
 * would keep every version of a large document alive. Appending a character and cutting it off again
 * makes V8 copy the characters once (it flattens the concatenation before slicing).
 */
export function detached(text: string): string {
  return `${text}\n`.slice(0, -1);
}
