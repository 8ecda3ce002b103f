// A small reader of action items: the list items of the action-items / corrective and preventive
// sections, each with its own words (nested items are items of their own). It stands in until the
// action-items model (issue 17) lands in the core; the writing rules and the checklist then read that.
import type { PostmortemModel } from '../model';
import { regionsFor, regionsOf } from './regions';

export interface ActionItemText {
  /** The item's first line (0-based) and the document offset where its words begin. */
  line: number;
  start: number;
  end: number;
  /** The item's own words: without the list marker, check box or emphasis marks. */
  text: string;
}

const MARKER = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;

export function actionItemsOf(model: PostmortemModel): ActionItemText[] {
  const md = model.lines;
  const items: ActionItemText[] = [];
  for (const region of regionsFor(regionsOf(model), 'actions')) {
    for (let line = region.firstLine; line <= region.lastLine; line++) {
      const info = md.info[line];
      if (!info?.itemStart || info.item < 0) continue;
      const span = md.listItems[info.item];
      // The item's own lines: up to its first nested item.
      let last = line;
      while (last < span.lastLine && md.info[last + 1]?.item === info.item) last++;
      const source = md.index.lines[line];
      const marker = MARKER.exec(source.text)?.[0].length ?? 0;
      const ownText = md.index.text.slice(source.start + marker, md.index.lines[last].end);
      items.push({ line, start: source.start + marker, end: md.index.lines[last].end, text: ownText.replace(/[*_~]+/g, '').replace(/\s+/g, ' ').trim() });
    }
  }
  return items;
}
