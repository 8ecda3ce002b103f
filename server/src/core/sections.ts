// Finding the sections of a postmortem, whatever the heading style.
import type { LineReadings, MarkdownLines } from './markdown';
import { TASK_STATE_LEAD } from './taskState';
import { isStrongOnly, plainText, withoutTemplateTags } from './inline';
import { namesPostmortem } from './detect';
import { matchAliases, normalizeTitle, type MatchMode } from './sectionNames';
import { FIELD_LABELS, isMeasuresId, type CompiledProfile, type SectionSpec } from './profiles';
import { fieldOfLine } from './summary';
import { detached } from './text';
import { readDateAt, readLeadingMilitaryAt, readStampAt, readTimeAt } from './time/timestamp';

/** 'labelled': a paragraph that opens with its section's name in bold ("**Impact**: Estimated 1.21B queries lost"). */
export type HeadingStyle = 'atx' | 'setext' | 'html' | 'bold' | 'list' | 'plain' | 'labelled';

/** Depth given to pseudo-headings (bold lines, labels): below every real heading. */
export const PSEUDO_DEPTH = 7;

export interface Header {
  line: number;
  depth: number;
  style: HeadingStyle;
  /** The title as written, without heading marks. */
  title: string;
  /** Offsets of the title text in the document. */
  titleStart: number;
  titleEnd: number;
  words: string;
  parenthetical: string;
  /** Profile section or part id, or null for a heading the profile does not know. */
  id: string | null;
  /** Another section the same title names: "Resolution and preventive methods" is also the corrective measures. */
  also?: string;
  /** Written inside a list item ("- **Resolution:** …"). */
  inListItem?: boolean;
  /** Found by what it says, not by its name ("## Technical Details" over "The root cause was …"): no place in the profile's order is asked of it. */
  byContent?: true;
  /** A labelled line that does not open its paragraph ("**Resolution**: …" right below "**Root Cause**: …"). */
  insideParagraph?: boolean;
  /** Inside its paragraph, but after a hard break: shown as a line of its own. */
  afterHardBreak?: boolean;
  /** A list item's label in plain text ("- Trigger: …"), not in bold. */
  plainLabel?: boolean;
}

export interface Section extends Header {
  /** The profile section this one satisfies (the parent of a part). */
  specId: string | null;
  /** Last line of the section's content (inclusive), trailing blank lines excluded. */
  endLine: number;
}

/** A heading's first words and a colon: "## Root Cause and Resolution: The root cause of the outage was …". */
const NAME_THEN_COLON = /^ {0,3}#{1,6}[ \t]*[^:\n]{2,60}:/;
const STRUCTURE = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(#{1,6})[ \t]*|(?:[-*+•●▪◦‣=–—]|\d{1,3}[.)])[ \t]+)?/;
const HTML_HEADING = /^\s*<h([1-6])[^>]*>(.*?)(?:<\/h\1>\s*)?$/i;

/** A line that may open a section, with what it says as a title (null: no title, but maybe a labelled paragraph). */
export interface TitleLine {
  line: number;
  title: TitleReading | null;
}

/** The lines that may open a section and their titles, read once for every profile that looks at them. */
export function readTitleLines(md: MarkdownLines, memo?: LineReadings<TitleReading | null>): TitleLine[] {
  const titled: TitleLine[] = [];
  const { lines } = md.index;
  for (let i = 0; i < lines.length; i++) {
    const info = md.info[i];
    const kind = info.kind;
    if (kind !== 'heading' && kind !== 'paragraph' && kind !== 'indented-code' && kind !== 'html') continue;
    const text = lines[i].text;
    if (kind === 'heading' && info.blockStart !== i) continue;
    const nextUnderline = kind === 'heading' && md.info[i + 1]?.kind === 'heading-underline';
    // A long line is no title, but it may be a labelled paragraph. Liquid tags are no words of it
    // ("### Timeline{% include explain.html details=\"A screenplay of…\" %}", as Jekyll templates write).
    // A heading may go on past its name and a colon into its first sentences (see nameBeforeNote), within reason.
    const long = text.length > 200 && withoutTemplateTags(text).length > 200 && !(kind === 'heading' && text.length <= 1000 && NAME_THEN_COLON.test(text));
    const title = long ? null
      : memo ? memo.read(md, i, readTitle, kind, info.depth, nextUnderline, info.itemStart) : readTitle(text, kind, info.depth, nextUnderline, info.itemStart);
    titled.push({ line: i, title });
  }
  return titled;
}

type TitleName = { id: string; also?: string; words?: string } | null;

/**
 * Each profile's names for the titles met so far: every document's "## Timeline" and "## Root Cause" is
 * read against every profile's aliases, and most titles recur across a workspace. Bounded: cleared when full.
 */
const namesByProfile = new WeakMap<CompiledProfile, Map<string, TitleName>>();
const NAMES_KEPT = 4096;

/** The section a title names in `profile` (see recognizeTitle, nameBeforeNote, misspelledName, summedUp), or null. */
function nameOf(title: TitleReading, profile: CompiledProfile): TitleName {
  let names = namesByProfile.get(profile);
  if (!names) namesByProfile.set(profile, (names = new Map()));
  const key = `${title.mode}${title.style}\u0000${title.title}`;
  const known = names.get(key);
  if (known !== undefined) return known;
  const recognized: TitleName = recognizeTitle(title.words, profile, title.mode)
    ?? (title.style === 'atx' || title.style === 'setext' ? nameBeforeNote(title.title, profile, title.mode) ?? misspelledName(title.words, profile) ?? summedUp(title.words, profile) : null);
  // "## Remediation (action items)": the action items named in the parentheses say which section it is.
  const told = recognized && title.parenthetical ? bestMatch(normalizeTitle(title.parenthetical).words, profile, 'label') : null;
  const found: TitleName = told && isMeasuresId(told.id) && specOf(profile, told.id) !== specOf(profile, recognized?.id ?? '') ? { id: told.id } : recognized;
  // Kept across documents: copies, never views into a document's text (which would keep it alive).
  const named = found?.words === undefined ? found : { ...found, words: detached(found.words) };
  if (names.size >= NAMES_KEPT) names.clear();
  names.set(detached(key), named);
  return named;
}

// A line that ends in a hard break (two spaces or a backslash): the next line shows as a line of its own.
const HARD_BREAK = /(?: {2,}|\\)\r?$/;

/** Every line that looks like a section title, recognized by the profile or not. */
export function findHeaders(md: MarkdownLines, titled: readonly TitleLine[], profile: CompiledProfile): Header[] {
  const headers: Header[] = [];
  const { lines } = md.index;
  for (const { line: i, title } of titled) {
    const info = md.info[i];
    const text = lines[i].text;
    const named = title ? nameOf(title, profile) : null;
    const id = named?.id ?? null;
    if (!title || (!id && (title.style === 'plain' || title.style === 'list' || title.style === 'bold'))) {
      // A label in a list item or inside a paragraph counts only under a heading no profile knows (see buildSections).
      const structure = info.itemStart ? STRUCTURE.exec(text)?.[0].length ?? 0 : 0;
      // "📅 Timeline: Buckle up …", "🔍 **Root Cause:** …": an emoji opening a paragraph sets its label apart, bold or not.
      const emoji = info.kind === 'paragraph' && info.blockStart === i ? EMOJI_LEAD.exec(text.slice(structure))?.[0].length ?? 0 : 0;
      const offset = structure + emoji;
      const labelled = info.kind !== 'paragraph' ? null
        : readLabelledParagraph(text.slice(offset), profile)
          ?? (emoji ? readPlainLabel(text.slice(offset), profile, false) : info.itemStart ? readPlainLabel(text.slice(offset), profile, true) : null);
      if (labelled) {
        headers.push({
          ...labelled, line: i, titleStart: lines[i].start + offset + labelled.titleStart, titleEnd: lines[i].start + offset + labelled.titleEnd,
          ...(info.item !== -1 ? { inListItem: true } : {}), ...(info.blockStart !== i ? { insideParagraph: true } : {}),
          ...(info.blockStart !== i && HARD_BREAK.test(lines[i - 1].text) ? { afterHardBreak: true } : {}),
        });
      }
      continue;
    }
    const { parenthetical, depth, style, contentStart } = title;
    // Its name's words, not the note's or the sentence's after it ("### Root Cause: A database …" under a summary is one of its facts).
    const words = named?.words ?? title.words;
    const titleStart = lines[i].start + contentStart;
    headers.push({
      line: i, depth, style, title: title.title.trim(), titleStart, titleEnd: titleStart + title.title.trimEnd().length, words, parenthetical, id,
      ...(named?.also ? { also: named.also } : {}), inListItem: info.item !== -1,
    });
  }
  const read = withTimelineByItsEntries(md, withFactHeadingsAfterSummary(withSummaryOfFactHeadings(withoutOtherPartsSummary(withoutDocumentTitle(withoutOutlines(headers)), profile), profile), profile), profile);
  return withCauseStated(md, withMeasuresInLessons(md, read, profile), profile);
}

// "The root cause was traced to …", "The underlying cause of the outage is …".
const CAUSE_STATED = /^(?:the\s+)?(?:root|underlying|primary|main)\s+causes?\s+(?:of\s+[^.]{1,80}?\s+)?(?:was|were|is|are|has\s+been)\b/i;

/**
 * "## Technical Details" over "The root cause was traced to an attempt to resolve …" (a network outage's
 * postmortem, held-out set 12): with no section of the cause named, the first heading of no known name
 * (not the document's title) whose first words say the root cause is that section.
 */
function withCauseStated(md: MarkdownLines, headers: Header[], profile: CompiledProfile): Header[] {
  const id = profile.exact.get('root cause');
  const spec = id ? specOf(profile, id) : undefined;
  if (!id || headers.some((header) => header.id === id || header.also === id || (spec && spec.id !== id && header.id === spec.id))) return headers;
  const real = headers.filter((header) => header.depth < PSEUDO_DEPTH);
  const saysCause = (k: number) => {
    const end = bodyEnd(md, real, k);
    for (let i = real[k].line + 1; i <= end; i++) {
      const text = md.index.lines[i].text;
      if (!text.trim()) continue;
      return text.length <= 1000 && CAUSE_STATED.test(plainText(text).trim());
    }
    return false;
  };
  const found = real.find((header, k) => header.id === null && k > 0 && saysCause(k));
  return found ? headers.map((header) => (header === found ? { ...header, id, byContent: true } : header)) : headers;
}

/** The last line under `real[k]`, before the next of those headings (or the document's end). */
function bodyEnd(md: MarkdownLines, real: readonly Header[], k: number): number {
  return (real[k + 1]?.line ?? md.index.lineCount) - 1;
}

const LESSONS = /^lessons?\b/i;
/** "Here's what we're doing to prevent future …", "the steps we are taking to prevent …". */
const DOING_TO_PREVENT = /\b(?:what|steps|actions|changes|measures)\s+we(?:'|’)?(?:re|\s+are|\s+will\s+be|(?:'|’)ll\s+be)\s+(?:doing|taking|making|implementing)\s+to\s+prevent\b/i;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S/;

/**
 * "## Lessons learned" over "**DONE**: Alex added … to the monitored sites" and "**TODO**: a Prometheus
 * exporter on ZFS …", or over "Here's what we're doing to prevent future product disappearances:" and a
 * list (held-out reports): with no section of the profile's measures named, lessons that hold the actions
 * taken and to take are them too (a profile's own Lessons Learned is also them; one it does not know is them).
 */
function withMeasuresInLessons(md: MarkdownLines, headers: Header[], profile: CompiledProfile): Header[] {
  const measures = profile.sections.find((spec) => isMeasuresId(spec.id));
  if (!measures || headers.some((header) => header.id !== null && (specOf(profile, header.id) === measures || header.also === measures.id))) return headers;
  const real = headers.filter((header) => header.depth < PSEUDO_DEPTH);
  const holdsActions = (k: number) => {
    const end = bodyEnd(md, real, k);
    let states = 0;
    let preventing = false;
    let listed = false;
    for (let i = real[k].line + 1; i <= end; i++) {
      const text = md.index.lines[i].text;
      if (text.length > 1000) continue;
      if (TASK_STATE_LEAD.test(text)) states++;
      if (preventing && LIST_ITEM.test(text)) listed = true;
      preventing ||= DOING_TO_PREVENT.test(text);
    }
    return states >= 2 || listed;
  };
  const lessons = real.findIndex((header, k) => LESSONS.test(header.words) && (header.id === null || !header.also) && holdsActions(k));
  if (lessons === -1) return headers;
  const found = real[lessons];
  return headers.map((header) => (header !== found ? header : header.id === null ? { ...header, id: measures.id } : { ...header, also: measures.id }));
}

/** How many timed entries, and what share of its lines, make a heading of no known name the Timeline. */
const TIMED_ENTRIES = 3;
const TIMED_SHARE = 0.3;
const ENTRY_START = /^[ \t]*(?:[-*+•]|\d{1,3}[.)]|\|)?[ \t]*(?:\*\*|__|\*|_|`|\[)?/;

/**
 * "## The Symphony's Dramatic Crescendo" over "- **14:30 UTC: The Prelude - Detection Unleashed**", … (a
 * held-out ALX postmortem): with no Timeline named, the first heading of no known name (below the title's
 * level) whose lines are mostly timed entries is the Timeline. Else the first section of another name
 * written as one ("## How was it fixed" over "### 28 Feb 2017" and "1738: Cloudinary posted …", FT's
 * incident notes) is also the Timeline. Log lines in code blocks are no entries.
 */
function withTimelineByItsEntries(md: MarkdownLines, headers: Header[], profile: CompiledProfile): Header[] {
  const timeline = profile.sections.find((spec) => spec.role === 'timeline');
  if (!timeline || headers.some((header) => header.id !== null && (specOf(profile, header.id) === timeline || header.also === timeline.id))) return headers;
  const real = headers.filter((header) => header.depth < PSEUDO_DEPTH);
  const writtenAsTimeline = (k: number) => {
    const header = real[k];
    const end = bodyEnd(md, real, k);
    let timed = 0;
    let written = 0;
    for (let i = header.line + 1; i <= end; i++) {
      const kind = md.info[i].kind;
      if (kind === 'blank' || kind === 'fenced-code' || kind === 'indented-code') continue;
      written++;
      const text = md.index.lines[i].text;
      if (text.length > 1000) continue;
      const at = ENTRY_START.exec(text)?.[0].length ?? 0;
      const stamp = readStampAt(text, at) ?? readLeadingMilitaryAt(text, at);
      if (stamp && 'time' in stamp && stamp.time) timed++;
    }
    return timed >= TIMED_ENTRIES && timed >= written * TIMED_SHARE;
  };
  const unknown = real.findIndex((header, k) => header.id === null && header.depth !== 1 && writtenAsTimeline(k));
  if (unknown !== -1) return headers.map((other) => (other === real[unknown] ? { ...other, id: timeline.id } : other));
  // Not the summary: a summary over timed lines is a story the writer told in it, or a skeleton inserted above the entries.
  const named = real.findIndex((header, k) => header.id !== null && !header.also && specOf(profile, header.id)?.role !== 'summary' && writtenAsTimeline(k));
  if (named !== -1) return headers.map((other) => (other === real[named] ? { ...other, also: timeline.id } : other));
  return headers;
}

/**
 * "## Bounty report" after "## Timeline", with "### Technical details", "#### Summary", "#### Handling"
 * under it (go-ethereum's split postmortem): that summary is the bug report's, not the incident's. A
 * summary heading is a part of the unknown heading it sits under when that heading comes after one of
 * the document's own sections at its level and the rest under it are unknown too. (Other sections under
 * an unknown heading, "## Follow-up" over "### Action Items", are the document's own.)
 */
function withoutOtherPartsSummary(headers: Header[], profile: CompiledProfile): Header[] {
  const real = headers.filter((header) => header.depth < PSEUDO_DEPTH);
  let demoted: Header | null = null;
  for (let u = 1; u < real.length && !demoted; u++) {
    const unknown = real[u];
    if (unknown.id !== null || !real.slice(0, u).some((header) => header.id !== null && header.depth === unknown.depth)) continue;
    let next = u + 1;
    while (next < real.length && real[next].depth > unknown.depth) next++;
    const under = real.slice(u + 1, next);
    const known = under.filter((header) => header.id !== null);
    if (under.length >= 3 && known.length === 1 && specOf(profile, known[0].id ?? '')?.role === 'summary') demoted = known[0];
  }
  return demoted ? headers.map((header) => (header === demoted ? { ...header, id: null, also: undefined } : header)) : headers;
}

/** Of the first headings, how many give a summary fact's name for them to be the summary. */
const OPENING_FACTS = 2;
const OPENING_HEADINGS = 4;

/**
 * "### Outage :", "### Duration:", "### Impact:", "### Root Cause:", then "### Timeline:" (a held-out ALX
 * report): with no summary named, a document whose first heading (below the title) names no section and
 * whose first four give two or more summary facts' names that are no sections of the profile opens with
 * its summary: that first heading is the summary, and the facts' headings after it are its facts (a
 * section's name among them only where a later heading gives that section, see
 * withFactHeadingsAfterSummary). The SRE template's own "## Impact", "## Root Causes" are its sections.
 */
function withSummaryOfFactHeadings(headers: Header[], profile: CompiledProfile): Header[] {
  const summary = profile.sections.find((spec) => spec.role === 'summary');
  if (!summary || headers.some((header) => header.id !== null && specOf(profile, header.id)?.role === 'summary')) return headers;
  const real = headers.filter((header) => header.depth < PSEUDO_DEPTH);
  // Past the document's title: a first heading above all the others, or one of no known name at the top level.
  const first = real.length > 1 && real[0].id === null && (real[0].depth === 1 || real.slice(1).every((header) => header.depth > real[0].depth)) ? 1 : 0;
  const opening = real.slice(first, first + OPENING_HEADINGS);
  const facts = opening.filter((header) => header.id === null && FIELD_WORDS.has(header.words));
  if (facts.length < OPENING_FACTS || opening[0].id !== null) return headers;
  const opener = opening[0];
  const asFacts = new Set<Header>();
  for (let k = first + 1; k < real.length; k++) {
    const header = real[k];
    if (!FIELD_WORDS.has(header.words)) break;
    if (header.id !== null && !namedAfter(real, k, profile, specOf(profile, header.id))) break;
    asFacts.add(header);
  }
  return headers.map((header) => (header === opener ? { ...header, id: summary.id, also: undefined } : asFacts.has(header) ? { ...header, id: null, also: undefined } : header));
}

/** A heading that goes on past its name and a colon: "# Root Cause: The issue stemmed from …". */
const VALUE_AFTER_NAME = /^[^:\d]*:\s*\S/;

/**
 * "## Issue Summary", "#  Outage Duration: August 18, …", "# Root Cause: The issue stemmed from an expired
 * certificate", then "## Timeline" and "## Root Cause and Resolution" (a held-out ALX postmortem): right
 * after the summary, a heading that gives one of its facts' names and, past a colon, its value is that
 * fact, when a later heading gives the section of that name.
 */
function withFactHeadingsAfterSummary(headers: Header[], profile: CompiledProfile): Header[] {
  const real = headers.filter((header) => header.depth < PSEUDO_DEPTH);
  const summary = real.findIndex((header) => header.id !== null && specOf(profile, header.id)?.role === 'summary');
  if (summary === -1) return headers;
  const facts = new Set<Header>();
  for (let k = summary + 1; k < real.length; k++) {
    const header = real[k];
    if (header.id === null) continue;
    if (!FIELD_WORDS.has(header.words) || !VALUE_AFTER_NAME.test(header.title)) break;
    const spec = specOf(profile, header.id);
    if (!namedAfter(real, k, profile, spec)) break;
    facts.add(header);
  }
  return facts.size === 0 ? headers : headers.map((header) => (facts.has(header) ? { ...header, id: null, also: undefined } : header));
}

/** The fewest section names in a row that make a list an outline. */
const OUTLINE_ITEMS = 3;

/**
 * "- Issue Summary", "- Timeline (format bullet point …)", "- Root cause and resolution", "- Corrective and
 * preventative measures." on lines one after another (an ALX postmortem quoting the project's outline):
 * list items that each name a different section with nothing between them are an outline of the
 * document, not its sections.
 */
function withoutOutlines(headers: Header[]): Header[] {
  const outline = new Set<Header>();
  for (let k = 0; k < headers.length;) {
    let end = k;
    const ids = new Set<string>();
    while (end < headers.length && (headers[end].style === 'list' || headers[end].style === 'plain') && headers[end].id !== null && !ids.has(headers[end].id as string)
      && (end === k || headers[end].line === headers[end - 1].line + 1)) {
      ids.add(headers[end].id as string);
      end++;
    }
    if (end - k >= OUTLINE_ITEMS) for (let j = k; j < end; j++) outline.add(headers[j]);
    k = Math.max(end, k + 1);
  }
  return outline.size === 0 ? headers : headers.map((header) => (outline.has(header) ? { ...header, id: null, also: undefined } : header));
}

/**
 * "# Root Cause Analysis: login outage" or "# RCA - SSO" over the document's sections: its title, which
 * names what the document is, not its root cause section (which would come before its timeline).
 */
function withoutDocumentTitle(headers: Header[]): Header[] {
  const title = headers.find((header) => header.depth < PSEUDO_DEPTH);
  if (!title?.id || !namesPostmortem(title.title)) return headers;
  const below = headers.filter((header) => header !== title && header.depth < PSEUDO_DEPTH);
  if (!below.length || below.some((header) => header.depth <= title.depth)) return headers;
  return headers.map((header) => (header === title ? { ...header, id: null, also: undefined } : header));
}

export interface TitleReading {
  title: string;
  words: string;
  parenthetical: string;
  depth: number;
  style: HeadingStyle;
  mode: MatchMode;
  contentStart: number;
}

const WHOLE_LINK = /^[ \t]*\[[^\]]*\]\([^)]*\)[ \t]*$/;

/** What a line says as a title, from its text and its kind alone (memoized: re-analysis meets it again). */
function readTitle(text: string, kind: string, headingDepth: number, nextUnderline: boolean, itemStart: boolean): TitleReading | null {
  const structure = STRUCTURE.exec(text);
  let contentStart = structure ? structure[0].length : 0;
  let depth = PSEUDO_DEPTH;
  let style: HeadingStyle = 'plain';
  let mode: MatchMode = 'label';
  let title = text.slice(contentStart);
  const html = HTML_HEADING.exec(text);
  if (kind === 'heading') {
    depth = headingDepth;
    style = nextUnderline ? 'setext' : 'atx';
    mode = 'heading';
    title = title.replace(/[ \t]+#+[ \t]*$/, '');
  } else if (html) {
    depth = Number(html[1]);
    style = 'html';
    mode = 'heading';
    contentStart = text.indexOf('>') + 1;
    title = html[2];
  } else if (structure?.[1]) {
    // "###Timeline": not a heading to CommonMark, but plainly meant as one.
    depth = structure[1].length;
    style = 'atx';
    mode = 'heading';
  } else if (isStrongOnly(title)) {
    style = 'bold';
    mode = 'heading';
  } else if (itemStart && structure && structure[0].trim() !== '') {
    style = 'list';
  }
  // "- [overview](https://grafana…)": a link in a list or on a line of its own points elsewhere; it opens no section.
  if ((style === 'list' || style === 'plain') && WHOLE_LINK.test(title)) return null;
  // A sentence is no label: counting its words is cheaper than normalizing them, and most lines are
  // prose. Normalizing drops a numbering and marks, never joins words; notes in brackets it drops whole.
  if (mode === 'label' && !title.includes('(') && !title.includes('[') && hasMoreWords(title, LABEL_WORDS + 2)) return null;
  // Timestamp and date headings ("### 2021-06-03 9:00", "#### 00:01:") are timeline entries. Checked
  // first: it is cheap, and rules out every timeline entry line before the words are normalized.
  const firstWord = skipSpaceAndMarks(title);
  if (readTimeAt(title, firstWord) || readDateAt(title, firstWord)) return null;
  const { words, parenthetical, colon } = normalizeTitle(title);
  if (!words) return null;
  const wordCount = mode === 'label' ? words.split(' ').length : 0;
  // A question on a line of its own may run longer: "What are we doing to prevent it from happening again?".
  const question = mode === 'label' && /\?\s*$/.test(title);
  if (wordCount > LABEL_WORDS + (question ? 2 : 0) || (!colon && !question && wordCount > 6)) return null;
  return { title, words, parenthetical, depth, style, mode, contentStart };
}

/** The most words a label line ("Root cause and resolution of the outage:") has. */
const LABEL_WORDS = 8;
const WORD = /[^\s]*[\p{L}\p{N}][^\s]*/gu;

/** Whether `text` has more than `count` words (runs without spaces that hold a letter or a digit). */
function hasMoreWords(text: string, count: number): boolean {
  WORD.lastIndex = 0;
  let seen = 0;
  while (WORD.exec(text)) if (++seen > count) return true;
  return false;
}

const LABELLED_PARAGRAPH = /^[ \t]{0,3}(?:\*\*|__)([^*_\n]{2,40}?)(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:)(?:\^?\[\[?\d+\]?\]\([^)]*\)\^?)?[ \t]*\S/;

/** A paragraph that opens with a section's name as a bold label, the SRE book's way of writing sections. */
function readLabelledParagraph(text: string, profile: CompiledProfile): Omit<Header, 'line'> | null {
  if (!text.startsWith('**', text.search(/\S/)) && !text.startsWith('__', text.search(/\S/))) return null;
  const match = LABELLED_PARAGRAPH.exec(text);
  return match ? labelHeader(text, match[1], profile, false) : null;
}

// "- Trigger: Validators upgrading to v22.0.1": a list item that opens with a plain label and a colon.
const PLAIN_LABEL = /^[ \t]{0,3}(\p{Lu}[\p{L} ]{1,30}?):[ \t]+\S/u;
// After an emoji, room for "Corrective and Preventative Measures".
const PLAIN_LABEL_AFTER_EMOJI = /^(\p{Lu}[\p{L} ]{1,50}?):[ \t]+\S/u;
const EMOJI_LEAD = /^[ \t]{0,3}\p{Extended_Pictographic}[\u{fe0f}\u{200d}\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}]*[ \t]+/u;

/**
 * A plain label that names a section: a list item's (`inList`: counted only in the SRE template's list,
 * see buildSections), or one an emoji sets apart at a paragraph's start (a section of its own).
 */
function readPlainLabel(text: string, profile: CompiledProfile, inList: boolean): Omit<Header, 'line'> | null {
  const match = (inList ? PLAIN_LABEL : PLAIN_LABEL_AFTER_EMOJI).exec(text);
  return match ? labelHeader(text, match[1], profile, inList) : null;
}

/** The label `label`, written in `text`, as the section it names; null when it names none. */
function labelHeader(text: string, label: string, profile: CompiledProfile, plainLabel: boolean): Omit<Header, 'line'> | null {
  const { words, parenthetical } = normalizeTitle(label);
  const id = words ? recognize(words, profile, 'label') : null;
  if (!id) return null;
  const title = label.trim();
  const titleStart = text.indexOf(label);
  return { depth: PSEUDO_DEPTH, style: 'labelled', title, titleStart, titleEnd: titleStart + title.length, words, parenthetical, id, ...(plainLabel ? { plainLabel } : {}) };
}

function skipSpaceAndMarks(text: string): number {
  const match = /^[\s*_`\[(<>]*/.exec(text);
  return match ? match[0].length : 0;
}

/** "Actions Taken", "Steps Taken": what was done, told as a story; not the follow-up Action Items. */
const NARRATIVE = /^(?:actions?|steps?|measures?)\s+(?:taken|performed|we took)$/;

function recognize(words: string, profile: CompiledProfile, mode: MatchMode): string | null {
  return bestMatch(words, profile, mode)?.id ?? null;
}

function bestMatch(words: string, profile: CompiledProfile, mode: MatchMode): { id: string; score: number } | null {
  if (NARRATIVE.test(words)) return null;
  // An alias said exactly scores highest, and exact ones tie on length: the first section with it wins.
  // Labels match only exactly.
  const exact = profile.exact.get(words);
  if (exact !== undefined) return { id: exact, score: EXACT };
  if (mode === 'label') return null;
  let best: { id: string; score: number; length: number } | null = null;
  for (const [id, aliases] of profile.normalized) {
    const match = matchAliases(words, aliases, mode);
    if (!match) continue;
    // "## Recovery timeline (UTC)": the last noun names the thing, so a timeline's name that ends the
    // heading outranks another section's name that begins it.
    const score = match.score === ENDS_WITH && specOf(profile, id)?.role === 'timeline' ? TIMELINE_LAST : match.score;
    if (!best || score > best.score || (score === best.score && match.alias.length > best.length)) {
      best = { id, score, length: match.alias.length };
    }
  }
  return best;
}

const ENDS_WITH = 1;
const TIMELINE_LAST = 2.5;

const EXACT = 3;

/**
 * A heading that goes on past its name and a note in parentheses: "## Timeline (all times PST)
 * 01/16/2024 - 02/28/2024. All times approximations", or past a colon into its first sentence: "## Root
 * Cause and Resolution: The root cause of the outage was …". Its name alone, when it is a section's exactly.
 */
function nameBeforeNote(title: string, profile: CompiledProfile, mode: MatchMode): { id: string; also?: string; words: string } | null {
  const at = title.search(/[(:]/);
  if (at <= 0) return null;
  const { words } = normalizeTitle(title.slice(0, at));
  const found = bestMatch(words, profile, mode);
  return found?.score === EXACT ? { id: found.id, words } : null;
}

/** Names this long or longer may be misspelled by one letter and still be read. */
const MISSPELLABLE = 6;

/**
 * A heading that names a section but for one letter: "### Sumary", "## Timline", "## Root Casue" (a
 * letter missing, added, changed, or two swapped). Only in names of six letters or more, where no other
 * word is a letter away.
 */
function misspelledName(words: string, profile: CompiledProfile): { id: string; words: string } | null {
  if (words.length < MISSPELLABLE) return null;
  for (const [id, aliases] of profile.normalized) {
    for (const alias of aliases) {
      if (alias.length >= MISSPELLABLE && oneEditApart(words, alias)) return { id, words: alias };
    }
  }
  return null;
}

const IN_SUMMARY = /^(?:\S+ ){1,6}in summary$/;

/** "## The HAProxy Drama in Summary:" (a held-out ALX postmortem): a heading that ends "in summary" is the summary. */
function summedUp(words: string, profile: CompiledProfile): { id: string; words: string } | null {
  const id = IN_SUMMARY.test(words) ? recognize('summary', profile, 'heading') : null;
  return id ? { id, words: 'summary' } : null;
}

/** Whether `a` becomes `b` by one letter inserted, deleted or changed, or two neighbours swapped. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // Changed at i, or i and i + 1 swapped.
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  // One letter more in the longer, at i.
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The section a title names, or the two it joins with "and" ("Resolution and preventive methods",
 * "Root Cause & Remediation"): two halves of one combined section are that section; two different
 * sections are the first, and also the second. A title that is itself an alias stays whole.
 */
function recognizeTitle(words: string, profile: CompiledProfile, mode: MatchMode): { id: string; also?: string } | null {
  const whole = bestMatch(words, profile, mode);
  if (whole?.score === EXACT) return whole;
  for (let at = words.indexOf(' and '); at > 0; at = words.indexOf(' and ', at + 1)) {
    const first = recognize(words.slice(0, at), profile, mode);
    const second = first && recognize(words.slice(at + 5), profile, mode);
    if (!first || !second || first === second) continue;
    const firstSpec = specOf(profile, first);
    const secondSpec = specOf(profile, second);
    if (firstSpec && firstSpec === secondSpec) return { id: firstSpec.id };
    return { id: first, also: second };
  }
  return whole;
}

/** Whether a header after the `k`th names `spec`'s section or one of its parts. */
function namedAfter(headers: readonly Header[], k: number, profile: CompiledProfile, spec: SectionSpec | undefined): boolean {
  return headers.slice(k + 1).some((later) => later.id !== null && specOf(profile, later.id) === spec);
}

function specOf(profile: CompiledProfile, id: string): SectionSpec | undefined {
  return profile.sections.find((section) => section.id === id || section.parts?.some((part) => part.id === id));
}

const FIELD_WORDS = new Set(Object.values(FIELD_LABELS).flat());

/** Turn headers into sections: where each starts and ends, and which labels are only summary fields. */
export function buildSections(md: MarkdownLines, headers: Header[], profile: CompiledProfile): Section[] {
  const sections: Section[] = [];
  const boundaries: Header[] = [];
  let openSummary: Header | null = null;
  let open: Header | null = null;
  // Under a heading no profile knows ("## What went down?"), not the document's title: its bold labels
  // ("**Root Cause**:", "- **Resolution:**") say what its parts are.
  let underUnknown = false;
  let seenHeading = false;
  let lastHeading: Header | null = null;
  // The SRE template written as a list under the title ("- Summary: …", "- Trigger: …", interchain's
  // retros): a Trigger among the list's labels says it is that template.
  const firstBelowTitle = headers.find((header) => header.depth < PSEUDO_DEPTH && header.depth > 1)?.line ?? Infinity;
  const sreLabelList = headers.some((header) => header.line < firstBelowTitle && header.inListItem && header.style === 'labelled' && /^triggers?$/.test(header.words));
  for (const [k, header] of headers.entries()) {
    if (header.depth < PSEUDO_DEPTH) {
      underUnknown = header.id === null && seenHeading;
      seenHeading = true;
      lastHeading = header;
    }
    // Right under the title, the SRE book's labels each on a line of their own ("**Status**: Resolved.␠␠"
    // then "**Summary**: …", persistenceOne's halt report) are its sections; inside a section they are facts.
    const underTitle = lastHeading === null || (lastHeading.depth === 1 && lastHeading.id === null);
    if (header.plainLabel && !(underTitle && sreLabelList)) continue;
    const ownLine = underTitle && (header.inListItem ? sreLabelList : header.afterHardBreak === true);
    if (header.style === 'labelled' && (header.inListItem || header.insideParagraph) && !underUnknown && !ownLine) continue;
    // "- **Actions Taken:**", "- **Resolution:**" in a list under "## Timeline": a field of that section.
    if (open && open.depth < PSEUDO_DEPTH && header.depth === PSEUDO_DEPTH && header.inListItem && /^(?:\*\*|__)/.test(header.title)) continue;
    // Labelled paragraphs after a labelled summary are its siblings, as in the SRE book's example; so are
    // plain title lines that open their own paragraph at the summary title's margin ("Summary:", blank,
    // "Root Cause:") when no later section says the same, unlike a block of field lines ("Duration:",
    // "Root Cause:" without blanks) or the summary's facts before a "Root Cause and Resolution" of its own.
    const sibling = ((header.style === 'labelled' || header.style === 'bold') && openSummary?.style === 'labelled') || (header.style === 'plain' && openSummary?.style === 'plain'
      && md.info[header.line].blockStart === header.line && indentOf(md, header.line) === indentOf(md, openSummary.line)
      && !headers.slice(k + 1).some((later) => later.id !== null && header.id !== null && (later.id === header.id || later.id === specOf(profile, header.id)?.id)));
    // "Root Cause:" inside the summary, or "### Root Cause" under "## Issue Summary", is one of its facts.
    const nested = openSummary !== null && header.depth > openSummary.depth;
    if (openSummary && !sibling && (header.depth === PSEUDO_DEPTH || nested) && FIELD_WORDS.has(header.words)) continue;
    if (!openSummary && underUnknown && lastHeading && isSummaryFactUnderUnknown(md, headers, k, lastHeading, profile)) continue;
    if (header.id === null && header.depth === PSEUDO_DEPTH) continue;
    boundaries.push(header);
    if (header.id || header.depth <= (open?.depth ?? 0)) open = header.id ? header : null;
    if (header.id) {
      const spec = specOf(profile, header.id);
      openSummary = spec?.role === 'summary' && spec.id === header.id ? header : null;
    } else if (openSummary && header.depth <= openSummary.depth) {
      openSummary = null;
    }
  }
  const lastLine = md.index.lineCount - 1;
  for (let b = 0; b < boundaries.length; b++) {
    const header = boundaries[b];
    if (!header.id) continue;
    let end = lastLine;
    for (let next = b + 1; next < boundaries.length; next++) {
      const other = boundaries[next];
      if (other.id || other.depth <= header.depth || header.depth === PSEUDO_DEPTH) {
        end = other.line - 1;
        break;
      }
    }
    while (end > header.line && md.info[end].kind === 'blank') end--;
    const spec = specOf(profile, header.id);
    sections.push({ ...header, specId: spec?.id ?? null, endLine: end });
  }
  return sections;
}

/**
 * "#### The Epic Saga of the Great API Outage" over "**Duration:** …", "**Impact:** …", "**Root Cause:** …",
 * with "- **Root Cause:** …" again under a later heading (a held-out ALX postmortem): under a heading of
 * no known name, a label that follows the summary's window or impact fields is one of those facts
 * when a later section says the same at length.
 */
function isSummaryFactUnderUnknown(md: MarkdownLines, headers: readonly Header[], k: number, heading: Header, profile: CompiledProfile): boolean {
  const header = headers[k];
  if (header.depth !== PSEUDO_DEPTH || header.id === null || !FIELD_WORDS.has(header.words)) return false;
  const spec = specOf(profile, header.id);
  if (!namedAfter(headers, k, profile, spec)) return false;
  for (let i = heading.line + 1; i < header.line; i++) {
    const field = md.info[i].kind === 'paragraph' ? fieldOfLine(md.index.lines[i].text) : null;
    if (field !== null && field !== 'root-cause') return true;
  }
  return false;
}

function indentOf(md: MarkdownLines, line: number): number {
  return md.index.lines[line].text.search(/\S/);
}

/** Unrecognized real headings, for the outline. */
export function otherHeadings(headers: Header[]): Header[] {
  return headers.filter((header) => header.id === null && header.depth < PSEUDO_DEPTH);
}
