// source.fixAll.postmortem: every safe fix at once, for editor.codeActionsOnSave. Safe means it adds
// what is missing or reorders the timeline; fixes that assert a fact (a zone, a duration) are left to
// the writer. Fixes are applied one at a time and the document re-analysed in between, so their
// edits never overlap; the result is one minimal edit. Applying it twice changes nothing.
import type { TextEdit } from 'vscode-languageserver-types';
import { analyzeDocument } from '../core/analyze';
import type { Settings } from '../core/config';
import type { PostmortemModel } from '../core/model';
import { LineIndex } from '../core/text';
import type { DiagnosticData } from '../protocol';
import { computeDiagnostics } from './diagnostics';
import { sectionEdit } from './fixes/insertSection';
import { summaryFieldEdit } from './fixes/insertSummaryField';
import { sortTimelineEdits } from './fixes/sortTimeline';

const MAX_ROUNDS = 32;

function nextSafeEdits(model: PostmortemModel, settings: Settings): TextEdit[] {
  for (const diagnostic of computeDiagnostics(model, settings)) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (data?.code === 'section-missing') return [sectionEdit(model, data)];
    if (data?.code === 'summary-field-missing') {
      const edit = summaryFieldEdit(model, data.field);
      if (edit) return [edit];
    }
    if (data?.code === 'timeline-out-of-order') {
      const edits = sortTimelineEdits(model);
      if (edits.length) return edits;
    }
  }
  return [];
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
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = nextSafeEdits(current, settings);
    if (!edits.length) break;
    text = applyEdits(text, edits);
    current = analyzeDocument(text, settings, path, model.isPostmortem);
  }
  return text;
}

/** The fix-all result as one edit over the part that changed, or none. */
export function fixAllEdits(model: PostmortemModel, settings: Settings, path: string | null): TextEdit[] {
  if (!model.isPostmortem) return [];
  const before = model.text;
  const after = fixAllText(model, settings, path);
  if (after === before) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const index = model.lines.index;
  return [{ range: index.range(start, before.length - end), newText: after.slice(start, after.length - end) }];
}
