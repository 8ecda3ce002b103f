// The preview page's own script (bundled for the browser into dist/preview.js, loaded with the
// page's nonce). It replaces the content in place when the extension sends an update (no flicker,
// scroll kept), highlights the entry under the editor's cursor, and turns clicks into typed
// messages. It checks every message it receives and sends nothing the extension did not ask for.
import { isToWebviewMessage, type FromWebview, type ToWebview } from '../client/src/preview/messages';

interface VsCodeApi {
  postMessage(message: FromWebview.Message): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const state = document.getElementById('pm-preview-state');
const source = state?.getAttribute('data-source') ?? '';
// Outside VS Code (the tests, an exported page opened with the script) there is no host to talk to.
const host: VsCodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { postMessage: () => undefined };
let shownVersion = -1;

function post(message: FromWebview.Message): void {
  host.postMessage(message);
}

/** Replace `current`'s children with `next`'s, keeping every node that did not change. */
function morphChildren(current: Element, next: Element): void {
  const incoming = Array.from(next.childNodes);
  for (let i = 0; i < incoming.length; i++) {
    const old = current.childNodes[i];
    const fresh = incoming[i];
    if (old && old.isEqualNode(fresh)) continue;
    if (old && old.nodeType === Node.ELEMENT_NODE && fresh.nodeType === Node.ELEMENT_NODE
      && (old as Element).tagName === (fresh as Element).tagName && (old as Element).id && (old as Element).id === (fresh as Element).id) {
      morphChildren(old as Element, fresh as Element);
      syncAttributes(old as Element, fresh as Element);
      continue;
    }
    const adopted = document.importNode(fresh, true);
    if (old) current.replaceChild(adopted, old);
    else current.appendChild(adopted);
  }
  while (current.childNodes.length > incoming.length) current.removeChild(current.lastChild as ChildNode);
}

/** Whether a panel is open is the reader's choice (the review checklist): an update keeps it. */
const readerOwned = (element: Element, name: string) => name === 'open' && element.tagName === 'DETAILS';

function syncAttributes(current: Element, next: Element): void {
  for (const { name } of Array.from(current.attributes)) if (!next.hasAttribute(name) && !readerOwned(current, name)) current.removeAttribute(name);
  for (const { name, value } of Array.from(next.attributes)) if (current.getAttribute(name) !== value && !readerOwned(current, name)) current.setAttribute(name, value);
}

let cursorLine: number | null = null;

function update(message: ToWebview.Update): void {
  if (message.version < shownVersion) return;
  shownVersion = message.version;
  const root = document.getElementById('pm-root');
  if (!root) return;
  // An inert document: nothing in it runs or loads until its nodes are adopted, and the page's
  // policy still applies to them then.
  const parsed = new DOMParser().parseFromString(`<main id="pm-root">${message.body}</main>`, 'text/html');
  const next = parsed.getElementById('pm-root');
  if (!next) return;
  const { scrollX, scrollY } = window;
  morphChildren(root, next);
  if (window.scrollX !== scrollX || window.scrollY !== scrollY) window.scrollTo(scrollX, scrollY);
  if (cursorLine !== null) highlight(cursorLine);
}

function lineOf(element: Element, name = 'data-line'): number | null {
  const value = Number(element.getAttribute(name));
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/** Mark the timeline entries holding `line`, and the rendered block it falls in. */
function highlight(line: number): void {
  cursorLine = line;
  for (const element of Array.from(document.querySelectorAll('.pm-active'))) element.classList.remove('pm-active');
  for (const entry of Array.from(document.querySelectorAll('[data-entry]'))) {
    const first = lineOf(entry);
    const last = lineOf(entry, 'data-last-line') ?? first;
    if (first !== null && last !== null && first <= line && line <= last) entry.classList.add('pm-active');
  }
  let block: Element | null = null;
  for (const candidate of Array.from(document.querySelectorAll('#pm-document [data-line]'))) {
    const at = lineOf(candidate);
    if (at !== null && at <= line) block = candidate;
  }
  block?.classList.add('pm-active');
  const entry = document.querySelector('.pm-entry.pm-active');
  if (entry instanceof HTMLElement) entry.scrollIntoView({ block: 'nearest' });
}

window.addEventListener('message', (event: MessageEvent) => {
  const message: unknown = event.data;
  if (!isToWebviewMessage(message, source)) return;
  switch (message.type) {
    case 'update':
      update(message);
      break;
    case 'cursor':
      highlight(message.line);
      break;
  }
});

function reveal(target: Element): void {
  const line = lineOf(target);
  if (line !== null) post({ type: 'revealLine', source, line });
}

document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element)) return;
  const link = event.target.closest('a[href]');
  if (link) {
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      const id = decodeURIComponent(href.slice(1));
      (document.getElementById(`user-content-${id}`) ?? document.getElementById(id))?.scrollIntoView();
    } else {
      post({ type: 'openLink', source, href });
    }
    return;
  }
  const revealable = event.target.closest('[data-reveal]');
  if (revealable) reveal(revealable);
});

document.addEventListener('keydown', (event) => {
  if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof Element && event.target.matches('[data-reveal]')) {
    event.preventDefault();
    reveal(event.target);
  }
});

// Double-click in the document shows that line in the editor, as VS Code's Markdown preview does.
document.addEventListener('dblclick', (event) => {
  if (!(event.target instanceof Element)) return;
  const block = event.target.closest('#pm-document [data-line]');
  if (block) reveal(block);
});

document.addEventListener('securitypolicyviolation', (event) => {
  post({ type: 'cspViolation', source, directive: String(event.effectiveDirective).slice(0, 256), blocked: String(event.blockedURI).slice(0, 8192) });
});

// The listeners are in place: a click from now on is answered (the e2e tests wait for this mark,
// since the page shows its content before its script has loaded).
document.body.setAttribute('data-pm-interactive', '');
post({ type: 'ready', source });
