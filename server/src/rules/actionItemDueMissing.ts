// An action item has no due date (once the postmortem is past draft; see shared/actionItemFields.ts).
import { missingFieldFixes, missingFieldProblems, type ItemFieldData } from './shared/actionItemFields';
import { defineRule } from './rule';

export type ActionItemDueMissingData = ItemFieldData<'action-item-due-missing'>;

export const actionItemDueMissing = defineRule<ActionItemDueMissingData>({
  code: 'action-item-due-missing',
  defaultSeverity: 'information',
  description: 'An open action item has no due date (checked once the front matter status is past draft).',
  check: (context) => missingFieldProblems(context, 'due', 'action-item-due-missing'),
  fixes: missingFieldFixes('due'),
});
