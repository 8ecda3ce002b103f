// An action item names no owner (once the postmortem is past draft; see shared/actionItemFields.ts).
import { missingFieldFixes, missingFieldProblems, type ItemFieldData } from './shared/actionItemFields';
import { defineRule } from './rule';

export type ActionItemOwnerMissingData = ItemFieldData<'action-item-owner-missing'>;

export const actionItemOwnerMissing = defineRule<ActionItemOwnerMissingData>({
  code: 'action-item-owner-missing',
  defaultSeverity: 'information',
  description: 'An open action item names no owner (checked once the front matter status is past draft).',
  check: (context) => missingFieldProblems(context, 'owner', 'action-item-owner-missing'),
  fixes: missingFieldFixes('owner'),
});
