// The preview's render over stdio for a large document: it renders on another thread, so the server
// keeps answering meanwhile, and a render waiting for its turn gives way to a newer one of the same
// document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestServer } from './lspClient';
import { ROOT } from '../helpers';
import { generatePostmortem } from '../../bench/generate';
import { renderHtml } from '../../server/src/features/renderHtml';
import { HtmlRenderer, RENDER_IN_PLACE_BELOW } from '../../server/src/service/htmlRenderer';
import { RENDER_METHOD, type RenderResult } from '../../server/src/protocol';

let server: TestServer;

before(async () => {
  server = new TestServer(mkdtempSync(join(tmpdir(), 'postmortem-render-')));
  await server.initialize();
});

after(() => server.shutdown());

test('a large document renders on another thread: the outline is answered first, and the HTML is the same', async () => {
  const text = generatePostmortem(3000, 21).text;
  assert.ok(text.length > 4 * RENDER_IN_PLACE_BELOW, `${text.length} characters`);
  const { uri } = await server.open('large-postmortem.md', text);
  const order: string[] = [];
  const render = server.request<RenderResult | null>(RENDER_METHOD, { textDocument: { uri } }).then((result) => {
    order.push('render');
    return result;
  });
  const symbols = server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }).then((result) => {
    order.push('symbols');
    return result;
  });
  const [rendered, outline] = await Promise.all([render, symbols]);
  assert.deepEqual(order, ['symbols', 'render'], 'the outline did not wait for the render');
  assert.ok(outline.length > 0);
  assert.ok(rendered);
  assert.equal(rendered.html, renderHtml(text));
  assert.ok(rendered.timeline.length >= 2900, `${rendered.timeline.length} entries on the preview's timeline`);
});

test('renders waiting for their turn give way to a newer one of the same document', async () => {
  const renderer = new HtmlRenderer(join(ROOT, 'dist', 'renderWorker.js'));
  try {
    const other = generatePostmortem(2000, 22).text;
    const older = generatePostmortem(1000, 23).text;
    const newer = `${older}\nOne more line.\n`;
    // The other document's render runs first; the two versions of this one wait behind it.
    const running = renderer.render(other, 'file:///other.md');
    const dropped = renderer.render(older, 'file:///typing.md');
    const latest = renderer.render(newer, 'file:///typing.md');
    const shared = renderer.render(newer, 'file:///typing.md');
    const [first, second, third, fourth] = await Promise.all([running, dropped, latest, shared]);
    assert.equal(first, renderHtml(other));
    assert.equal(second, null, 'the older version, still waiting, was dropped');
    assert.equal(third, renderHtml(newer));
    assert.equal(fourth, third);
    // Small documents are rendered in place, at once.
    assert.equal(await renderer.render('# Small\n', 'file:///small.md'), renderHtml('# Small\n'));
  } finally {
    renderer.dispose();
  }
});
