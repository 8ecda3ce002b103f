// The summary does not state a fact its profile asks for (duration, start, end, impact, root cause):
// reported on the summary's heading, fixed by adding a labelled line, filled in when the model knows it.
import { SUMMARY_FIELD_TITLES, type SummaryField } from '../core/profiles';
import { summaryFieldEdit } from './fixes/insertSummaryField';
import { defineRule, editsOf, type Problem } from './rule';

export interface SummaryFieldMissingData {
  code: 'summary-field-missing';
  field: SummaryField;
  summaryLine: number;
}

const FIELD_NAMES: Record<SummaryField, string> = {
  duration: 'the outage duration',
  start: 'the start time',
  end: 'the end time',
  impact: 'the impact',
  'root-cause': 'the root cause',
};

export const summaryFieldMissing = defineRule<SummaryFieldMissingData>({
  code: 'summary-field-missing',
  defaultSeverity: 'warning',
  description: 'The summary does not state the duration, start, end, impact or root cause.',
  check({ model, lineSpan }) {
    const problems: Array<Problem<SummaryFieldMissingData>> = [];
    const summarySpec = model.summarySection && model.profile.sections.find((spec) => spec.id === model.summarySection?.specId);
    if (!model.summarySection || !model.summary || !summarySpec?.fields) return problems;
    for (const field of summarySpec.fields) {
      if (model.summary.fields.has(field)) continue;
      const [start, end] = lineSpan(model.summarySection.line);
      problems.push({
        start, end,
        message: `The summary does not state ${FIELD_NAMES[field]}.`,
        data: { code: 'summary-field-missing', field, summaryLine: model.summarySection.line },
      });
    }
    return problems;
  },
  fixes: [{
    title: (data) => `Add "${SUMMARY_FIELD_TITLES[data.field]}" to the summary`,
    fixAll: { key: (data) => `summary-field-missing ${data.field}` },
    edits: (model, data) => editsOf(summaryFieldEdit(model, data.field)),
  }],
});
