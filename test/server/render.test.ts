// The preview's render over stdio for a large document: it renders on another thread, so the server
// keeps answering meanwhile, and a render waiting for its turn gives way to a newer one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestServer } from './lspClient';
import { generatePostmortem } from '../../bench/generate';
import { renderHtml } from '../../server/src/features/renderHtml';
import { RENDER_IN_PLACE_BELOW } from '../../server/src/htmlRenderer';
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

test('renders of one document waiting for their turn give way to the newest', async () => {
  const text = generatePostmortem(2000, 22).text;
  const { uri } = await server.open('typing-postmortem.md', text);
  const results = await Promise.all([1, 2, 3].map(() => server.request<RenderResult | null>(RENDER_METHOD, { textDocument: { uri } })));
  assert.ok(results[2]?.html.includes('data-line'), 'the newest render is answered');
  assert.ok(results.slice(0, 2).some((result) => result === null), 'a render that was still waiting was dropped');
});
