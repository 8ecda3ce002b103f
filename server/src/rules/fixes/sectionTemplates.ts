// How a new section is written: in the heading style the document already uses, with the skeleton its
// spec gives (core/profiles.ts), so that inserting it raises no new diagnostic.
import type { PostmortemModel } from '../../core/model';
import { PSEUDO_DEPTH, type Section } from '../../core/sections';
import { FIELD_LABELS, type Profile } from '../../core/profiles';
import { normalizeTitle } from '../../core/sectionNames';
import { lineBreakOf } from '../../core/text';
import { insertionBoundary } from '../../core/blockBoundary';
import { filledSkeletonLine } from './insertSummaryField';

const FIELD_WORDS = new Set(Object.values(FIELD_LABELS).flat());
const DEFAULT_SKELETON = ['What belongs here.'];

/** The heading line for `title`, in the style of the document's own section headings. */
export function headingFor(model: PostmortemModel, title: string): string[] {
  const example: Section | undefined = model.sections.find((section) => section.style === 'atx' || section.style === 'setext')
    ?? model.sections[0];
  if (!example) return [`## ${title}`];
  // A pseudo-heading named like a summary fact ("**Impact:**" in the SRE profile) would be read as that
  // fact when it follows a pseudo-heading summary: such a section gets a real heading.
  if (example.depth === PSEUDO_DEPTH && FIELD_WORDS.has(normalizeTitle(title).words)) return [`## ${title}`];
  const raw = model.lines.index.lines[example.line].text.trim();
  const colon = /:\**\s*$/.test(raw) ? ':' : '';
  switch (example.style) {
    case 'atx':
    case 'html':
      return [`${'#'.repeat(Math.min(example.depth, 6))} ${title}${colon}`];
    case 'setext':
      return [title, (example.depth === 1 ? '=' : '-').repeat(Math.max(3, title.length))];
    case 'bold':
      return raw.startsWith('__') ? [`__${title}:__`] : [/\*\*:$/.test(raw) ? `**${title}**:` : `**${title}:**`];
    case 'list':
      return [`${raw.charAt(0)} ${title}:`];
    default:
      return [`${title}:`];
  }
}

/** What a new section or part `sectionId` of `profile` holds under its heading. */
export function skeletonFor(profile: Profile, sectionId: string): string[] {
  for (const section of profile.sections) {
    if (section.id === sectionId) return section.skeleton ?? DEFAULT_SKELETON;
    const part = section.parts?.find((candidate) => candidate.id === sectionId);
    if (part) return part.skeleton ?? DEFAULT_SKELETON;
  }
  return DEFAULT_SKELETON;
}

/**
 * Text to insert at the end of line `afterLine` (or at the very start when it is -1) for a new section;
 * `headingOnly`: its content is already below, and the heading makes it the section.
 */
export function sectionInsertion(model: PostmortemModel, sectionId: string, title: string, afterLine: number, headingOnly = false): { line: number; character: number; text: string } {
  const eol = lineBreakOf(model.text);
  const lines = model.lines.index.lines;
  const skeleton = skeletonFor(model.profile, sectionId).map((line) => filledSkeletonLine(model, line));
  const block = (headingOnly ? headingFor(model, title) : [...headingFor(model, title), '', ...skeleton]).join(eol);
  // Never inside code, an HTML block or a table: the inserted lines would cut it in two.
  const line = insertionBoundary(model.lines, Math.min(afterLine, lines.length - 1));
  if (line < 0) return { line: 0, character: 0, text: block + eol + eol };
  const next = lines[line + 1];
  const trailing = next && next.text.trim() !== '' ? eol : '';
  // After a blank line (the one before a block that runs to the end), one line break starts the section.
  const leading = lines[line].text.trim() === '' ? eol : eol + eol;
  return { line, character: lines[line].end - lines[line].start, text: leading + block + trailing };
}
