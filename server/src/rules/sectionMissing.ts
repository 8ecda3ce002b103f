// A section the profile requires is absent (or half of a combined one is): reported on the title, fixed
// by inserting the section where the profile's order wants it.
import { insertionPlace, isStatusPageUpdates, missingSections } from '../core/requirements';
import { sectionEdit } from './fixes/insertSection';
import { defineRule, type Problem } from './rule';

export interface SectionMissingData {
  code: 'section-missing';
  sectionId: string;
  title: string;
  /** Where the section belongs: after this line (0-based), keeping the profile's order. */
  insertAfterLine: number;
  /** Parts already present when a combined section is missing only some of them. */
  missingParts?: string[];
  /** Its content is already there below `insertAfterLine` (a summary's facts under the title): the heading alone is inserted. */
  headingOnly?: boolean;
}

export const sectionMissing = defineRule<SectionMissingData>({
  code: 'section-missing',
  defaultSeverity: 'warning',
  description: 'A required section (or half of a combined one) is absent.',
  check({ model, titleLine, lineSpan }) {
    if (isStatusPageUpdates(model)) return [];
    const problems: Array<Problem<SectionMissingData>> = [];
    for (const status of model.requirements) {
      if (!status.spec.required || status.present) continue;
      const partial = status.line !== null && status.missingParts.length > 0;
      const missingTitles = missingSections(status).map((section) => section.title);
      const message = partial
        ? `Missing section "${missingTitles.join('", "')}" (part of "${status.spec.title}").`
        : `Missing section "${status.spec.title}".`;
      const [start, end] = lineSpan(titleLine);
      const { afterLine, headingOnly } = insertionPlace(model, status);
      problems.push({
        start, end, message,
        data: {
          code: 'section-missing',
          sectionId: partial ? status.missingParts[0] : status.spec.id,
          title: missingTitles[0],
          insertAfterLine: afterLine,
          ...(partial ? { missingParts: status.missingParts } : {}),
          ...(headingOnly ? { headingOnly } : {}),
        },
      });
    }
    return problems;
  },
  fixes: [{
    title: (data) => `Insert section "${data.title}"`,
    fixAll: { key: (data) => `section-missing ${data.sectionId}` },
    edits: (model, data) => [sectionEdit(model, data)],
  }],
});
