// Where a document's whole-document problems and facts sit: its title.
import type { PostmortemModel } from './model';

/** The document's title line (first heading, else the first non-blank line), where whole-document problems sit. */
export function firstTitleLine(model: PostmortemModel): number {
  const { info } = model.lines;
  const heading = info.findIndex((line) => line.kind === 'heading');
  if (heading >= 0 && (model.sections.length === 0 || heading <= model.sections[0].line)) return heading;
  const firstText = info.findIndex((line) => line.kind !== 'blank' && line.kind !== 'frontmatter');
  return firstText >= 0 ? firstText : 0;
}
