// The profile's sections a document lacks, and where each belongs.
import { isStatusPageIncident, valuesOf } from './frontMatter';
import type { PostmortemModel, RequirementStatus } from './model';
import { CLASSIC } from './profiles';
import { readSummary } from './summary';

/** The classic profile's "Root Cause and Resolution", whole or in its parts. */
const ANALYSIS = 'root-cause-and-resolution';

/**
 * The sections a requirement still needs, as they would be inserted: the whole section, or, when a
 * combined section is there in part ("Root Cause" without "Resolution"), only its missing parts.
 */
export function missingSections(status: RequirementStatus): Array<{ id: string; title: string }> {
  if (status.present) return [];
  if (status.line !== null && status.missingParts.length > 0) {
    return (status.spec.parts ?? []).filter((part) => status.missingParts.includes(part.id)).map((part) => ({ id: part.id, title: part.title }));
  }
  return [{ id: status.spec.id, title: status.spec.title }];
}

/**
 * A missing summary whose facts the document already writes before its first section ("**Duration:** 30
 * mins" under the title, corpus 017): the line after which its heading alone goes, so that those facts
 * become its section. That is after the front matter and the last heading before them (a title, a
 * subtitle: corpus 040's second "# An Outage Experience I Had"), and only when every fact is below it;
 * else null, as when there are none.
 */
function summaryHeadingLine(model: PostmortemModel): number | null {
  if (model.summarySection || !model.summary || model.summary.fields.size === 0) return null;
  const { info } = model.lines;
  const end = model.sections[0]?.line ?? info.length;
  let after = -1;
  for (let i = 0; i < end; i++) if (info[i].kind === 'frontmatter' || info[i].kind === 'heading' || info[i].kind === 'heading-underline') after = i;
  // The headings CommonMark does not know ("###Posmortem", corpus 027) end a section too.
  for (const heading of model.otherHeadings) if (heading.line < end) after = Math.max(after, heading.line);
  while (after + 1 < end && info[after + 1].kind === 'heading-underline') after++;
  if (after + 1 >= end) return null;
  const below = readSummary(model.lines, after + 1, end - 1);
  return [...model.summary.fields].every((field) => below.fields.has(field)) ? after : null;
}

/**
 * A status page's incident (cState's `section: issue`, a Jekyll status blog's `layout: status`) written as
 * its updates ("[Update - 2023-03-29 15h50 UTC] …", Jenkins' status site) and none of the profile's
 * sections: the index reads its times from the front matter, but it follows no postmortem template, so
 * none of the template's sections is asked of it. One that writes a section is held to the rest.
 */
export function isStatusPageUpdates(model: PostmortemModel): boolean {
  if (!model.frontMatter?.fields.length || !isStatusPageIncident(valuesOf(model.frontMatter))) return false;
  return model.requirements.every((status) => !status.present && status.line === null);
}

/**
 * Whether the Timeline may come after the cause and its fix: the Google SRE and PagerDuty templates put
 * it there (the action items before it or after it), and so do many teams' own. With the classic profile
 * chosen for the document rather than named, a Timeline after its root cause and resolution, written as
 * sections of their own, follows that layout, as does one after every other section where the document
 * has no analysis of its own; one between them (the cause before it, the fix after) follows none, and one
 * after the classic template's combined "Root Cause and Resolution" is out of place.
 */
export function timelineAfterAnalysis(model: PostmortemModel): boolean {
  if (model.profile.name !== CLASSIC.name || (model.profileSource !== 'document' && model.profileSource !== 'default')) return false;
  const timeline = model.requirements.find((status) => status.spec.role === 'timeline')?.line ?? null;
  if (timeline === null) return false;
  // Each part where it first comes: a "1. Resolution" among the lessons further down is not the fix's section.
  const first = new Map<string, number>();
  for (const section of model.sections) if (section.specId === ANALYSIS && section.id && !first.has(section.id)) first.set(section.id, section.line);
  // The classic template's own "Root Cause and Resolution", one heading: the document follows that template, its order included.
  if (first.has(ANALYSIS)) return false;
  // No analysis of its own ("## Summary", "## Actions", then "## Timeline", GOV.UK One Login's incident
  // notes): a Timeline after every other section the document has, the measures among them, is its
  // appendix, as the SRE template's is.
  if (first.size === 0) {
    const present = model.requirements.filter((status) => status.line !== null && status.spec.role !== 'timeline');
    return present.every((status) => (status.line as number) < timeline) && present.some((status) => status.spec.role === 'other' && status.spec.id !== ANALYSIS);
  }
  return [...first.values()].every((line) => line < timeline);
}

/**
 * After which line a missing section goes so that the profile's order is kept; `headingOnly` when its
 * content is already below that line (see summaryHeadingLine) and the heading alone makes it the section.
 */
export function insertionPlace(model: PostmortemModel, missing: RequirementStatus): { afterLine: number; headingOnly: boolean } {
  const above = missing.spec.role === 'summary' ? summaryHeadingLine(model) : null;
  return above !== null ? { afterLine: above, headingOnly: true } : { afterLine: insertionLine(model, missing), headingOnly: false };
}

/** After which line a missing section goes so that the profile's order is kept, its whole skeleton with it. */
function insertionLine(model: PostmortemModel, missing: RequirementStatus): number {
  const order = model.requirements;
  const at = order.indexOf(missing);
  const endOf = (status: RequirementStatus): number => {
    const ids = new Set<string>([status.spec.id, ...(status.spec.parts ?? []).map((part) => part.id)]);
    const end = Math.max(...model.sections.filter((section) => section.id !== null && ids.has(section.id)).map((section) => section.endLine));
    // Not between the summary and a part of it set apart under a heading of its own ("## Duration").
    return status.spec.role === 'summary' && model.summaryEndLine !== null ? Math.max(end, model.summaryEndLine) : end;
  };
  // A missing part ("Resolution" beside "Root Cause") goes right after the part that is there.
  if (missing.line !== null) return endOf(missing);
  // A Timeline the document puts after its analysis (see timelineAfterAnalysis) places nothing but the summary, before it.
  const free = timelineAfterAnalysis(model) && missing.spec.role !== 'summary';
  const placed = (status: RequirementStatus) => status.line !== null && !(free && status.spec.role === 'timeline');
  for (let i = at - 1; i >= 0; i--) {
    if (placed(order[i])) return endOf(order[i]);
  }
  // Before every section the profile puts after it: the first of them in the document.
  const after = order.slice(at + 1).filter(placed).map((status) => status.line as number);
  return after.length ? Math.min(...after) - 1 : model.lines.index.lineCount - 1;
}
