// The engine: every rule the settings leave on, run over the model, in the index's order.
import type { Settings } from '../core/config';
import type { PostmortemModel } from '../core/model';
import { firstTitleLine } from '../core/titleLine';
import { RULES, type DiagnosticData } from './index';
import type { Finding, RuleContext } from './rule';

/**
 * The diagnostics, the preview's checklist, the writing hover and the incident index each ask for one
 * model's findings: with the same settings on the same day (the overdue rule reads no finer than the UTC
 * day), they are the same, so they are found once. Callers only read them.
 */
const found = new WeakMap<PostmortemModel, { settings: Settings; day: string; findings: ReadonlyArray<Finding<DiagnosticData>> }>();

export function findingsOf(model: PostmortemModel, settings: Settings, now: Date = new Date()): ReadonlyArray<Finding<DiagnosticData>> {
  if (!model.isPostmortem) return [];
  const day = now.toISOString().slice(0, 10);
  const known = found.get(model);
  if (known && known.settings === settings && known.day === day) return known.findings;
  const findings = runRules(model, settings, now);
  found.set(model, { settings, day, findings });
  return findings;
}

function runRules(model: PostmortemModel, settings: Settings, now: Date): Array<Finding<DiagnosticData>> {
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
