// "Postmortem: New Postmortem": asks for a title and a profile, writes a dated file from the
// profile's template (made by the server) into `postmortem.directory`, and opens it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PROFILES_METHOD, TEMPLATE_METHOD, type TemplateParams } from '../../../server/src/protocol';
import { sendCustomRequest } from '../requests';

export const NEW_POSTMORTEM = 'postmortem.newPostmortem';

function slug(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'incident';
}

export async function newPostmortem(client: LanguageClient): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('Open a folder first: new postmortems are created in the workspace.');
    return;
  }
  const title = await vscode.window.showInputBox({ title: 'New Postmortem', prompt: 'What happened? (the title)', placeHolder: 'Checkout API outage', validateInput: (value) => (value.trim() ? undefined : 'A title is needed') });
  if (!title) return;
  const configured = vscode.workspace.getConfiguration('postmortem', folder.uri).get<string>('profile', 'classic');
  const picked = await vscode.window.showQuickPick(
    // A new document has no sections yet to choose by: it is written from a profile's template.
    (await sendCustomRequest(client, PROFILES_METHOD, null)).filter(({ name }) => name !== 'auto').map(({ name }) => ({ label: name, description: name === configured ? 'current profile' : undefined })),
    { title: 'New Postmortem: profile', placeHolder: 'Which sections should it have?' },
  );
  if (!picked) return;
  const date = new Date().toISOString().slice(0, 10);
  const params: TemplateParams = { profile: picked.label, title: title.trim(), date };
  const text = await sendCustomRequest(client, TEMPLATE_METHOD, params);
  const directory = vscode.workspace.getConfiguration('postmortem', folder.uri).get<string>('directory', 'postmortems') || '.';
  const target = vscode.Uri.joinPath(folder.uri, directory, `${date}-${slug(title)}-postmortem.md`);
  try {
    await vscode.workspace.fs.stat(target);
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(target)} exists already; choose another title.`);
    return;
  } catch {
    // Free: create it.
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document);
}
