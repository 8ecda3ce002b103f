// The preview's HTML rendering, on its own thread: a large document takes seconds to render (about
// 2 s for 1.2 MB), and on the server's thread that would hold back diagnostics, hovers and
// completions meanwhile. Bundled as dist/renderWorker.js; started by server/src/service/htmlRenderer.ts.
import { parentPort } from 'node:worker_threads';
import { renderHtml } from '../features/renderHtml';
import type { RenderReply, RenderRequest } from './htmlRenderer';

parentPort?.on('message', (request: RenderRequest) => {
  parentPort?.postMessage({ id: request.id, html: renderHtml(request.text) } satisfies RenderReply);
});
