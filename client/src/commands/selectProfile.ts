// "Postmortem: Select Profile": which sections postmortems in this workspace need.
import * as vscode from 'vscode';
import { PROFILE_NAMES } from '../../../server/src/protocol';

export const SELECT_PROFILE = 'postmortem.selectProfile';

const DESCRIPTIONS: Record<string, string> = {
  classic: 'Issue Summary, Timeline, Root Cause and Resolution, Corrective and Preventive Measures',
  'google-sre': 'Summary, Impact, Root Causes, Trigger, Resolution, Detection, Action Items, Lessons Learned, Timeline',
  pagerduty: "Overview, What Happened, Contributing Factors, Resolution, Impact, Responders, Timeline, How'd We Do, Action Items, Messaging",
};

export async function selectProfile(): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('postmortem');
  const current = configuration.get<string>('profile', 'classic');
  const picked = await vscode.window.showQuickPick(
    PROFILE_NAMES.map((name) => ({ label: name, description: name === current ? '(current)' : undefined, detail: DESCRIPTIONS[name] })),
    { title: 'Postmortem profile for this workspace' },
  );
  if (!picked || picked.label === current) return;
  await configuration.update('profile', picked.label, vscode.ConfigurationTarget.Workspace);
  void vscode.window.showInformationMessage(`Postmortems in this workspace now use the ${picked.label} profile.`);
}
