// Inline clean-up shared by section matching and timestamp reading: where a line's words start once
// list markers, heading hashes, bold, HTML tags, entities and emoji are set aside.

const PREFIX_PATTERNS: RegExp[] = [
  /[ \t\u00a0]+/y,
  />+/y,
  /#{1,6}(?=[ \t]|\S)/y,
  /(?:[-*+=•●▪◦‣∙·–—]|\d{1,3}[.)])(?=[ \t]|&[a-z]+;)/y,
  /\[[ xX]\](?=[ \t])/y,
  /\d{1,3}[.)](?=\d{1,2}:\d{2})/y, // "10.12:30 PM": item 10, its space lost

  /<\/?[a-zA-Z][^<>]*>/y,
  /&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,6});/y,
  /:[a-z][a-z0-9_+-]{1,39}:(?=[\s\d*_])/y,
  /[*_~`]+/y,
  /[\[(](?=[ \t]*\d)/y,
  /\p{Extended_Pictographic}[\u{fe0f}\u{200d}\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}]*/uy,
];

/** Offset in `text`, at or after `from`, where the words of the line begin. */
export function skipLinePrefix(text: string, from = 0): number {
  let position = from;
  for (;;) {
    const before = position;
    for (const pattern of PREFIX_PATTERNS) {
      pattern.lastIndex = position;
      if (pattern.test(text)) position = pattern.lastIndex;
    }
    if (position === before || position >= text.length) return position;
  }
}

const TEMPLATE_TAGS = /\{%[^%\n]{0,500}%\}|\{:[^}\n]{0,500}\}/g;

/** Text without Jekyll's Liquid tags and kramdown's attribute lists ("{% include … %}", "{: .note}"). */
export function withoutTemplateTags(text: string): string {
  return text.includes('{') ? text.replace(TEMPLATE_TAGS, ' ') : text;
}

/**
 * Text with Markdown emphasis, HTML, entities, links and emoji reduced to plain words. Every pattern is
 * bounded or stops at the next opener, so a line of a thousand "[" or "{%" stays linear (no backtracking).
 */
/** A line break written as HTML: "<br>", "<br/>", "<br />". */
export const LINE_BREAK_TAG = /<br\s*\/?>/i;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** What a run of emphasis or code markers leaves in plain text (see plainText). */
function markerRun(run: string, at: number, all: string): string {
  const before = at > 0 ? all[at - 1] : '';
  const after = all[at + run.length] ?? '';
  if (run[0] === '_' && WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after) && !/[^_]/.test(run)) return run;
  return /\S/.test(before) && /[,.;:!?]/.test(after) ? '' : ' ';
}

export function plainText(text: string): string {
  // Each pattern runs only when the character it needs is there: most titles and labels hold little markup.
  let plain = withoutTemplateTags(text);
  // "\<END OF OUTAGE>" is text, escaped from being a tag.
  if (plain.includes('<')) plain = plain.replace(/(?<!\\)<\/?[a-zA-Z][^<>]*>/g, ' ');
  if (plain.includes('&')) plain = plain.replace(/&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,6});/g, (entity) => (entity === '&amp;' ? '&' : ' '));
  // An image says nothing in words, even as a link's text (a badge: "[![](logo.png)](https://site)").
  if (plain.includes('![')) plain = plain.replace(/!\[[^\][]{0,1000}\]\([^()]{0,2000}\)/g, ' ');
  if (plain.includes('[')) plain = plain.replace(/\^?\[\[?([^\][]{0,1000})\]?\]\([^()]{0,2000}\)\^?/g, '$1');
  if (plain.includes('![')) plain = plain.replace(/!\[[^\][]{0,1000}\]/g, ' ');
  if (plain.includes(':')) plain = plain.replace(/(?<![\d:]):[a-z][a-z0-9_+-]{1,39}:(?![\d])/g, ' ');
  // No ASCII character is pictographic.
  if (/[^\x00-\x7f]/.test(plain)) plain = plain.replace(/\p{Extended_Pictographic}|\u{fe0f}|\u{200d}/gu, ' ');
  // A marker that closes before a stop ("**DONE**:", "**b**, c") leaves no space between the word and it;
  // underscores inside a word ("setup_error", "add_peer") are no emphasis, as CommonMark reads them.
  // One pass over whole runs of markers: a lookahead after a repeated class would backtrack on long runs.
  if (/[*_~`]/.test(plain)) plain = plain.replace(/[*_~`]+/g, markerRun);
  // A backslash that escapes punctuation, or breaks the line at its end, is no word.
  if (plain.includes('\\')) plain = plain.replace(/\\(?=[!-/:-@[-`{-~]|\s|$)/g, '');
  return plain.replace(/\s+/g, ' ').trim();
}

/** True when the line's words are all inside bold or underscore-bold (a pseudo-heading). */
export function isStrongOnly(content: string): boolean {
  // Footnote markers glued to a label ("**Impact**:^[163](…)^") do not make it prose.
  const trimmed = content.replace(/\^?\[\[?\d+\]?\]\([^)]*\)\^?/g, '').trim();
  return /^(\*\*|__).+(\*\*|__)[:;.]?$/.test(trimmed) || /^\*\*?[^*]+\*\*?\*?[:;]?\*{0,3}$/.test(trimmed);
}
