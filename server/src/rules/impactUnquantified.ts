// An impact stated with no size ("Users were affected", "Some requests failed"): the review asks how
// many users or requests, how much money, what share, for how long, so the response can be weighed.
import { impactStatements } from '../core/writing/impactStatements';
import { statesQuantity } from '../core/writing/impact';
import { looksEnglish } from '../core/writing/english';
import { writingGuide } from '../core/writing/phrases';
import { defineRule, type Problem } from './rule';

export interface ImpactUnquantifiedData {
  code: 'impact-unquantified';
  line: number;
}

export const impactUnquantified = defineRule<ImpactUnquantifiedData>({
  code: 'impact-unquantified',
  defaultSeverity: 'information',
  description: 'The impact is stated with no number of users, requests, money, percentage or time.',
  documentation: writingGuide('impact-unquantified'),
  check({ model, lineSpan }) {
    if (!looksEnglish(model)) return [];
    const problems: Array<Problem<ImpactUnquantifiedData>> = [];
    for (const statement of impactStatements(model)) {
      if (statesQuantity(statement.text)) continue;
      const [start, end] = lineSpan(statement.line);
      problems.push({
        start, end,
        message: 'The impact gives no size. Say how many users or requests were affected, what share, how much money, or for how long.',
        data: { code: 'impact-unquantified', line: statement.line },
      });
    }
    return problems;
  },
  fixes: [],
});
