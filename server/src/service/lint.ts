// One document's text linted in one go, for hosts without per-document state (the command line and
// its threads): the same model, rules and report as the language server's; with fixes, fix-all's safe
// fixes applied first, keeping what the text is made of (a byte order mark, its line endings).
import { relative } from 'node:path';
import { analyzeDocument } from '../core/analyze';
import type { Settings } from '../core/config';
import { actionItemsResult, frontMatterResult } from '../features/actionItems';
import { incidentResult } from '../features/analysis';
import { reportRows } from '../features/diagnostics';
import { reviewChecklist } from '../features/reviewChecklist';
import { applyEdits, fixAllEdits } from '../features/fixAll';
import type { FileReport } from '../protocol';
import { findingsOf } from '../rules/findings';

export interface LintTextOptions {
  settings: Settings;
  /**
   * The report carries the incident's window and duration, the profile, the review checklist, the front
   * matter and the action items (JSON reports).
   */
  withIncident: boolean;
  /** The report carries the action items (the CLI's --actions). */
  withActions?: boolean;
  /** Today, for overdue action items: the host's clock. */
  now: Date;
}

/** A text's report (null: not a postmortem); with fixes that changed it, the fixed text and how many problems they solved. */
export interface LintedText {
  report: FileReport | null;
  fixed?: { text: string; solved: number };
}

/** Reports name files relative to the working directory; `name` stands for text with no file. */
function reportOf(text: string, path: string | null, name: string, explicit: boolean, { settings, withIncident, withActions, now }: LintTextOptions): { report: FileReport | null; problems: number } {
  const model = analyzeDocument(text, settings, path, explicit);
  if (!model.isPostmortem) return { report: null, problems: 0 };
  const findings = findingsOf(model, settings, now);
  const report = {
    file: path === null ? name : relative(process.cwd(), path) || path,
    diagnostics: reportRows(model, findings),
    incident: withIncident ? incidentResult(model) : undefined,
    profile: withIncident ? { name: model.profile.name, source: model.profileSource } : undefined,
    checklist: withIncident ? reviewChecklist(model, settings, findings) : undefined,
    frontMatter: withIncident ? frontMatterResult(model) : undefined,
    actionItems: withIncident || withActions ? actionItemsResult(model, now) : undefined,
  };
  return { report, problems: findings.length };
}

/**
 * Lints `text` (the file at `path`, or text with no file, reported as `name`). `explicit`: named by the
 * user, so linted whatever it looks like. `fix`: apply the safe fixes first and report on the result.
 */
export function lintText(text: string, path: string | null, name: string, explicit: boolean, fix: boolean, options: LintTextOptions): LintedText {
  const fixedText = fix ? fixText(text, options.settings, path, explicit) : text;
  const { report } = reportOf(fixedText, path, name, explicit, options);
  if (fixedText === text || !report) return { report };
  const before = reportOf(text, path, name, explicit, { ...options, withIncident: false, withActions: false }).problems;
  return { report, fixed: { text: fixedText, solved: Math.max(0, before - report.diagnostics.length) } };
}

const BOM = '\ufeff';

/** The text with fix-all's safe fixes applied; the same text when there is nothing to fix. */
export function fixText(text: string, settings: Settings, path: string | null, explicit: boolean): string {
  const bom = text.startsWith(BOM) ? BOM : '';
  const body = text.slice(bom.length);
  const model = analyzeDocument(body, settings, path, explicit);
  if (!model.isPostmortem) return text;
  const edits = fixAllEdits(model, settings, path);
  if (!edits.length) return text;
  // Fixes insert "\n": a file written with CRLF gets CRLF in what is inserted too.
  const crlf = /\r\n/.test(body) && !/(^|[^\r])\n/.test(body);
  const fixed = applyEdits(body, crlf ? edits.map((edit) => ({ ...edit, newText: edit.newText.replace(/\r?\n/g, '\r\n') })) : edits);
  return bom + fixed;
}
