// Completion inside the front matter: the keys the schema knows (those not written yet) at a line start,
// and the allowed values after `severity:`, `status:` or `profile:`.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { keyDocs, type FrontMatterLists } from '../core/frontMatterSchema';
import type { PostmortemModel } from '../core/model';

export function frontMatterCompletion(model: PostmortemModel, position: Position, lists: FrontMatterLists): CompletionItem[] {
  const frontMatter = model.frontMatter;
  const { index } = model.lines;
  if (!frontMatter || position.line >= index.lineCount) return [];
  const offset = index.offsetAt(position);
  if (offset < frontMatter.start || offset > frontMatter.end) return [];
  const before = index.lines[position.line].text.slice(0, position.character);
  const docs = keyDocs(lists);
  const valueOf = /^([A-Za-z_]+)[ \t]*:[ \t]*([^\s#]*)$/.exec(before);
  if (valueOf) {
    const doc = docs.find((candidate) => candidate.key === valueOf[1]);
    const from = position.character - valueOf[2].length;
    return (doc?.values ?? []).map((value, order) => ({
      label: value,
      kind: CompletionItemKind.EnumMember,
      sortText: String(order).padStart(3, '0'),
      textEdit: { range: { start: { line: position.line, character: from }, end: position }, newText: value },
    }));
  }
  const keyPrefix = /^([A-Za-z_]*)$/.exec(before);
  if (!keyPrefix) return [];
  const written = new Set(frontMatter.fields.map((field) => field.key));
  return docs.filter((doc) => !written.has(doc.key)).map((doc) => ({
    label: doc.key,
    kind: CompletionItemKind.Property,
    documentation: doc.description,
    textEdit: { range: { start: { line: position.line, character: 0 }, end: position }, newText: `${doc.key}: ` },
  }));
}
