// source.fixAll.postmortem: every safe fix at once, for editor.codeActionsOnSave. Safe means it adds
// what is missing, reorders the timeline or puts run-on entries on lines of their own; fixes that
// assert a fact (a zone, a duration) are left to the writer. Fixes are applied one at a time and the document re-analysed in between, so their
// edits never overlap; the result is one minimal edit. Applying it twice changes nothing.
import type { TextEdit } from 'vscode-languageserver-types';
import { analyzeDocument } from '../core/analyze';
import type { Settings } from '../core/config';
import type { PostmortemModel } from '../core/model';
import { LineIndex } from '../core/text';
import { ruleFor, type DiagnosticData } from '../rules/index';
import { findingsOf } from '../rules/findings';
import type { Finding, FixAllPolicy } from '../rules/rule';

/** Fixes applied, and analyses in all (a fix tried and undone costs one too). */
const MAX_APPLIED = 32;
const MAX_ROUNDS = 96;

interface SafeFix {
  /** What the fix is for (see FixAllPolicy.key). */
  key: string;
  policy: FixAllPolicy<DiagnosticData>;
  edits: TextEdit[];
}

/** The first fix that fix-all may apply, for the first finding that has one (and has not failed before). */
function nextSafeFix(model: PostmortemModel, findings: ReadonlyArray<Finding<DiagnosticData>>, failed: Set<string>): SafeFix | null {
  for (const firstOnly of [true, false]) {
    const fix = safeFixAmong(model, findings, failed, firstOnly);
    if (fix) return fix;
  }
  return null;
}

/** The first safe fix among those that go first (`firstOnly`) or among all. */
function safeFixAmong(model: PostmortemModel, findings: ReadonlyArray<Finding<DiagnosticData>>, failed: Set<string>, firstOnly: boolean): SafeFix | null {
  for (const finding of findings) {
    for (const fix of ruleFor(finding.code)?.fixes ?? []) {
      if (!fix.fixAll || (firstOnly && !fix.fixAll.first)) continue;
      const key = fix.fixAll.key(finding.data);
      if (failed.has(key)) continue;
      const edits = fix.edits(model, finding.data);
      if (edits.length) return { key, policy: fix.fixAll, edits };
    }
  }
  return null;
}

/** Whether any finding still has the problem a fix-all fix with `key` was for. */
function stillThere(findings: ReadonlyArray<Finding<DiagnosticData>>, key: string): boolean {
  return findings.some((finding) => ruleFor(finding.code)?.fixes.some((fix) => fix.fixAll && fix.fixAll.key(finding.data) === key));
}

/** Apply non-overlapping edits to text, last first. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits
    .map((edit) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), text: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const span of spans) result = result.slice(0, span.start) + span.text + result.slice(span.end);
  return result;
}

export function fixAllText(model: PostmortemModel, settings: Settings, path: string | null): string {
  let text = model.text;
  let current = model;
  let findings = findingsOf(current, settings);
  // A fix whose problem is still there afterwards (the model does not read what it inserted) is undone
  // and not tried again on that text: fix-all never inserts the same section twice. Once another fix
  // changes the text, it is tried again (a section may be read once another is in place), so that the
  // result is one where every fix left has failed, and a second run changes nothing.
  const failed = new Set<string>();
  for (let round = 0, applied = 0; round < MAX_ROUNDS && applied < MAX_APPLIED; round++) {
    const fix = nextSafeFix(current, findings, failed);
    if (!fix) break;
    const candidate = applyEdits(text, fix.edits);
    const next = analyzeDocument(candidate, settings, path, model.isPostmortem);
    const nextFindings = findingsOf(next, settings);
    const solved = fix.policy.solved ? fix.policy.solved(next) : !stillThere(nextFindings, fix.key);
    if (!solved) {
      failed.add(fix.key);
      continue;
    }
    text = candidate;
    current = next;
    findings = nextFindings;
    failed.clear();
    applied++;
  }
  return text;
}

/** The fix-all result as one edit over the part that changed, or none. */
export function fixAllEdits(model: PostmortemModel, settings: Settings, path: string | null): TextEdit[] {
  const before = model.text;
  const after = fixAllText(model, settings, path);
  if (after === before) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  // An LSP position cannot fall between "\r" and "\n" or inside a surrogate pair: widen the edit to whole
  // characters and line breaks (what is common to both texts stays common).
  const splits = (text: string, at: number) => at > 0 && at < text.length
    && ((text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10) || (/[\ud800-\udbff]/.test(text[at - 1]) && /[\udc00-\udfff]/.test(text[at])));
  while (start > 0 && splits(before, start)) start--;
  while (end > 0 && splits(before, before.length - end)) end--;
  const index = model.lines.index;
  return [{ range: index.range(start, before.length - end), newText: after.slice(start, after.length - end) }];
}
