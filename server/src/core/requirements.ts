// The profile's sections a document lacks, and where each belongs.
import type { PostmortemModel, RequirementStatus } from './model';

/**
 * The sections a requirement still needs, as they would be inserted: the whole section, or, when a
 * combined section is there in part ("Root Cause" without "Resolution"), only its missing parts.
 */
export function missingSections(status: RequirementStatus): Array<{ id: string; title: string }> {
  if (status.present) return [];
  if (status.line !== null && status.missingParts.length > 0) {
    return (status.spec.parts ?? []).filter((part) => status.missingParts.includes(part.id)).map((part) => ({ id: part.id, title: part.title }));
  }
  return [{ id: status.spec.id, title: status.spec.title }];
}

/** After which line a missing section goes so that the profile's order is kept. */
export function insertionLine(model: PostmortemModel, missing: RequirementStatus): number {
  const order = model.requirements;
  const at = order.indexOf(missing);
  const endOf = (status: RequirementStatus): number => {
    const ids = new Set<string>([status.spec.id, ...(status.spec.parts ?? []).map((part) => part.id)]);
    const end = Math.max(...model.sections.filter((section) => section.id !== null && ids.has(section.id)).map((section) => section.endLine));
    // Not between the summary and a part of it set apart under a heading of its own ("## Duration").
    return status.spec.role === 'summary' && model.summaryEndLine !== null ? Math.max(end, model.summaryEndLine) : end;
  };
  // A missing part ("Resolution" beside "Root Cause") goes right after the part that is there.
  if (missing.line !== null) return endOf(missing);
  for (let i = at - 1; i >= 0; i--) {
    if (order[i].line !== null) return endOf(order[i]);
  }
  for (let i = at + 1; i < order.length; i++) {
    const line = order[i].line;
    if (line !== null) return line - 1;
  }
  return model.lines.index.lineCount - 1;
}
