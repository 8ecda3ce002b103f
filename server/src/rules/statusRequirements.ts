// What a postmortem must have once its front matter status reaches a stage (postmortem.statusRequirements;
// by default at `published`: every required section present and every action item owned). Reported on
// the status value, once per unmet requirement; the section and item rules carry the fixes.
import type { RequirementName } from '../core/config';
import { isPlaceholderOwner } from '../core/actionItems';
import { statusRank } from '../core/frontMatter';
import { missingSections } from '../core/requirements';
import type { PostmortemModel } from '../core/model';
import { defineRule, type Problem } from './rule';

export interface StatusRequirementsData {
  code: 'status-requirements';
  status: string;
  requirement: RequirementName;
}

function unmet(model: PostmortemModel, requirement: RequirementName): string | null {
  if (requirement === 'sections') {
    const missing = model.requirements.filter((status) => status.spec.required && !status.present)
      .flatMap((status) => missingSections(status).map((section) => section.title));
    return missing.length ? `required sections are missing (${missing.join(', ')})` : null;
  }
  const open = model.actionItems.filter((item) => !item.done);
  const without = requirement === 'owners' ? open.filter((item) => isPlaceholderOwner(item.owner)) : open.filter((item) => !item.due);
  if (!without.length) return null;
  const what = requirement === 'owners' ? 'an owner' : 'a due date';
  return `${without.length} open action item${without.length === 1 ? '' : 's'} without ${what} (line${without.length === 1 ? '' : 's'} ${without.map((item) => item.line + 1).join(', ')})`;
}

export const statusRequirements = defineRule<StatusRequirementsData>({
  code: 'status-requirements',
  defaultSeverity: 'warning',
  description: 'The front matter status says the postmortem is further along than its content (by default, published with sections missing or action items unowned).',
  check({ model, settings }) {
    const frontMatter = model.frontMatter;
    const statuses = settings.frontMatter.statuses;
    const rank = statusRank(frontMatter, statuses);
    const field = frontMatter?.fields.find((candidate) => candidate.key === 'status');
    if (rank < 0 || !frontMatter?.status || !field) return [];
    const due = new Set<RequirementName>();
    for (const stage of settings.statusRequirements) {
      const stageRank = statuses.findIndex((name) => name.toLowerCase() === stage.status.toLowerCase());
      if (stageRank >= 0 && stageRank <= rank) for (const requirement of stage.require) due.add(requirement);
    }
    const problems: Array<Problem<StatusRequirementsData>> = [];
    for (const requirement of due) {
      const reason = unmet(model, requirement);
      if (reason) problems.push({
        start: field.valueStart, end: field.valueEnd,
        message: `Status "${frontMatter.status}": ${reason}.`,
        data: { code: 'status-requirements', status: frontMatter.status, requirement },
      });
    }
    return problems;
  },
  fixes: [],
});
