// "Postmortem: Sort Timeline": the same edits as the quick fix, on demand.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SORT_TIMELINE_METHOD, type SortTimelineParams } from '../../../server/src/protocol';
import { sendCustomRequest } from '../requests';

export const SORT_TIMELINE = 'postmortem.sortTimeline';

export async function sortTimeline(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const params: SortTimelineParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) } };
  const edits = await sendCustomRequest(client, SORT_TIMELINE_METHOD, params);
  if (!edits.length) {
    void vscode.window.showInformationMessage('The timeline is already in time order.');
    return;
  }
  const converted = await client.protocol2CodeConverter.asTextEdits(edits);
  await editor.edit((builder) => {
    for (const edit of converted ?? []) builder.replace(edit.range, edit.newText);
  });
}
