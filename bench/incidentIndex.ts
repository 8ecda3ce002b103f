// The incident index's bench (`npm run bench -- --index-only [--index-files N]`), on the bundled
// server over stdio with N generated postmortems in a workspace folder:
// - cold: the first scan, from the server's spawn to `postmortem/index` saying it is done, against the
//   CLI linting the same files in the same run (goal: ratio at most 1): its default run (text output,
//   what "lint them" means), and its JSON run (which also reports each incident's window and action
//   items, as the index does), for comparison;
// - reopened: a new server with the persisted index, from `initialize` to `postmortem/index` answering
//   with every entry (goal: under 1 s), then to `postmortem/indexDetails` answering with every entry's
//   lifecycle and action items, and to the end of its check of mtimes and sizes;
// - save: one file rewritten and its didChangeWatchedFiles sent, until the server's
//   postmortem/indexChanged (median; goal: under 50 ms);
// - memory: the server's resident memory with every file indexed (goal: under 300 MB).
// `postmortem/index` and `postmortem/indexDetails` are asked as the views ask them: with the `since` of
// their last answers, the deltas applied to a copy kept by URI (the views' own IncidentCopy), so the
// figures include its cost.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../server/src/shared/serverLaunch';
import { INDEX_DETAILS_METHOD, INDEX_METHOD, type IndexDetailsResult, type IndexResult } from '../server/src/protocol';
import { IncidentCopy, type IndexSnapshot } from '../client/src/incidents/indexCopy';
import { generateCorpusLike } from './generate';

const ROOT = join(__dirname, '..');
const SAVES = 15;
/** Cold scans (each after a CLI run on the same files); reopenings. */
const COLD_ROUNDS = 3;
const REOPEN_ROUNDS = 3;

export interface IndexBenchResult {
  files: number;
  coldMs: number;
  /** The CLI's default run (the goal's measure) and its `--format json` run. */
  cliMs: number;
  cliJsonMs: number;
  coldOverCli: number;
  coldOverCliJson: number;
  /** The reopened server's start (spawn to `initialize` answered), part of reopenedReadyMs. */
  serverUpMs: number;
  reopenedReadyMs: number;
  /** To every entry's lifecycle and action items too. */
  reopenedDetailedMs: number;
  reopenedCheckedMs: number;
  saveMedianMs: number;
  rssMB: number;
  peakMB: number;
  /** Each run's figure (ms), in order. */
  runs: { cli: number[]; cliJson: number[]; cold: number[]; reopened: number[] };
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

interface IndexServer extends Server {
  /** When `initialize` was answered (ms after the spawn). */
  upMs: number;
  /** Resolves at the next postmortem/indexChanged. */
  nextIndexChange(): Promise<void>;
}

/** The bundled server as the extension starts it, initialized on `workspace` with a storage folder. */
async function startServer(workspace: string, storage: string): Promise<IndexServer> {
  const spawned = performance.now();
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe', env: { ...process.env, ...SERVER_ENV } });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  let changed: Array<() => void> = [];
  connection.onNotification((method) => {
    if (method !== 'postmortem/indexChanged') return;
    for (const resolve of changed) resolve();
    changed = [];
  });
  connection.listen();
  const folder = pathToFileURL(workspace).href;
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'bench' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    initializationOptions: { indexStoragePath: storage },
  });
  const upMs = performance.now() - spawned;
  await connection.sendNotification('initialized', {});
  return { child, connection, upMs, nextIndexChange: () => new Promise((resolve) => changed.push(resolve)) };
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

const sinceOf = (since: string | undefined) => (since === undefined ? {} : { since });

/**
 * `postmortem/index` as the views ask it (with the `since` of the copy's last answer, applied to the
 * copy), then unless `rowsOnly`, `postmortem/indexDetails` the same way.
 */
async function askIndex(server: IndexServer, copy: IncidentCopy, rowsOnly = false): Promise<IndexSnapshot> {
  copy.applyRows(await server.connection.sendRequest<IndexResult>(INDEX_METHOD, sinceOf(copy.rows.since)));
  if (!rowsOnly) copy.applyDetails(await server.connection.sendRequest<IndexDetailsResult>(INDEX_DETAILS_METHOD, sinceOf(copy.details.since)));
  return copy.snapshot;
}

/** Asks the index until `done` says so: at once, then at each postmortem/indexChanged (as the views do). */
async function waitForIndex(server: IndexServer, copy: IncidentCopy, done: (index: IndexSnapshot) => boolean, rowsOnly = false): Promise<void> {
  for (;;) {
    const changed = server.nextIndexChange();
    if (done(await askIndex(server, copy, rowsOnly))) return;
    await changed;
  }
}

/** The CLI (every core, its default) over the folder, with `args` before the folder; in ms. */
function timeCli(workspace: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args, 'incidents'], { cwd: workspace, stdio: ['ignore', 'ignore', 'pipe'] });
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
  const everyFile = (index: IndexSnapshot) => index.entries.length === files;
  try {
    // The cold scan and the CLI's two runs in turns, the median of each: on a shared machine one run
    // can be several percent off, which is the size of the differences measured.
    const cliRuns: number[] = [];
    const cliJsonRuns: number[] = [];
    const coldRuns: number[] = [];
    let cold: IndexServer | null = null;
    let coldCopy = new IncidentCopy();
    for (let round = 0; round < COLD_ROUNDS; round++) {
      // The last round's server stays, for the memory and the saves; an earlier one stops before the CLI runs.
      if (cold) await stopServer(cold);
      cliRuns.push(await timeCli(workspace, []));
      cliJsonRuns.push(await timeCli(workspace, ['--format', 'json']));
      // A new storage folder each round: every cold scan starts from nothing.
      rmSync(storage, { recursive: true, force: true });
      const coldStart = performance.now();
      cold = await startServer(workspace, storage);
      coldCopy = new IncidentCopy();
      await waitForIndex(cold, coldCopy, (index) => !index.scanning && everyFile(index));
      coldRuns.push(performance.now() - coldStart);
    }
    if (!cold) throw new Error('no cold scan ran');
    const cliMs = median(cliRuns);
    const cliJsonMs = median(cliJsonRuns);
    const coldMs = median(coldRuns);
    // Memory with everything indexed, once the store is written (1 s after the last change).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const memory = rssOf(cold.child.pid as number);

    // Saves: rewrite one file (a new title), tell the server, until it says the index changed (then
    // check, untimed, that the view's copy shows it: asking is the client's cost, not the save's).
    const saves: number[] = [];
    for (let s = 0; s < SAVES; s++) {
      const name = `${String((s * 7919) % files).padStart(5, '0')}.md`;
      const path = join(workspace, 'incidents', name);
      const title = `Postmortem: saved ${s}`;
      const text = readFileSync(path, 'utf8').replace(/^# .*$/m, `# ${title}`);
      const uri = pathToFileURL(path).href;
      // Past the notification's throttle, so that it is sent at once.
      await new Promise((resolve) => setTimeout(resolve, 250));
      const changed = cold.nextIndexChange();
      const begin = performance.now();
      writeFileSync(path, text);
      await cold.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      await changed;
      saves.push(performance.now() - begin);
      const { entries } = await askIndex(cold, coldCopy);
      if (!entries.some((entry) => entry.uri === uri && entry.title === title)) throw new Error(`the index does not show the save of ${name}`);
    }
    await stopServer(cold);

    const reopenedReady: number[] = [];
    const reopenedDetailed: number[] = [];
    const reopenedChecked: number[] = [];
    const serverUp: number[] = [];
    for (let round = 0; round < REOPEN_ROUNDS; round++) {
      const reopenStart = performance.now();
      const reopened = await startServer(workspace, storage);
      // A new window: a new copy, whose first answers are whole. The Incidents view lists what the
      // rows give, then the details come.
      const reopenedCopy = new IncidentCopy();
      await waitForIndex(reopened, reopenedCopy, everyFile, true);
      reopenedReady.push(performance.now() - reopenStart);
      serverUp.push(reopened.upMs);
      await askIndex(reopened, reopenedCopy);
      reopenedDetailed.push(performance.now() - reopenStart);
      await waitForIndex(reopened, reopenedCopy, (index) => !index.scanning);
      reopenedChecked.push(performance.now() - reopenStart);
      await stopServer(reopened);
    }
    const reopenedReadyMs = median(reopenedReady);
    const reopenedCheckedMs = median(reopenedChecked);
    const reopenedDetailedMs = median(reopenedDetailed);
    const serverUpMs = median(serverUp);
    const runs = { cli: cliRuns, cliJson: cliJsonRuns, cold: coldRuns, reopened: reopenedReady };

    return {
      files, coldMs, cliMs, cliJsonMs, coldOverCli: coldMs / cliMs, coldOverCliJson: coldMs / cliJsonMs, serverUpMs, reopenedReadyMs, reopenedDetailedMs, reopenedCheckedMs,
      saveMedianMs: median(saves), rssMB: memory.rssMB, peakMB: memory.peakMB, runs,
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

export function printIndexResult(result: IndexBenchResult): void {
  const goal = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`index of ${result.files} generated postmortems:`);
  const list = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
  console.log(`  cold scan ${result.coldMs.toFixed(0)} ms, the CLI linting the same files ${result.cliMs.toFixed(0)} ms (medians of ${result.runs.cold.length} runs in turns: ${list(result.runs.cold)} and ${list(result.runs.cli)}): ratio ${result.coldOverCli.toFixed(2)} (goal at most 1: ${goal(result.coldOverCli <= 1)})`);
  console.log(`    the CLI's JSON run (each incident's window and action items too) ${result.cliJsonMs.toFixed(0)} ms (${list(result.runs.cliJson)}): ratio ${result.coldOverCliJson.toFixed(2)}`);
  console.log(`  reopened with the persisted index: every entry in ${result.reopenedReadyMs.toFixed(0)} ms (median of ${list(result.runs.reopened)}; goal under 1 s: ${goal(result.reopenedReadyMs < 1000)}; of which the server's own start ${result.serverUpMs.toFixed(0)} ms), every lifecycle and action item in ${result.reopenedDetailedMs.toFixed(0)} ms, mtimes and sizes checked in ${result.reopenedCheckedMs.toFixed(0)} ms`);
  console.log(`  a saved file in the index: median ${result.saveMedianMs.toFixed(1)} ms (goal under 50 ms: ${goal(result.saveMedianMs < 50)})`);
  console.log(`  server memory with every file indexed: ${result.rssMB.toFixed(0)} MB resident, peak ${result.peakMB.toFixed(0)} MB (goal under 300 MB: ${goal(result.rssMB < 300)})`);
}
