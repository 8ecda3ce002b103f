// The status bar item on postmortems: the computed outage duration ("2h 15m", as the server writes
// it), which opens the preview. Hidden when the active editor holds no postmortem.
import * as vscode from 'vscode';
import { PROFILE_SOURCE_WORDS, type AnalysisResult } from '../../server/src/protocol';
import type { ActiveDocument } from './activeDocument';

export const OPEN_PREVIEW_COMMAND = 'postmortem.openPreviewToSide';

/** The item's text and tooltip for an analysis. Pure, for tests. */
export function statusBarText(analysis: AnalysisResult): { text: string; tooltip: string } {
  const { incident } = analysis;
  const profile = profileLine(analysis);
  if (incident.durationText === null) {
    return { text: '$(clock) no window', tooltip: `Postmortem: no start and end to compute the outage duration from.${profile} Click to open the preview.` };
  }
  const from = incident.durationSource === 'timeline' ? 'the timeline' : incident.durationSource === 'front-matter' ? 'the front matter'
    : incident.durationSource === 'mixed' ? 'the summary and the timeline (or the front matter)' : 'the summary';
  const window = incident.startText && incident.endText ? ` (${incident.startText} – ${incident.endText})` : '';
  return { text: `$(clock) ${incident.durationText}`, tooltip: `Outage duration${window}, computed from ${from}.${profile} Click to open the preview.` };
}

/** " Profile: google-sre (chosen by the document's own sections)." for the tooltip. */
function profileLine(analysis: AnalysisResult): string {
  return analysis.profile ? ` Profile: ${analysis.profile} (${PROFILE_SOURCE_WORDS[analysis.profileSource]}).` : '';
}

export class DurationStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('postmortem.duration', vscode.StatusBarAlignment.Right, 100);
  private readonly subscription: vscode.Disposable;

  constructor(active: ActiveDocument) {
    this.item.name = 'Postmortem Duration';
    this.item.command = OPEN_PREVIEW_COMMAND;
    this.subscription = active.onDidChange((value) => this.update(value?.analysis));
    this.update(active.value?.analysis);
  }

  private update(analysis: AnalysisResult | undefined): void {
    if (!analysis) {
      this.item.hide();
      return;
    }
    const { text, tooltip } = statusBarText(analysis);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
