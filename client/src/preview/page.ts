// The preview page: one pure builder for the webview, the exported file and the tests. The policy:
// nothing is allowed by default; scripts only with this render's nonce; styles only from the
// extension (or, exported, inline with the nonce); images only from the document's folder; no
// frames, no forms, no <base> but ours. The document's HTML arrives sanitized from the server.
import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../../../server/src/shared/html';

/** A fresh nonce for every page render: 128 random bits. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface PageOptions {
  /** The document shown; the page and the extension ignore messages about any other. */
  source: string;
  title: string;
  body: string;
  nonce: string;
  /** Stylesheets served from the extension (the webview); absent in an export. */
  styleUris?: string[];
  /** The stylesheet's text, inlined with the nonce (an export). */
  inlineStyle?: string;
  /** The page's script (the webview); absent in an export, which is static. */
  scriptUri?: string;
  /** Where the extension's styles and script come from (webview.cspSource), when there are any. */
  resourceSource?: string;
  /** The URL of the document's folder, ending in "/": relative images resolve there and load only from there. */
  documentFolder?: string;
  /** The policy's source for images (and <base>) when it cannot be the folder URL itself (the webview's). */
  imageSource?: string;
}

/** The CSP source for the document's folder: the folder URL itself (a path is part of a CSP source).
 * A file: URL has no host to name, so an exported page opened from disk allows file: images. */
function folderSource(folder: string | undefined): string | null {
  if (!folder || !/^(?:https?|file):\/\//i.test(folder)) return null;
  if (/^file:/i.test(folder)) return 'file:';
  return folder.replace(/[;,\s']/g, encodeURIComponent);
}

export function contentSecurityPolicy(options: Pick<PageOptions, 'nonce' | 'resourceSource' | 'documentFolder' | 'inlineStyle' | 'imageSource' | 'scriptUri'>): string {
  const images = options.imageSource?.replace(/[;,\s']/g, encodeURIComponent) ?? folderSource(options.documentFolder);
  const styles = [options.resourceSource, options.inlineStyle !== undefined ? `'nonce-${options.nonce}'` : undefined].filter(Boolean).join(' ') || "'none'";
  return [
    "default-src 'none'",
    `img-src ${images ?? "'none'"}`,
    `style-src ${styles}`,
    `script-src ${options.scriptUri ? `'nonce-${options.nonce}'` : "'none'"}`,
    `base-uri ${images ?? "'none'"}`,
    "form-action 'none'",
  ].join('; ');
}

export function buildPage(options: PageOptions): string {
  const nonce = escapeHtml(options.nonce);
  const styles = (options.styleUris ?? []).map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`).join('\n');
  // CSS has no use for "<": escaped, the text cannot close the element it is in.
  const inline = options.inlineStyle !== undefined ? `<style nonce="${nonce}">${options.inlineStyle.replace(/</g, '\\3c ')}</style>` : '';
  const base = folderSource(options.documentFolder) ? `<base href="${escapeHtml(options.documentFolder as string)}">` : '';
  const script = options.scriptUri ? `<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta id="pm-preview-state" data-source="${escapeHtml(options.source)}">
${base}
<title>${escapeHtml(options.title)}</title>
${styles}
${inline}
</head>
<body>
<main id="pm-root" class="pm-root">${options.body}</main>
${script}
</body>
</html>
`;
}
