// "Sort timeline chronologically": moves whole entries (with their nested content) into time order;
// a timeline written newest first is turned over instead, which keeps the order its writer meant where
// a day is not written ("15:00 UTC(Sat)" above "20:30 UTC"). Entries move only within runs separated by
// nothing but blank lines, so a date line or a note keeps the entries it heads; entries without a
// readable time keep their place. Nothing is dropped.
import type { TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../../core/model';
import { newestFirst, type TimelineEntry } from '../../core/timeline';

function runsOf(model: PostmortemModel): TimelineEntry[][] {
  const { lines } = model.lines.index;
  const runs: TimelineEntry[][] = [];
  let run: TimelineEntry[] = [];
  for (const entry of model.timeline) {
    const previous = run[run.length - 1];
    const onlyBlankBetween = previous
      && entry.line > previous.lastLine
      && lines.slice(previous.lastLine + 1, entry.line).every((line) => line.text.trim() === '')
      && entry.kind === previous.kind;
    if (previous && !onlyBlankBetween) {
      runs.push(run);
      run = [];
    }
    run.push(entry);
  }
  if (run.length) runs.push(run);
  return runs;
}

interface Slot {
  entry: TimelineEntry;
  /** Its place in the run. */
  i: number;
}

/** The edits that put the timeline in order: turned over when written newest first, else sorted. */
export function sortTimelineEdits(model: PostmortemModel): TextEdit[] {
  return newestFirst(model.timeline) ? reverseTimelineEdits(model) : reorderedEdits(model, (timed) => [...timed].sort((a, b) => (a.entry.axis as number) - (b.entry.axis as number) || a.i - b.i));
}

/** The timed entries of each run in the reverse of their written order: a newest-first timeline turned over. */
export function reverseTimelineEdits(model: PostmortemModel): TextEdit[] {
  return reorderedEdits(model, (timed) => [...timed].reverse());
}

/** Each run's timed entries put in the order `arrange` gives, into the places timed entries held. */
function reorderedEdits(model: PostmortemModel, arrange: (timed: readonly Slot[]) => Slot[]): TextEdit[] {
  const { index } = model.lines;
  const text = model.text;
  const edits: TextEdit[] = [];
  for (const run of runsOf(model)) {
    const timed = run.map((entry, i) => ({ entry, i })).filter(({ entry }) => entry.axis !== null);
    const sorted = arrange(timed);
    if (sorted.every((item, k) => item.i === timed[k].i)) continue;
    const chunk = (entry: TimelineEntry) => text.slice(index.lines[entry.line].start, index.lines[entry.lastLine].end);
    const order = run.slice();
    timed.forEach((slot, k) => {
      order[slot.i] = sorted[k].entry;
    });
    let replacement = '';
    for (let i = 0; i < run.length; i++) {
      replacement += chunk(order[i]);
      if (i < run.length - 1) replacement += text.slice(index.lines[run[i].lastLine].end, index.lines[run[i + 1].line].start);
    }
    const start = index.lines[run[0].line].start;
    const end = index.lines[run[run.length - 1].lastLine].end;
    edits.push({ range: index.range(start, end), newText: replacement });
  }
  return edits;
}
