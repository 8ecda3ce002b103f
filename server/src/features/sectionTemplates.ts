// How a new section is written: in the heading style the document already uses, with a short skeleton
// that states what the section needs, so that inserting it raises no new diagnostic.
import type { PostmortemModel } from '../core/model';
import { PSEUDO_DEPTH, type Section } from '../core/sections';
import { FIELD_LABELS } from '../core/profiles';
import { normalizeTitle } from '../core/sectionNames';
import { lineBreakOf } from '../core/text';
import type { SectionSpec } from '../core/profiles';
import { insertionBoundary } from '../core/blockBoundary';

const FIELD_WORDS = new Set(Object.values(FIELD_LABELS).flat());

const SKELETONS: Record<string, string[]> = {
  summary: ['- **Duration:** ', '- **Start time:** ', '- **End time:** ', '- **Impact:** ', '- **Root cause:** '],
  overview: ['What happened, in two or three sentences.'],
  timeline: ['- **HH:MM UTC:** What happened.'],
  'root-cause-and-resolution': ['What caused the outage, and how it was fixed.'],
  'root-cause': ['What caused the outage.'],
  'root-causes': ['What caused the outage.'],
  resolution: ['How the service was restored.'],
  'corrective-and-preventive-measures': ['- [ ] What we will change so that this does not happen again.'],
  'action-items': ['- [ ] Action item (owner, due date).'],
  impact: ['Who was affected, how, and for how long.'],
  trigger: ['What set the outage off.'],
  detection: ['How we found out: an alert, a customer, a colleague.'],
  'lessons-learned': ['### What went well', '', '- ', '', '### What went wrong', '', '- ', '', '### Where we got lucky', '', '- '],
  'supporting-information': ['Links to dashboards, logs and tickets.'],
  'what-happened': ['The story of the incident, from the first sign to the all-clear.'],
  'contributing-factors': ['- What made it possible, or worse.'],
  responders: ['- Incident commander: ', '- Responders: '],
  'howd-we-do': ['- What went well: ', "- What didn't: "],
  messaging: ['What we told customers and colleagues, and when.'],
};

/** A summary that states facts only where the profile asks for them (the classic Issue Summary). */
function summarySkeleton(spec: SectionSpec): string[] {
  return spec.fields?.length ? SKELETONS.summary : ['What happened, in two or three sentences.'];
}

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

export function skeletonFor(sectionId: string, spec?: SectionSpec): string[] {
  if (spec?.role === 'summary') return summarySkeleton(spec);
  return SKELETONS[sectionId] ?? ['What belongs here.'];
}

/** Text to insert at the end of line `afterLine` (or at the very start when it is -1) for a new section. */
export function sectionInsertion(model: PostmortemModel, sectionId: string, title: string, afterLine: number): { line: number; character: number; text: string } {
  const eol = lineBreakOf(model.text);
  const lines = model.lines.index.lines;
  const spec = model.profile.sections.find((section) => section.id === sectionId);
  const block = [...headingFor(model, title), '', ...skeletonFor(sectionId, spec)].join(eol);
  // Never inside code, an HTML block or a table: the inserted lines would cut it in two.
  const line = insertionBoundary(model.lines, Math.min(afterLine, lines.length - 1));
  if (line < 0) return { line: 0, character: 0, text: block + eol + eol };
  const next = lines[line + 1];
  const trailing = next && next.text.trim() !== '' ? eol : '';
  // After a blank line (the one before a block that runs to the end), one line break starts the section.
  const leading = lines[line].text.trim() === '' ? eol : eol + eol;
  return { line, character: lines[line].end - lines[line].start, text: leading + block + trailing };
}
