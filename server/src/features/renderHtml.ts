// The document as HTML for the preview: remark → rehype, raw HTML parsed and then sanitized with
// GitHub's schema, tightened (no iframes, styles, forms or embeds; links only http, https, mailto
// and relative; images only relative to the document). Block elements carry `data-line`, their
// 0-based source line, so the preview can map scroll and cursor to lines and back.
import { unified, type Plugin } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Element, Root, RootContent } from 'hast';
import { escapeHtml } from '../shared/html';

const LINE_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'table', 'tr', 'hr', 'ul', 'ol', 'dl', 'dt', 'dd', 'details', 'div',
]);

/** Tags removed with everything inside them (the others GitHub's schema does not know are unwrapped). */
const STRIP = ['script', 'style', 'template', 'noscript', 'title', 'textarea', 'select', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'video', 'audio'];
const DROP_TAGS = new Set(['picture', 'source']);

export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  strip: STRIP,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !DROP_TAGS.has(tag) && !STRIP.includes(tag)),
  attributes: {
    ...defaultSchema.attributes,
    img: ['alt', 'title', 'width', 'height', 'src'],
    '*': [...(defaultSchema.attributes?.['*'] ?? []).filter((name) => !['action', 'method', 'encType', 'acceptCharset'].includes(String(name))), ['dataLine', /^\d{1,7}$/]],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    cite: ['http', 'https'],
    // Absolute image sources are removed below; relative ones resolve against the document's folder.
    src: ['http', 'https'],
  },
};

/** Marks block elements with their 0-based source line (before sanitizing, which keeps `data-line`). */
const addSourceLines: Plugin<[], Root> = () => (tree) => {
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element' && LINE_TAGS.has(node.tagName) && node.position) {
      node.properties.dataLine = String(node.position.start.line - 1);
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
};

/** Anything that could load from elsewhere than the document's folder goes: a scheme, `//host`, `/root`, `\`. */
const ELSEWHERE = /^\s*(?:[a-z][a-z0-9+.-]*:|[\\/])/i;

const localImagesOnly: Plugin<[], Root> = () => (tree) => {
  const walk = (node: Root | Element) => {
    node.children = node.children.filter((child) => !(child.type === 'element' && child.tagName === 'img' && (typeof child.properties.src !== 'string' || ELSEWHERE.test(child.properties.src))));
    for (const child of node.children) if (child.type === 'element') walk(child);
  };
  walk(tree);
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(addSourceLines)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .use(localImagesOnly)
  .use(rehypeStringify);

/** Sanitized HTML of a Markdown document. Never throws: a document remark cannot handle is shown as text. */
export function renderHtml(markdown: string): string {
  try {
    return String(processor.processSync(markdown));
  } catch {
    return `<pre>${escapeHtml(markdown)}</pre>`;
  }
}
