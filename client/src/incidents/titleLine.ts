// Where a click on an incident puts the cursor: the line that shows its title. The index sends the
// title, not its line, so look for it as text: a heading holding it first, else any line (a front
// matter's `title:`), else the top. No Markdown is parsed here.

/** 0-based line of `title` in `lines`. */
export function titleLine(lines: readonly string[], title: string | null): number {
  const wanted = title?.trim();
  if (!wanted) return 0;
  const heading = lines.findIndex((line) => /^\s{0,3}#/.test(line) && line.includes(wanted));
  if (heading >= 0) return heading;
  return Math.max(0, lines.findIndex((line) => line.includes(wanted)));
}
