// A zone for zoneless timeline entries: on the entry itself, or once on the Timeline heading for all.
import type { TextEdit } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../../core/model';

export function entryZoneEdit(model: PostmortemModel, entryIndex: number, zone: string): TextEdit | null {
  const entry = model.timeline[entryIndex];
  if (!entry?.stamp) return null;
  const at = entry.timeEnd;
  const position = model.lines.index.positionAt(at);
  return { range: { start: position, end: position }, newText: ` ${zone}` };
}

/** " (UTC)" after the heading's words, before a trailing colon or closing bold: "**Timeline (UTC):**". */
export function headingZoneEdit(model: PostmortemModel, zone: string): TextEdit | null {
  const section = model.timelineSection;
  if (!section) return null;
  const line = model.lines.index.lines[section.line];
  const trailing = /[\s:;*_#]*(?:<\/h[1-6]>)?\s*$/i.exec(line.text);
  const at = line.start + (trailing ? trailing.index : line.text.length);
  const position = model.lines.index.positionAt(at);
  return { range: { start: position, end: position }, newText: ` (${zone})` };
}
