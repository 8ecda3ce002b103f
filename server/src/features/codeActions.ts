// Quick fixes, built from each diagnostic's `data`, never from its message.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../core/model';
import type { DiagnosticData, SectionMissingData } from '../protocol';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { sectionInsertion } from './sectionTemplates';

export function codeActions(model: PostmortemModel, uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  if (!model.isPostmortem) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    if (!data || typeof data !== 'object') continue;
    if (data.code === 'section-missing') actions.push(insertSection(model, uri, diagnostic, data));
  }
  return actions;
}

function insertSection(model: PostmortemModel, uri: string, diagnostic: Diagnostic, data: SectionMissingData): CodeAction {
  const at = sectionInsertion(model, data.sectionId, data.title, data.insertAfterLine);
  const edit: TextEdit = { range: { start: { line: at.line, character: at.character }, end: { line: at.line, character: at.character } }, newText: at.text };
  return {
    title: `Insert section "${data.title}"`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [uri]: [edit] } },
  };
}
