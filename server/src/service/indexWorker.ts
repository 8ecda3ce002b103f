// The incident index's first scan on worker threads: each thread reads and indexes the files it is
// handed, so that a cold workspace of thousands of postmortems is indexed on every core while the
// server's own thread keeps answering. Bundled as dist/indexWorker.js; started by indexThreads.ts.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { Settings } from '../core/config';
import type { IndexThreadReply, IndexThreadRequest } from './indexThreads';
import { indexText } from './indexText';

// Each folder's settings as first sent, kept as one object: what is made once per settings stays made.
const settingsById = new Map<number, Settings>();

parentPort?.on('message', (request: IndexThreadRequest) => {
  let reply: IndexThreadReply;
  try {
    if (request.settings) settingsById.set(request.settingsId, request.settings);
    const settings = settingsById.get(request.settingsId);
    if (!settings) throw new Error(`settings ${request.settingsId} were never sent to this thread`);
    const indexed = indexText(readFileSync(request.path, 'utf8'), request.path, request.file, settings, new Date(request.now));
    reply = { id: request.id, indexed };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
