// Test instrumentation for webview pages in Chromium, added by the browser itself (not subject to the
// page's policy): a stand-in for VS Code's webview API that records what the page posts
// (`window.__posted`), and a record of the policy's violations (`window.__violations`).
// A string: the test runner's transform would otherwise add helpers the page does not have.
export const WEBVIEW_STAND_IN = `
  window.__posted = [];
  window.__violations = [];
  window.acquireVsCodeApi = () => ({ postMessage: (message) => window.__posted.push(message) });
  document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.effectiveDirective + ' ' + event.blockedURI));
`;
