// Every rule, in the order their findings are reported (a check's findings keep their own order). A new
// diagnostic code is one file in this folder, one line here and one row in the README's table; the
// code list, the default severities and the wire type of `data` all follow from this list.
import type { SeverityName } from '../core/config';
import { blameLanguage } from './blameLanguage';
import { counterfactualLanguage } from './counterfactualLanguage';
import { detectionMissing } from './detectionMissing';
import { documentTooDeep } from './documentTooDeep';
import { durationMismatch } from './durationMismatch';
import { impactUnquantified } from './impactUnquantified';
import type { Problem, Rule, RuleContext } from './rule';
import { sectionMissing } from './sectionMissing';
import { sectionOrder } from './sectionOrder';
import { summaryFieldMissing } from './summaryFieldMissing';
import { timelineMissingTimezone } from './timelineMissingTimezone';
import { timelineOutOfOrder } from './timelineOutOfOrder';
import { timelineUnparsedTime } from './timelineUnparsedTime';
import { timelineEntriesRunOn } from './timelineEntriesRunOn';
import { vagueAction } from './vagueAction';
import { frontmatterMalformed } from './frontmatterMalformed';
import { frontmatterInvalid } from './frontmatterInvalid';
import { actionItemOwnerMissing } from './actionItemOwnerMissing';
import { actionItemDueMissing } from './actionItemDueMissing';
import { actionItemOverdue } from './actionItemOverdue';
import { statusRequirements } from './statusRequirements';
import { reportInCodeBlock } from './reportInCodeBlock';
import { mergeConflict } from './mergeConflict';

const INDEX = [
  mergeConflict,
  documentTooDeep,
  sectionMissing,
  sectionOrder,
  summaryFieldMissing,
  timelineUnparsedTime,
  timelineEntriesRunOn,
  timelineOutOfOrder,
  timelineMissingTimezone,
  durationMismatch,
  blameLanguage,
  counterfactualLanguage,
  vagueAction,
  impactUnquantified,
  detectionMissing,
  frontmatterMalformed,
  frontmatterInvalid,
  actionItemOwnerMissing,
  actionItemDueMissing,
  actionItemOverdue,
  statusRequirements,
  reportInCodeBlock,
] as const;

type IndexedRule = (typeof INDEX)[number];
export type DiagnosticCode = IndexedRule['code'];
/** The `data` of any diagnostic: the union of the rules' own data types, tagged by `code`. */
export type DiagnosticData = IndexedRule extends infer R
  ? R extends { check(context: RuleContext): Array<Problem<infer Data>> } ? Data : never
  : never;

/** The rules, each seen as taking any rule's data (its own is told apart by `data.code`). */
export const RULES: ReadonlyArray<Rule<DiagnosticData>> = INDEX;

export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = INDEX.map((rule) => rule.code);

export const DEFAULT_SEVERITY: Readonly<Record<DiagnosticCode, SeverityName>> = Object.fromEntries(
  INDEX.map((rule) => [rule.code, rule.defaultSeverity]),
  // Object.fromEntries cannot know that the keys are exactly the codes; the map above makes them so.
) as Record<DiagnosticCode, SeverityName>;

const BY_CODE = new Map<string, Rule<DiagnosticData>>(RULES.map((rule) => [rule.code, rule]));

/** The rule that reports `code`, if any. */
export function ruleFor(code: unknown): Rule<DiagnosticData> | undefined {
  return typeof code === 'string' ? BY_CODE.get(code) : undefined;
}
