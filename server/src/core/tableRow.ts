// A Markdown table row's cells, as action items, the metadata table's fields and timeline rows read them.

export interface TableCell {
  /** Trimmed; '' for an empty cell. */
  text: string;
  start: number;
  end: number;
}

/** Cells of a table row with their offsets (the text between unescaped pipes, trimmed). */
export function tableCells(text: string, base = 0): TableCell[] {
  const cells: TableCell[] = [];
  let from = 0;
  const content = text.replace(/\\\|/g, '  ');
  const trimmedStart = content.search(/\S/);
  if (trimmedStart < 0) return cells;
  const bounds: number[] = [];
  for (let i = 0; i < content.length; i++) if (content[i] === '|') bounds.push(i);
  const leading = content[trimmedStart] === '|';
  const trailing = /\|\s*$/.test(content);
  const edges = [leading ? bounds[0] : trimmedStart - 1, ...bounds.slice(leading ? 1 : 0)];
  if (!trailing) edges.push(content.trimEnd().length);
  for (let i = 0; i + 1 < edges.length; i++) {
    from = edges[i] + 1;
    const to = edges[i + 1];
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const value = raw.trim();
    // An empty cell spans the room between its pipes, so that filling it can space the value.
    if (value === '') cells.push({ text: '', start: base + from, end: base + to });
    else cells.push({ text: value, start: base + from + lead, end: base + from + lead + value.length });
  }
  return cells;
}
