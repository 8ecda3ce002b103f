// "Postmortem: Select Profile": which sections postmortems in this workspace need.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PROFILES_METHOD } from '../../../server/src/protocol';
import { sendCustomRequest } from '../requests';

export const SELECT_PROFILE = 'postmortem.selectProfile';

export async function selectProfile(client: LanguageClient): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('postmortem');
  const current = configuration.get<string>('profile', 'auto');
  const picked = await vscode.window.showQuickPick(
    (await sendCustomRequest(client, PROFILES_METHOD, null)).map(({ name, description }) => ({ label: name, description: name === current ? '(current)' : undefined, detail: description })),
    { title: 'Postmortem profile for this workspace' },
  );
  if (!picked || picked.label === current) return;
  await configuration.update('profile', picked.label, vscode.ConfigurationTarget.Workspace);
  void vscode.window.showInformationMessage(`Postmortems in this workspace now use the ${picked.label} profile.`);
}
