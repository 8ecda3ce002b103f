// Git's conflict markers left in the document (see core/conflictMarkers.ts): both versions are in it and
// every renderer shows the markers. The fixes keep one side, or both, as the editor's merge actions do;
// which is right is the writer's call, so fix-all never applies them.
import type { TextEdit } from 'vscode-languageserver-types';
import type { ConflictBlock } from '../core/conflictMarkers';
import type { PostmortemModel } from '../core/model';
import { removeLines } from './fixes/removeFences';
import { defineRule } from './rule';

export interface MergeConflictData {
  code: 'merge-conflict';
  openLine: number;
  separatorLine: number;
  closeLine: number;
  currentLabel: string;
  incomingLabel: string;
}

type Side = 'current' | 'incoming' | 'both';

const named = (what: string, label: string) => (label ? `${what} (${label})` : what);

/** The block as the diagnostic saw it, or none when the document changed since. */
function blockOf(model: PostmortemModel, data: MergeConflictData): ConflictBlock | null {
  return model.conflicts.find((block) => block.openLine === data.openLine && block.separatorLine === data.separatorLine && block.closeLine === data.closeLine) ?? null;
}

function keepEdits(model: PostmortemModel, data: MergeConflictData, side: Side): TextEdit[] {
  const block = blockOf(model, data);
  if (!block) return [];
  const currentEnd = (block.baseLine ?? block.separatorLine) - 1;
  const removed: Array<[number, number]> = side === 'current' ? [[block.openLine, block.openLine], [currentEnd + 1, block.closeLine]]
    : side === 'incoming' ? [[block.openLine, block.separatorLine], [block.closeLine, block.closeLine]]
      : [[block.openLine, block.openLine], [currentEnd + 1, block.separatorLine], [block.closeLine, block.closeLine]];
  // Runs that touch are one removal: a side left empty ("<<<<<<< HEAD" right above "=======") would
  // otherwise make two edits that share a line break.
  const runs: Array<[number, number]> = [];
  for (const [from, to] of removed) {
    const last = runs[runs.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else runs.push([from, to]);
  }
  return runs.map(([from, to]) => removeLines(model, from, to));
}

export const mergeConflict = defineRule<MergeConflictData>({
  code: 'merge-conflict',
  defaultSeverity: 'error',
  description: 'Git conflict markers (<<<<<<<, =======, >>>>>>>) were left in the document: both versions are in it, and renderers show the markers.',
  check({ model }) {
    return model.conflicts.map((block) => ({
      start: block.openStart,
      end: block.openEnd,
      message: `Unresolved merge conflict: lines ${block.openLine + 1}–${block.closeLine + 1} hold two versions between Git's markers. Keep one (or both) and remove the markers.`,
      data: {
        code: 'merge-conflict', openLine: block.openLine, separatorLine: block.separatorLine, closeLine: block.closeLine,
        currentLabel: block.currentLabel, incomingLabel: block.incomingLabel,
      },
    }));
  },
  // None is preferred: which version is right is not for an editor's "apply the preferred fix" key to say.
  fixes: [
    { title: (data) => named('Keep the current version', data.currentLabel), preferred: () => false, fixAll: false, edits: (model, data) => keepEdits(model, data, 'current') },
    { title: (data) => named('Keep the incoming version', data.incomingLabel), preferred: () => false, fixAll: false, edits: (model, data) => keepEdits(model, data, 'incoming') },
    { title: () => 'Keep both versions', preferred: () => false, fixAll: false, edits: (model, data) => keepEdits(model, data, 'both') },
  ],
});
