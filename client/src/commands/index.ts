// Every command of the extension, registered in one place (package.json contributes the same ids).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NEW_POSTMORTEM, newPostmortem } from './newPostmortem';
import { INSERT_TIMELINE_ENTRY, insertTimelineEntry } from './insertTimelineEntry';
import { SORT_TIMELINE, sortTimeline } from './sortTimeline';
import { SELECT_PROFILE, selectProfile } from './selectProfile';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_POSTMORTEM, () => newPostmortem(client)),
    vscode.commands.registerCommand(INSERT_TIMELINE_ENTRY, () => insertTimelineEntry(client)),
    vscode.commands.registerCommand(SORT_TIMELINE, () => sortTimeline(client)),
    vscode.commands.registerCommand(SELECT_PROFILE, () => selectProfile(client)),
  );
}
