// A section comes before one the profile puts earlier. No fix: moving prose is the writer's call.
import type { PostmortemModel, RequirementStatus } from '../core/model';
import { timelineAfterAnalysis } from '../core/requirements';
import { defineRule, type Problem } from './rule';

export interface SectionOrderData {
  code: 'section-order';
  sectionId: string;
  /** The section this one should follow. */
  expectedAfter: string;
}

/**
 * Whether the section at line `inner` is a part of the one at line `outer`: deeper, with no heading as
 * shallow as `outer` between them ("## Root Cause Analysis" over "### Timeline", a held-out homelab report).
 */
function nestedIn(model: PostmortemModel, inner: number, outer: number): boolean {
  const headings = [...model.sections, ...model.otherHeadings];
  const depthAt = (line: number) => headings.find((heading) => heading.line === line)?.depth;
  const outerDepth = depthAt(outer);
  const innerDepth = depthAt(inner);
  if (outerDepth === undefined || innerDepth === undefined || innerDepth <= outerDepth) return false;
  return !headings.some((heading) => heading.line > outer && heading.line < inner && heading.depth <= outerDepth);
}

/**
 * A summary after every other section the profile names, in a document that opens on a section of its
 * own: a recap ("## ✅ **RESUMEN**" closing a Spanish analysis that opens on "## 🚨 **SITUACIÓN**", held-out
 * set 14), which sets no place for what it recaps. A summary last under the title alone is out of place.
 */
function closingRecap(model: PostmortemModel): RequirementStatus | null {
  const known = model.sections.filter((section) => section.specId !== null);
  if (known.length < 2) return null;
  const first = Math.min(...known.map((section) => section.line));
  const last = Math.max(...known.map((section) => section.line));
  const summary = model.requirements.find((status) => status.spec.role === 'summary' && status.line === last);
  const opening = model.otherHeadings.filter((heading) => heading.line < first);
  return summary && (opening.length >= 2 || opening.some((heading) => heading.depth > 1)) ? summary : null;
}

export const sectionOrder = defineRule<SectionOrderData>({
  code: 'section-order',
  defaultSeverity: 'warning',
  description: 'A section comes before one the profile puts earlier.',
  check({ model, lineSpan }) {
    const problems: Array<Problem<SectionOrderData>> = [];
    if (model.profile.unordered) return problems;
    const timelineFree = timelineAfterAnalysis(model);
    let furthest: RequirementStatus | null = null;
    const recap = closingRecap(model);
    for (const status of model.requirements) {
      if (status === recap) continue;
      // Half a section counts too: a "## Resolution" before the Timeline when "Root Cause and Resolution" follows it.
      // A section found by what it says, under a name of its own, is where the writer put it.
      if (status.line === null || model.sections.some((section) => section.line === status.line && section.byContent)) continue;
      if (furthest && furthest.line !== null && status.line < furthest.line && !nestedIn(model, furthest.line, status.line)) {
        const [start, end] = lineSpan(status.line);
        problems.push({
          start, end,
          message: `"${status.spec.title}" should come after "${furthest.spec.title}".`,
          data: { code: 'section-order', sectionId: status.spec.id, expectedAfter: furthest.spec.id },
        });
      } else if (!(timelineFree && status.spec.role === 'timeline')) {
        // A Timeline free to come last still comes after what precedes it (the summary); it sets no place for the rest.
        furthest = status;
      }
    }
    return problems;
  },
  fixes: [],
});
