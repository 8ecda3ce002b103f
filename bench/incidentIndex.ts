// The incident index's bench (`npm run bench -- --index-only [--index-files N]`), on the bundled
// server over stdio with N generated postmortems in a workspace folder:
// - cold: the first scan, from `initialized` to `postmortem/index` saying it is done, against the CLI's
//   default run on the same files in the same run (goal: ratio at most 1);
// - reopened: a new server with the persisted index, from `initialize` to `postmortem/index` answering
//   with every entry (goal: under 1 s), and to the end of its check of mtimes and sizes;
// - save: one file rewritten and its didChangeWatchedFiles sent, until `postmortem/index` shows the
//   change (median; goal: under 50 ms);
// - memory: the server's resident memory with every file indexed (goal: under 300 MB).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../server/src/shared/serverLaunch';
import type { IndexResult } from '../server/src/protocol';
import { generateCorpusLike } from './generate';

const ROOT = join(__dirname, '..');
const SAVES = 15;

export interface IndexBenchResult {
  files: number;
  coldMs: number;
  cliMs: number;
  coldOverCli: number;
  reopenedReadyMs: number;
  reopenedCheckedMs: number;
  saveMedianMs: number;
  rssMB: number;
  peakMB: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export function rssOf(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
}

export interface Server {
  child: ChildProcessWithoutNullStreams;
  connection: MessageConnection;
}

/** The bundled server as the extension starts it, initialized on `workspace` with a storage folder. */
async function startServer(workspace: string, storage: string): Promise<Server> {
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe', env: { ...process.env, ...SERVER_ENV } });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification(() => undefined);
  connection.listen();
  const folder = pathToFileURL(workspace).href;
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'bench' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    initializationOptions: { indexStoragePath: storage },
  });
  await connection.sendNotification('initialized', {});
  return { child, connection };
}

/** shutdown and exit, then the process is killed whatever it answered. */
export async function stopServer({ child, connection }: Server): Promise<void> {
  try {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
  } catch {
    // gone
  }
  connection.dispose();
  child.kill();
}

/** Asks `postmortem/index` until `done` says so; every request waits for the one before. */
async function waitForIndex(connection: MessageConnection, done: (result: IndexResult) => boolean, pauseMs = 0): Promise<IndexResult> {
  for (;;) {
    const result = await connection.sendRequest<IndexResult>('postmortem/index', {});
    if (done(result)) return result;
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

/** The CLI's default run (every core) over the folder, in ms. */
function timeCli(workspace: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--format', 'json', 'incidents'], { cwd: workspace, stdio: ['ignore', 'ignore', 'pipe'] });
    child.on('error', reject);
    child.on('close', (status) => (status === 0 || status === 1 ? resolve(performance.now() - start) : reject(new Error(`cli failed (${status})`))));
  });
}

export async function measureIndex(files: number): Promise<IndexBenchResult> {
  const base = mkdtempSync(join(tmpdir(), 'postmortem-bench-index-'));
  const workspace = join(base, 'ws');
  const storage = join(base, 'storage');
  mkdirSync(join(workspace, 'incidents'), { recursive: true });
  const docs = generateCorpusLike(files);
  docs.forEach((text, i) => writeFileSync(join(workspace, 'incidents', `${String(i).padStart(5, '0')}.md`), text));
  const everyFile = (result: IndexResult) => result.entries.length === files;
  try {
    const cliMs = await timeCli(workspace);

    const coldStart = performance.now();
    const cold = await startServer(workspace, storage);
    // A pause between asks: a scan should not be measured while a client hammers it.
    await waitForIndex(cold.connection, (result) => !result.scanning && everyFile(result), 20);
    const coldMs = performance.now() - coldStart;
    // Memory with everything indexed, once the store is written (1 s after the last change).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const memory = rssOf(cold.child.pid as number);

    // Saves: rewrite one file (a new title), tell the server, ask until the entry shows it.
    const saves: number[] = [];
    for (let s = 0; s < SAVES; s++) {
      const name = `${String((s * 7919) % files).padStart(5, '0')}.md`;
      const path = join(workspace, 'incidents', name);
      const title = `Postmortem: saved ${s}`;
      const text = readFileSync(path, 'utf8').replace(/^# .*$/m, `# ${title}`);
      const uri = pathToFileURL(path).href;
      const begin = performance.now();
      writeFileSync(path, text);
      await cold.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      await waitForIndex(cold.connection, (result) => result.entries.some((entry) => entry.uri === uri && entry.title === title));
      saves.push(performance.now() - begin);
    }
    await stopServer(cold);

    const reopenStart = performance.now();
    const reopened = await startServer(workspace, storage);
    await waitForIndex(reopened.connection, everyFile);
    const reopenedReadyMs = performance.now() - reopenStart;
    await waitForIndex(reopened.connection, (result) => !result.scanning, 20);
    const reopenedCheckedMs = performance.now() - reopenStart;
    await stopServer(reopened);

    return {
      files, coldMs, cliMs, coldOverCli: coldMs / cliMs, reopenedReadyMs, reopenedCheckedMs,
      saveMedianMs: median(saves), rssMB: memory.rssMB, peakMB: memory.peakMB,
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

export function printIndexResult(result: IndexBenchResult): void {
  const goal = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`index of ${result.files} generated postmortems:`);
  console.log(`  cold scan ${result.coldMs.toFixed(0)} ms, the CLI on the same files ${result.cliMs.toFixed(0)} ms: ratio ${result.coldOverCli.toFixed(2)} (goal at most 1: ${goal(result.coldOverCli <= 1)})`);
  console.log(`  reopened with the persisted index: every entry in ${result.reopenedReadyMs.toFixed(0)} ms (goal under 1 s: ${goal(result.reopenedReadyMs < 1000)}), mtimes and sizes checked in ${result.reopenedCheckedMs.toFixed(0)} ms`);
  console.log(`  a saved file in the index: median ${result.saveMedianMs.toFixed(1)} ms (goal under 50 ms: ${goal(result.saveMedianMs < 50)})`);
  console.log(`  server memory with every file indexed: ${result.rssMB.toFixed(0)} MB resident, peak ${result.peakMB.toFixed(0)} MB (goal under 300 MB: ${goal(result.rssMB < 300)})`);
}
