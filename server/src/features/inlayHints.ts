// "T+1:05" after each timeline time: how long into the incident it happened; and each action item's
// owner and due date (actionItemHints.ts).
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import { entryAxis, type PostmortemModel } from '../core/model';
import { formatOffset } from '../core/time/duration';
import { actionItemHints } from './actionItemHints';

/** `withActionItems`: false when `postmortem.actionItems.display` shows the items as code lenses (or not at all). */
export function inlayHints(model: PostmortemModel, range: Range, now: Date = new Date(), withActionItems = true): InlayHint[] {
  return [...timeHints(model, range), ...(withActionItems ? actionItemHints(model, range, now) : [])]
    .sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

function timeHints(model: PostmortemModel, range: Range): InlayHint[] {
  const start = model.incident.start;
  if (!start) return [];
  const index = model.lines.index;
  const hints: InlayHint[] = [];
  for (const entry of model.timeline) {
    const axis = entryAxis(model, entry);
    if (axis === null || entry.line < range.start.line || entry.line > range.end.line) continue;
    hints.push({
      position: index.positionAt(entry.timeEnd),
      label: formatOffset(axis - start.axis),
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: 'Time since the incident started',
    });
  }
  return hints;
}
