// A section comes before one the profile puts earlier. No fix: moving prose is the writer's call.
import type { PostmortemModel, RequirementStatus } from '../core/model';
import { CLASSIC } from '../core/profiles';
import { defineRule, type Problem } from './rule';

/** The classic profile's "Root Cause and Resolution", whole or in its parts. */
const ANALYSIS = 'root-cause-and-resolution';

export interface SectionOrderData {
  code: 'section-order';
  sectionId: string;
  /** The section this one should follow. */
  expectedAfter: string;
}

/**
 * Whether the Timeline may come after the cause and its fix: the Google SRE and PagerDuty templates put
 * it there (the action items before it or after it), and so do many teams' own. With the classic profile
 * chosen for the document rather than named, a Timeline after the root cause and the resolution (or with
 * neither) follows that layout; one between them (the cause before it, the fix after) follows none.
 */
function timelineAfterAnalysis(model: PostmortemModel): boolean {
  if (model.profile.name !== CLASSIC.name || (model.profileSource !== 'document' && model.profileSource !== 'default')) return false;
  const timeline = model.requirements.find((status) => status.spec.role === 'timeline')?.line ?? null;
  if (timeline === null) return false;
  // Each part where it first comes: a "1. Resolution" among the lessons further down is not the fix's section.
  const first = new Map<string, number>();
  for (const section of model.sections) if (section.specId === ANALYSIS && section.id && !first.has(section.id)) first.set(section.id, section.line);
  return [...first.values()].every((line) => line < timeline);
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
    for (const status of model.requirements) {
      // Half a section counts too: a "## Resolution" before the Timeline when "Root Cause and Resolution" follows it.
      if (status.line === null) continue;
      if (furthest && furthest.line !== null && status.line < furthest.line) {
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
