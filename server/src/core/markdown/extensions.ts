// Which micromark extensions a chunk is parsed with.
import type { Extension } from 'micromark-util-types';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

// The model reads only block structure: which line is a heading, a list item, a table row, code.
// CommonMark settles block structure before inline structure ("indicators of block structure always
// take precedence"), so inline structure is never read: blockEvents.ts gives paragraphs, headings and
// table cells a flat tokenizer (one data token per line). Text that opens with "[" still goes to
// micromark's own tokenizers (it may be a definition or a task item's check box), and for that text the
// inline constructs below are switched off. test/unit/incremental.test.ts proves the line kinds equal
// remark's full parse.
export const INLINE_CONSTRUCTS = [
  'attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText',
  'labelEnd', 'labelStartImage', 'labelStartLink', 'emailAutolink', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall',
  'protocolAutolink', 'strikethrough', 'wwwAutolink',
];
const BLOCKS_ONLY: Extension = { disable: { null: INLINE_CONSTRUCTS } };
// GFM changes what the model reads only through tables, footnote definitions and task list items (a
// "[ ]" alone on an item's first line moves its paragraph to the next line): only these are used.
const GFM_BLOCKS: Extension[] = [gfmTable(), gfmFootnote(), gfmTaskListItem()];
/** The extensions of a document's first chunk (which may open with YAML or TOML front matter), as remark orders them. */
const FIRST_CHUNK_EXTENSIONS: Extension[] = [...GFM_BLOCKS, frontmatter(['yaml', 'toml']), BLOCKS_ONLY];
// Front matter exists only at the very start of a document: later chunks are parsed without it.
const BODY_EXTENSIONS: Extension[] = [...GFM_BLOCKS, BLOCKS_ONLY];
// Tables need a "|", footnote definitions a "[^" and task list items a "[ ]" or "[x]": a chunk with
// none of them parses the same without GFM, at about half the cost.
const PLAIN_BODY_EXTENSIONS: Extension[] = [BLOCKS_ONLY];
const GFM_BLOCK_SIGNS = /\||\[\^|\[[ \txX]\]/;

/**
 * The extensions for a chunk's text, the same array for the same choice (the parser made for an
 * extension set is reused: see blockEvents.ts).
 */
export function extensionsFor(text: string, first: boolean): Extension[] {
  return first ? FIRST_CHUNK_EXTENSIONS : GFM_BLOCK_SIGNS.test(text) ? BODY_EXTENSIONS : PLAIN_BODY_EXTENSIONS;
}
