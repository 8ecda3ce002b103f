// "Postmortem: Insert Timeline Entry (Now)": a new entry after the last one, stamped with the
// current time in the document's format and zone (decided by the server).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NEW_TIMELINE_ENTRY_METHOD, type NewTimelineEntryParams } from '../../../server/src/protocol';
import { sendCustomRequest } from '../requests';

export const INSERT_TIMELINE_ENTRY = 'postmortem.insertTimelineEntry';

export async function insertTimelineEntry(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const params: NewTimelineEntryParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) }, now: new Date().toISOString() };
  const result = await sendCustomRequest(client, NEW_TIMELINE_ENTRY_METHOD, params);
  if (!result) {
    void vscode.window.showInformationMessage('This postmortem has no Timeline section yet.');
    return;
  }
  const edit = client.protocol2CodeConverter.asTextEdit(result.edit);
  const applied = await editor.edit((builder) => builder.replace(edit.range, edit.newText));
  if (!applied) return;
  const cursor = new vscode.Position(result.cursor.line, result.cursor.character);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(new vscode.Range(cursor, cursor));
}
