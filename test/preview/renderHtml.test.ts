// The document as sanitized HTML: GitHub's schema, tightened, with source lines on blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinLines } from '../helpers';
import { renderHtml } from '../../server/src/features/renderHtml';

test('blocks carry their 0-based source line; front matter is not rendered', () => {
  const html = renderHtml(joinLines('---', 'type: postmortem', '---', '# Title', '', 'Text', '', '- a', '- b', '', '| h |', '| - |', '| c |'));
  assert.match(html, /<h1 data-line="3">Title<\/h1>/);
  assert.match(html, /<p data-line="5">Text<\/p>/);
  assert.match(html, /<li data-line="8">b<\/li>/);
  assert.match(html, /<tr data-line="12">/);
  assert.doesNotMatch(html, /type: postmortem/);
});

test('CRLF and CR line ends count lines as the editor does', () => {
  assert.match(renderHtml('# A\r\n\r\nB\r\n'), /<p data-line="2">B<\/p>/);
  assert.match(renderHtml('# A\r\rB\r'), /<p data-line="2">B<\/p>/);
});

test('GFM: tables, task lists, strikethrough, autolinks', () => {
  const html = renderHtml(joinLines('- [x] done', '', '~~gone~~ https://example.com'));
  assert.match(html, /<input type="checkbox" checked disabled>/);
  assert.match(html, /<del>gone<\/del>/);
  assert.match(html, /<a href="https:\/\/example.com">/);
});

const HOSTILE: Array<[string, RegExp]> = [
  ['<script>window.pwned = 1</script>', /script|pwned/i],
  ['<img src="x.png" onerror="window.pwned = 1">', /onerror|pwned/i],
  ['[click](javascript:window.pwned=1)', /javascript:/i],
  ['[click](JaVaScRiPt&#58;alert(1))', /javascript/i],
  ['<a href="javascript:alert(1)">x</a>', /javascript:/i],
  ['[data](data:text/html;base64,PHNjcmlwdD4=)', /data:/i],
  ['![img](data:image/svg+xml;base64,PHN2Zz4=)', /data:|<img/i],
  ['<iframe src="https://example.com"></iframe>', /iframe|example/i],
  ['<svg onload="window.pwned = 1"><circle r="1"/></svg>', /svg|onload|circle/i],
  ['<style>body { display: none }</style>', /style|display/i],
  ['<meta http-equiv="refresh" content="0; url=https://example.com">', /meta|refresh|example/i],
  ['<base href="https://example.com/">', /base|example/i],
  ['<link rel="stylesheet" href="https://example.com/x.css">', /link|example/i],
  ['<object data="x.swf"></object><embed src="x.swf">', /object|embed|swf/i],
  ['<form action="https://example.com"><button>go</button></form>', /form|action|example/i],
  ['<p style="background:url(https://example.com/x.png)">x</p>', /style|example/i],
  ['<div onclick="window.pwned = 1" onmouseover="x()">x</div>', /onclick|onmouseover|pwned/i],
  ['![remote](https://example.com/x.png) <img src="//example.com/y.png"> <img src="/etc/z.png"> <img src="\\\\host\\a.png">', /<img/i],
];

for (const [payload, forbidden] of HOSTILE) {
  test(`sanitized: ${payload.slice(0, 60)}`, () => {
    const html = renderHtml(joinLines('# Postmortem', '', payload, ''));
    assert.doesNotMatch(html, forbidden, html);
  });
}

test('relative images and links stay (images resolve in the document\'s folder)', () => {
  const html = renderHtml('![graph](images/latency.png) [next](next-postmortem.md) [top](#top)');
  assert.match(html, /<img src="images\/latency.png" alt="graph">/);
  assert.match(html, /href="next-postmortem.md"/);
  assert.match(html, /href="#top"/);
});

test('ids from the document cannot clobber the page\'s own', () => {
  assert.match(renderHtml('<div id="timeline">x</div>'), /id="user-content-timeline"/);
});
