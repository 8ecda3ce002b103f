// A section comes before one the profile puts earlier. No fix: moving prose is the writer's call.
import type { PostmortemModel, RequirementStatus } from '../core/model';
import { CLASSIC } from '../core/profiles';
import { normalizeAlias } from '../core/sectionNames';
import { defineRule, type Problem } from './rule';

export interface SectionOrderData {
  code: 'section-order';
  sectionId: string;
  /** The section this one should follow. */
  expectedAfter: string;
}

/**
 * The classic template's own titles, as the ALX assignment gives them: a document that writes one follows
 * that template, its order included. "Root Cause" or "Action Items" alone are any template's words.
 */
const CLASSIC_TITLES = ['Issue Summary', 'Root Cause and Resolution', 'Root Causes and Resolution', 'Cause and Resolution',
  'Corrective and Preventive Measures', 'Corrective and Preventative Measures', 'Preventive and Corrective Measures',
  'Preventative and Corrective Measures'].map(normalizeAlias);

function writesClassicTitle(model: PostmortemModel): boolean {
  return model.sections.some((section) => CLASSIC_TITLES.some((title) => section.words === title || section.words.startsWith(`${title} `)));
}

/**
 * Whether the Timeline may come after the analysis: the Google SRE and PagerDuty templates put it
 * there, and so do many teams' own ("Root cause", "Action items", then "Timeline"). With the classic
 * profile chosen for the document rather than named, only a document written in the classic template's
 * own titles is held to its place for the Timeline.
 */
function timelineMayComeLast(model: PostmortemModel): boolean {
  return model.profile.name === CLASSIC.name && (model.profileSource === 'document' || model.profileSource === 'default') && !writesClassicTitle(model);
}

export const sectionOrder = defineRule<SectionOrderData>({
  code: 'section-order',
  defaultSeverity: 'warning',
  description: 'A section comes before one the profile puts earlier.',
  check({ model, lineSpan }) {
    const problems: Array<Problem<SectionOrderData>> = [];
    if (model.profile.unordered) return problems;
    const timelineFree = timelineMayComeLast(model);
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
