// The engine: every rule the settings leave on, run over the model, in the index's order.
import type { Settings } from '../core/config';
import type { PostmortemModel } from '../core/model';
import { firstTitleLine } from '../core/titleLine';
import { RULES, type DiagnosticData } from './index';
import type { Finding, RuleContext } from './rule';

export function findingsOf(model: PostmortemModel, settings: Settings, now: Date = new Date()): Array<Finding<DiagnosticData>> {
  if (!model.isPostmortem) return [];
  const { lines } = model.lines.index;
  const context: RuleContext = {
    model,
    settings,
    now,
    titleLine: firstTitleLine(model),
    lineSpan(line) {
      const source = lines[line];
      const indent = source.text.length - source.text.trimStart().length;
      return [source.start + indent, source.end];
    },
  };
  const findings: Array<Finding<DiagnosticData>> = [];
  for (const rule of RULES) {
    const severity = settings.severity[rule.code] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    for (const problem of rule.check(context)) findings.push({ ...problem, code: rule.code, severity });
  }
  return findings;
}
