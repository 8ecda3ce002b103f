// A scan process of the incident index (dist/indexWorker.js, started by scanProcesses.ts): it reads and
// indexes the batches of files it is sent over IPC, so that a cold workspace of thousands of
// postmortems is indexed on every core while the server's own thread keeps answering.
import { readFileSync } from 'node:fs';
import type { Settings } from '../core/config';
import type { ScanOutcome, ScanReply, ScanRequest } from './scanProcesses';
import { indexText } from './indexText';

// The folder's settings as first sent, kept as one object: what is made once per settings stays made.
let settings: Settings | undefined;

function outcomeOf(request: ScanRequest, k: number): ScanOutcome {
  try {
    if (!settings) throw new Error('the settings were never sent to this scan process');
    const { path, file } = request.files[k];
    return { indexed: indexText(readFileSync(path, 'utf8'), path, file, settings, new Date(request.now)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

process.on('message', (request: ScanRequest) => {
  if (request.settings) settings = request.settings;
  const reply: ScanReply = { id: request.id, outcomes: request.files.map((_, k) => outcomeOf(request, k)) };
  process.send?.(reply);
});
// The server went away (or stopped the scan): nothing is left to do.
process.on('disconnect', () => process.exit(0));
