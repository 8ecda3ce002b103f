// The reference the chunked, event-based line reader is checked against: remark's own tree (the
// mdast that mdast-util-from-markdown builds), walked node by node, in one parse of the whole text.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root, RootContent } from 'mdast';
import type { MarkdownLines } from '../../server/src/core/markdown';
import { INLINE_CONSTRUCTS } from '../../server/src/core/markdown/extensions';
import type { LineMarker } from '../../server/src/core/markdown/lineMarker';
import { readLines, type BlockReader } from '../../server/src/core/markdown/parse';
import { LineIndex } from '../../server/src/core/text';

const fullProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

function gfmBlocks(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmTaskListItemFromMarkdown());
}
function blockStructureOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: INLINE_CONSTRUCTS } });
}
const blockProcessor = unified().use(remarkParse).use(gfmBlocks).use(remarkFrontmatter, ['yaml', 'toml']).use(blockStructureOnly);

function treeReader(processor: { parse(text: string): unknown }): BlockReader {
  return (source, marker) => {
    const tree = processor.parse(source) as Root;
    for (const node of tree.children) visit(marker, node, -1);
    return tree.children[tree.children.length - 1]?.position?.end.offset ?? -1;
  };
}

/** mdast leaf blocks and the kind their lines get. */
const LEAF_KINDS: Partial<Record<RootContent['type'], Parameters<LineMarker['mark']>[0]>> = {
  code: 'fenced-code', // LineMarker tells fenced from indented by the first line's text
  table: 'table',
  html: 'html',
  thematicBreak: 'rule',
  paragraph: 'paragraph',
};

function visit(marker: LineMarker, node: RootContent, item: number): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const leaf = LEAF_KINDS[node.type];
  if (leaf) {
    marker.mark(leaf, start, end, item);
    return;
  }
  // TOML front matter ("+++"): mdast's types know only YAML's node.
  if ((node.type as string) === 'toml') {
    marker.frontMatter((node as unknown as { value: string }).value);
    marker.mark('frontmatter', start, end, item);
    return;
  }
  switch (node.type) {
    case 'yaml':
      marker.frontMatter(node.value);
      marker.mark('frontmatter', start, end, item);
      return;
    case 'heading':
      marker.mark('heading', start, end, item, node.depth);
      return;
    case 'listItem': {
      const id = marker.mark('item', start, end, item);
      for (const child of node.children) visit(marker, child, id);
      return;
    }
    default:
      marker.mark('paragraph', start, end, item);
      if ('children' in node) for (const child of node.children as RootContent[]) visit(marker, child, item);
  }
}

/**
 * Every line's kind from remark's tree of the whole text: inline constructs and all, or with
 * `blockOnly` as the chunks are parsed (block structure only), which isolates what chunking does. The
 * two differ only where inline syntax moves a paragraph's start, as an empty task list item "- [ ]"
 * followed by a lazy "_emphasis_" line does.
 */
export function referenceLines(text: string, index = new LineIndex(text), blockOnly = false): MarkdownLines {
  const { lastNodeLine: _, ...lines } = readLines(text, index, treeReader(blockOnly ? blockProcessor : fullProcessor));
  return lines;
}
