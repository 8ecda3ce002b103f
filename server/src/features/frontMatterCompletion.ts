// Completion inside the front matter: the keys the schema knows (those not written yet) at a line start,
// and the allowed values after `severity:`, `status:` or `profile:` (in TOML, `severity = "`…, quoted).
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { keyDocs, type FrontMatterLists } from '../core/frontMatterSchema';
import type { PostmortemModel } from '../core/model';

const YAML_VALUE = /^([A-Za-z_]+)[ \t]*:[ \t]*([^\s#]*)$/;
/** After `key =`, the value so far with its opening quote, if typed. */
const TOML_VALUE = /^([A-Za-z_]+)[ \t]*=[ \t]*("?[^\s#"]*)$/;

export function frontMatterCompletion(model: PostmortemModel, position: Position, lists: FrontMatterLists): CompletionItem[] {
  const frontMatter = model.frontMatter;
  const { index } = model.lines;
  if (!frontMatter || position.line >= index.lineCount) return [];
  const offset = index.offsetAt(position);
  if (offset < frontMatter.start || offset > frontMatter.end) return [];
  const lineText = index.lines[position.line].text;
  const before = lineText.slice(0, position.character);
  const docs = keyDocs(lists);
  const toml = frontMatter.syntax === 'toml';
  // Keys under a TOML table header ("[extra]") are the table's, not the front matter's.
  if (toml && index.lines.slice(index.lineAt(frontMatter.start), position.line).some((line) => /^[ \t]*\[/.test(line.text))) return [];
  const valueOf = (toml ? TOML_VALUE : YAML_VALUE).exec(before);
  if (valueOf) {
    const doc = docs.find((candidate) => candidate.key === valueOf[1]);
    const from = position.character - valueOf[2].length;
    // An editor that closed the quote typed leaves it after the cursor: the value replaces it too.
    const to = toml && valueOf[2].startsWith('"') && lineText[position.character] === '"' ? position.character + 1 : position.character;
    return (doc?.values ?? []).map((value, order) => ({
      label: value,
      kind: CompletionItemKind.EnumMember,
      sortText: String(order).padStart(3, '0'),
      filterText: toml ? `"${value}` : value,
      textEdit: { range: { start: { line: position.line, character: from }, end: { line: position.line, character: to } }, newText: toml ? JSON.stringify(value) : value },
    }));
  }
  const keyPrefix = /^([A-Za-z_]*)$/.exec(before);
  if (!keyPrefix) return [];
  const written = new Set(frontMatter.fields.map((field) => field.key));
  return docs.filter((doc) => !written.has(doc.key)).map((doc) => ({
    label: doc.key,
    kind: CompletionItemKind.Property,
    documentation: doc.description,
    textEdit: { range: { start: { line: position.line, character: 0 }, end: position }, newText: toml ? `${doc.key} = ` : `${doc.key}: ` },
  }));
}
