// Several timeline entries on one line (pasted text that lost its line breaks): every entry after the
// first is read as the first one's words, so the timeline, its window and its order miss them. The fix
// puts each on a line of its own, as the line's own kind (a list item, or a line).
import type { TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../core/model';
import { lineBreakOf } from '../core/text';
import { runOnSplits, type RunOnSplit } from './shared/runOnEntries';
import { defineRule, type Problem } from './rule';

export interface TimelineEntriesRunOnData {
  code: 'timeline-entries-run-on';
  line: number;
  /** The run-on entries' times as written, in order: the fix applies only while the line still holds them. */
  times: string[];
}

/** A list item's indentation and marker ("  - ", "1. "), or a line's indentation and quote marks. */
const LIST_PREFIX = /^((?:[ \t]*>)*[ \t]*)((?:[-*+]|\d{1,9}[.)])[ \t]+)/;
const LINE_PREFIX = /^(?:[ \t]*>)*[ \t]*/;

function isBlank(model: PostmortemModel, line: number): boolean {
  const lines = model.lines.index.lines;
  return line < 0 || line >= lines.length || lines[line].text.trim() === '';
}

/** The line break that starts each run-on entry: a new list item, a new paragraph, or a new line of the same paragraph. */
function breakBefore(model: PostmortemModel, line: number, kind: 'list-item' | 'line', split: RunOnSplit): string {
  const raw = model.lines.index.lines[line].text;
  const eol = lineBreakOf(model.text);
  // After a "<br>": a new line of the same paragraph (or item), indented as its own line is, which renders as before.
  if (split.afterBreakTag) {
    const own = model.lines.index.lines[model.lines.index.positionAt(split.spaceStart).line].text;
    return `${eol}${/^[ \t>]*/.exec(own)?.[0] ?? ''}`;
  }
  const list = LIST_PREFIX.exec(raw);
  if (kind === 'list-item' && list) return `${eol}${list[1]}${split.hasMarker ? '' : list[2]}`;
  const prefix = LINE_PREFIX.exec(raw)?.[0] ?? '';
  // A paragraph of its own stays one, each entry its own paragraph (a renderer joins the lines of one).
  const ownParagraph = prefix.trim() === '' && isBlank(model, line - 1) && isBlank(model, line + 1);
  return ownParagraph ? `${eol}${eol}${prefix}` : `${eol}${prefix}`;
}

function splitEdits(model: PostmortemModel, data: TimelineEntriesRunOnData): TextEdit[] {
  const entry = model.timeline.find((candidate) => candidate.line === data.line);
  if (!entry || (entry.kind !== 'list-item' && entry.kind !== 'line')) return [];
  const splits = runOnSplits(model, entry);
  if (splits.length !== data.times.length || splits.some((split, i) => split.time !== data.times[i])) return [];
  const kind = entry.kind;
  const { index } = model.lines;
  return splits.map((split) => ({ range: index.range(split.spaceStart, split.headStart), newText: breakBefore(model, data.line, kind, split) }));
}

export const timelineEntriesRunOn = defineRule<TimelineEntriesRunOnData>({
  code: 'timeline-entries-run-on',
  defaultSeverity: 'warning',
  description: 'Several timeline entries are run together on one line: the later ones are read as the first one\'s words.',
  check({ model }) {
    const problems: Array<Problem<TimelineEntriesRunOnData>> = [];
    for (const entry of model.timeline) {
      const splits = runOnSplits(model, entry);
      if (splits.length === 0) continue;
      const times = splits.map((split) => split.time);
      const named = times.map((time) => `"${time}"`).join(', ');
      problems.push({
        start: splits[0].timeStart,
        end: splits[0].timeEnd,
        message: `${splits.length + 1} timeline entries are run together ${splits.some((split) => split.afterBreakTag) ? 'in one paragraph, parted only by <br>' : 'on this line'}: ${named} ${splits.length === 1 ? 'is' : 'are'} read as part of "${entry.timeText}". Put each entry on its own line.`,
        data: { code: 'timeline-entries-run-on', line: entry.line, times },
      });
    }
    return problems;
  },
  fixes: [{
    title: (data) => (data.times.length === 1 ? 'Put the run-on entry on its own line' : `Put the ${data.times.length} run-on entries on lines of their own`),
    // Only line breaks: every word stays, in its order. Lines above the split keep their numbers, and
    // the split's own lines run on no more: the line names the problem.
    fixAll: { key: (data) => `timeline-entries-run-on ${data.line} ${data.times.join(' ')}`, first: true },
    edits: splitEdits,
  }],
});
