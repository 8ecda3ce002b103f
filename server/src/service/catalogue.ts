// What the rules are, for hosts that describe them (the CLI's --rule and usage, SARIF's tool
// metadata): the rules' index and the severity names, without reaching past the service.
import { SEVERITY_NAMES } from '../core/config';
import { RULES } from '../rules/index';

export { SEVERITY_NAMES };

export interface RuleInfo {
  code: string;
  defaultSeverity: (typeof SEVERITY_NAMES)[number];
  description: string;
}

/** Every rule, in the index's (report) order. */
export const RULE_CATALOGUE: readonly RuleInfo[] = RULES.map(({ code, defaultSeverity, description }) => ({ code, defaultSeverity, description }));

export const RULE_CODES: readonly string[] = RULE_CATALOGUE.map((rule) => rule.code);
