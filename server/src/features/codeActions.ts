// Quick fixes, built from each diagnostic's `code` and `data` (never its message) by its rule's fixes;
// and fix-all.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../core/model';
import type { Settings } from '../core/config';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../protocol';
import { ruleFor, type DiagnosticData } from '../rules/index';
import { fixAllEdits } from './fixAll';

function quickFixes(model: PostmortemModel, uri: string, diagnostic: Diagnostic): CodeAction[] {
  // The client hands back what we published: `data` is ours, tagged with the code of its rule.
  const data = diagnostic.data as DiagnosticData | undefined;
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || !data || typeof data !== 'object') return [];
  const rule = ruleFor(data.code);
  if (!rule) return [];
  const actions: CodeAction[] = [];
  for (const fix of rule.fixes) {
    const edits = fix.edits(model, data);
    if (!edits.length) continue;
    actions.push({
      title: fix.title(data),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: fix.preferred?.(data) ?? true,
      edit: { changes: { [uri]: edits } },
    });
  }
  return actions;
}

/** Whether a requested `only` list asks for kind `kind` (a prefix asks for everything under it). */
function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return kind === CodeActionKind.QuickFix;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

export function codeActions(model: PostmortemModel, uri: string, diagnostics: Diagnostic[], settings: Settings, path: string | null, only?: string[]): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of diagnostics) actions.push(...quickFixes(model, uri, diagnostic));
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(model, settings, path);
    if (edits.length) actions.push({ title: 'Fix all postmortem problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}
