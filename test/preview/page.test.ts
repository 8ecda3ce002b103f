// The page builder, the typed messages and the incident view, outside VS Code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, readFixture, settingsWith } from '../helpers';
import { buildPage, contentSecurityPolicy, newNonce } from '../../client/src/preview/page';
import { isFromWebviewMessage, isToWebviewMessage } from '../../client/src/preview/messages';
import { renderBody } from '../../client/src/preview/incidentView';
import { renderResult } from '../../server/src/features/preview';

test('a fresh nonce for every render', () => {
  const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
  assert.equal(nonces.size, 100);
  for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
});

test('the policy: nothing by default, scripts by nonce, styles from the extension, images from the folder', () => {
  assert.equal(
    contentSecurityPolicy({ nonce: 'N', scriptUri: 'https://x/preview.js', resourceSource: 'https://*.vscode-cdn.net', imageSource: 'https://*.vscode-cdn.net/home/me/incidents/' }),
    "default-src 'none'; img-src https://*.vscode-cdn.net/home/me/incidents/; style-src https://*.vscode-cdn.net; script-src 'nonce-N'; base-uri https://*.vscode-cdn.net/home/me/incidents/; form-action 'none'",
  );
  // Untitled: no folder, no images. Exported: the style inline by nonce, no script source at all.
  assert.match(contentSecurityPolicy({ nonce: 'N', resourceSource: 'x' }), /img-src 'none'.*base-uri 'none'/);
  assert.match(contentSecurityPolicy({ nonce: 'N', inlineStyle: 'body{}', documentFolder: 'file:///home/me/' }), /img-src file:; style-src 'nonce-N'; script-src 'none'/);
  // A source cannot smuggle another directive in.
  assert.doesNotMatch(contentSecurityPolicy({ nonce: 'N', imageSource: "https://a/b; script-src 'unsafe-inline'" }), /; script-src 'unsafe-inline'/);
});

test('the exported page is static: no script element, the stylesheet inline with the nonce', () => {
  const result = renderResult(analyze(readFixture('classic-complete.md')), settingsWith(), 'file:///x.md', 1);
  const page = buildPage({ source: 'file:///x.md', title: 'T</title><script>', body: renderBody(result), nonce: 'abc', inlineStyle: 'body { color: red } </style><script>x()</script>' });
  assert.doesNotMatch(page, /<script/i);
  assert.match(page, /<style nonce="abc">body \{ color: red \} \\3c \/style>\\3c script>/);
  assert.match(page, /<title>T&lt;\/title&gt;&lt;script&gt;<\/title>/);
  assert.match(page, /data-testid="computed-duration">2h 15m</);
});

test('messages are checked on arrival: shape, types and the document they are about', () => {
  const source = 'file:///a.md';
  assert.ok(isFromWebviewMessage({ type: 'revealLine', source, line: 3 }, source));
  assert.ok(!isFromWebviewMessage({ type: 'revealLine', source: 'file:///b.md', line: 3 }, source), 'another document');
  assert.ok(!isFromWebviewMessage({ type: 'revealLine', source, line: -1 }, source));
  assert.ok(!isFromWebviewMessage({ type: 'revealLine', source, line: '3' }, source));
  assert.ok(!isFromWebviewMessage({ type: 'runCommand', source, command: 'x' }, source), 'unknown type');
  assert.ok(!isFromWebviewMessage({ type: 'toString', source }, source), 'no prototype keys');
  assert.ok(!isFromWebviewMessage(null, source));
  assert.ok(isFromWebviewMessage({ type: 'openLink', source, href: 'https://example.com' }, source));
  assert.ok(!isFromWebviewMessage({ type: 'openLink', source, href: 'x'.repeat(9000) }, source));
  assert.ok(isToWebviewMessage({ type: 'update', source, version: 2, body: '<p>x</p>' }, source));
  assert.ok(!isToWebviewMessage({ type: 'update', source, version: 2.5, body: '' }, source));
  assert.ok(isToWebviewMessage({ type: 'cursor', source, line: 0 }, source));
  assert.ok(!isToWebviewMessage({ type: 'cursor', source: 'file:///b.md', line: 0 }, source));
});

test('the incident view escapes every text it is given', () => {
  const result = renderResult(analyze(readFixture('classic-complete.md')), settingsWith(), 'file:///x.md', 1);
  result.card.title = '<img src=x onerror=alert(1)>';
  result.timeline[0].text = '"><script>alert(1)</script>';
  result.card.impact = { from: 'summary', line: 1, text: "' onmouseover='alert(1)" };
  const body = renderBody(result);
  assert.doesNotMatch(body, /<img src=x|<script>|' onmouseover='/);
  assert.match(body, /&lt;img src=x onerror=alert\(1\)&gt;/);
});
