// The incident dashboard page's own script (bundled into dist/dashboard.js, loaded with the page's
// nonce): replaces the figures when the extension sends new ones, and turns a click on an incident
// or on Export into a typed message. The charts are SVG drawn by the extension: nothing to draw here.
import { DASHBOARD_SOURCE, isToDashboardMessage, type FromDashboard } from '../client/src/dashboard/messages';

interface VsCodeApi {
  postMessage(message: FromDashboard.Message): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const host: VsCodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { postMessage: () => undefined };
const source = DASHBOARD_SOURCE;

window.addEventListener('message', (event: MessageEvent) => {
  const message: unknown = event.data;
  if (!isToDashboardMessage(message)) return;
  const root = document.getElementById('pm-root');
  // An inert document: nothing in it runs until adopted, and the page's policy applies then.
  const next = new DOMParser().parseFromString(`<main id="pm-root">${message.body}</main>`, 'text/html').getElementById('pm-root');
  if (!root || !next) return;
  const { scrollX, scrollY } = window;
  root.replaceChildren(...Array.from(next.childNodes, (node) => document.importNode(node, true)));
  window.scrollTo(scrollX, scrollY);
});

function activate(target: Element): boolean {
  const incident = target.closest('.pm-open[data-uri]');
  if (incident) {
    host.postMessage({ type: 'openIncident', source, uri: incident.getAttribute('data-uri') ?? '' });
    return true;
  }
  if (target.closest('[data-action="export"]')) {
    host.postMessage({ type: 'export', source });
    return true;
  }
  return false;
}

document.addEventListener('click', (event) => {
  if (event.target instanceof Element && activate(event.target)) event.preventDefault();
});

document.addEventListener('keydown', (event) => {
  // Buttons answer Enter themselves (as a click); the chart's incident rows are links made of SVG.
  if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof Element && event.target.matches('.pm-open') && activate(event.target)) event.preventDefault();
});

document.addEventListener('securitypolicyviolation', (event) => {
  host.postMessage({ type: 'cspViolation', source, directive: String(event.effectiveDirective).slice(0, 256), blocked: String(event.blockedURI).slice(0, 8192) });
});

// The listeners are in place (the e2e tests wait for this mark before they click).
document.body.setAttribute('data-pm-interactive', '');
host.postMessage({ type: 'ready', source });
