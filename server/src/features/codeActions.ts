// Quick fixes, built from each diagnostic's `data`, never from its message; and fix-all.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../core/model';
import type { Settings } from '../core/config';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type DiagnosticData } from '../protocol';
import { sectionEdit } from './fixes/insertSection';
import { summaryFieldEdit } from './fixes/insertSummaryField';
import { sortTimelineEdits } from './fixes/sortTimeline';
import { entryZoneEdit, headingZoneEdit } from './fixes/addTimezone';
import { durationEdit } from './fixes/replaceDuration';
import { meridiemEdit } from './fixes/meridiem';
import { fixAllEdits } from './fixAll';
import { SUMMARY_FIELD_TITLES } from '../core/profiles';


function action(title: string, uri: string, edits: Array<TextEdit | null>, diagnostic: Diagnostic, preferred = false): CodeAction | null {
  const real = edits.filter((edit): edit is TextEdit => edit !== null);
  if (!real.length) return null;
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [uri]: real } } };
}

function quickFixes(model: PostmortemModel, uri: string, diagnostic: Diagnostic): Array<CodeAction | null> {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || !data || typeof data !== 'object') return [];
  switch (data.code) {
    case 'section-missing':
      return [action(`Insert section "${data.title}"`, uri, [sectionEdit(model, data)], diagnostic, true)];
    case 'summary-field-missing':
      return [action(`Add "${SUMMARY_FIELD_TITLES[data.field]}" to the summary`, uri, [summaryFieldEdit(model, data.field)], diagnostic, true)];
    case 'timeline-out-of-order':
      return [action('Sort timeline chronologically', uri, sortTimelineEdits(model), diagnostic, true)];
    case 'timeline-missing-timezone': {
      const zone = data.suggestedZone ?? 'UTC';
      const forEntry = data.scope === 'entry' && data.entryIndexes.length === 1
        ? action(`Add ${zone} to this entry`, uri, [entryZoneEdit(model, data.entryIndexes[0], zone)], diagnostic)
        : null;
      return [forEntry, action(`Add (${zone}) to the Timeline heading, for all entries`, uri, [headingZoneEdit(model, zone)], diagnostic, data.scope === 'timeline')];
    }
    case 'duration-mismatch':
      return [action('Replace the stated duration with the computed one', uri, [durationEdit(model, data)], diagnostic, true)];
    case 'timeline-unparsed-time':
      return data.reason === 'conflicting-meridiem'
        ? [action('Write it as a 24-hour time', uri, [meridiemEdit(model, data.entryIndex)], diagnostic, true)]
        : [];
    default:
      return [];
  }
}

/** Whether a requested `only` list asks for kind `kind` (a prefix asks for everything under it). */
function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return kind === CodeActionKind.QuickFix;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

export function codeActions(model: PostmortemModel, uri: string, diagnostics: Diagnostic[], settings: Settings, path: string | null, only?: string[]): CodeAction[] {
  if (!model.isPostmortem) return [];
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of diagnostics) {
      for (const fix of quickFixes(model, uri, diagnostic)) if (fix) actions.push(fix);
    }
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(model, settings, path);
    if (edits.length) actions.push({ title: 'Fix all postmortem problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}
