// Completion: missing section headings at a line start or after "#"; summary labels inside the
// summary; inside the Timeline, an entry stamped with the current time in the document's format.
import type { FrontMatterLists } from '../core/frontMatterSchema';
import { frontMatterCompletion } from './frontMatterCompletion';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { PostmortemModel } from '../core/model';
import type { Section } from '../core/sections';
import { SUMMARY_FIELDS, SUMMARY_FIELD_TITLES } from '../core/profiles';
import { missingSections } from '../core/requirements';
import { headingFor, skeletonFor } from '../rules/fixes/sectionTemplates';
import { newEntryLine } from './timelineEntryFormat';
import { lineBreakOf } from '../core/text';

/** The section a line belongs to, counting the blank lines after its last words (where one types next). */
function sectionAt(model: PostmortemModel, line: number): Section | undefined {
  const before = model.sections.filter((section) => section.line < line);
  const section = before[before.length - 1];
  if (!section) return undefined;
  if (line <= section.endLine) return section;
  const { lines } = model.lines.index;
  for (let i = section.endLine + 1; i < line; i++) if (lines[i].text.trim() !== '') return undefined;
  return section;
}

/** `snippets`: whether the client declared snippet support; others get plain text, never `${1}`. */
export function completion(model: PostmortemModel, position: Position, now: Date, configuredZone = '', snippets = true, lists?: FrontMatterLists): CompletionItem[] {
  const { lines } = model.lines.index;
  const line = lines[position.line];
  if (!line) return [];
  // Inside the front matter, only its keys and values.
  if (lists && model.frontMatter && model.lines.info[position.line]?.kind === 'frontmatter') return frontMatterCompletion(model, position, lists);
  const before = line.text.slice(0, position.character);
  const items: CompletionItem[] = [];
  const replace = (from: number) => ({ start: { line: position.line, character: from }, end: position });
  const eol = lineBreakOf(model.text);
  const lineEnd = { line: position.line, character: line.text.length };

  // Section headings, at a line start or after "#".
  const headingPrefix = /^\s*(#{0,6})\s*[\p{L} ]*$/u.exec(before);
  if (headingPrefix) {
    const hashes = headingPrefix[1];
    model.requirements.forEach((status, order) => {
      for (const { id, title } of missingSections(status)) {
        const [heading, ...rest] = [...(hashes ? [`${hashes} ${title}`] : headingFor(model, title)), '', ...skeletonFor(model.profile, id)];
        items.push({
          label: heading,
          kind: CompletionItemKind.Module,
          detail: `${status.spec.required ? 'Required' : 'Optional'} section of the ${model.profile.name} profile`,
          sortText: `0${String(order).padStart(2, '0')}`,
          filterText: `${hashes}${title}`,
          // One line in the completion itself: Neovim's omnifunc turns line breaks in it into NULs. The
          // rest of the section follows the line as an additional edit.
          textEdit: { range: replace(0), newText: heading },
          additionalTextEdits: [{ range: { start: lineEnd, end: lineEnd }, newText: `${eol}${rest.join(eol)}` }],
        });
      }
    });
  }

  const section = sectionAt(model, position.line);
  const spec = section && model.profile.sections.find((s) => s.id === section.specId);
  if (spec?.role === 'summary' && /^\s*(?:[-*+]\s+)?(?:\*\*)?[\p{L} ]*$/u.test(before)) {
    const start = before.search(/\S/) < 0 ? before.length : before.search(/\S/);
    for (const field of SUMMARY_FIELDS) {
      const label = SUMMARY_FIELD_TITLES[field];
      if (model.summary?.fields.has(field)) continue;
      items.push({
        label: `${label}:`,
        kind: CompletionItemKind.Field,
        detail: 'Summary fact',
        sortText: `1${label}`,
        insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range: replace(start), newText: `- **${label}:** ${snippets ? '${1}' : ''}` },
      });
    }
  }
  if (spec?.role === 'timeline' && /^\s*(?:[-*+]\s*)?(?:\*\*)?\d{0,2}$/.test(before)) {
    const entry = newEntryLine(model, now, configuredZone);
    items.push({
      label: entry.trim(),
      kind: CompletionItemKind.Event,
      detail: 'Timeline entry at the current time',
      sortText: '0',
      preselect: true,
      insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      filterText: before.trim() || entry.trim(),
      textEdit: { range: replace(0), newText: snippets ? `${entry.replace(/\$/g, '\\$')}\${1:What happened}` : entry },
    });
  }
  return items;
}
