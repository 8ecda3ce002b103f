// `npm run bench`: how fast the analysis is on big postmortems, against what it cannot beat (a bare
// remark-parse parse) and what users have today (markdownlint), plus re-analysis after an edit, the
// server's round trip over stdio, its memory with a 1.2 MB document open, and the CLI's files per
// second on 1 and 2 worker threads (on generated files, and on copies of ../shared/corpus where it is
// present). Medians of several runs; writes bench/results.json.
// `npm run bench -- --quick` is a short smoke run (small sizes, few files) for CI.
// `npm run bench -- --cli-only --cli-files 6000` measures only the CLI, on that many files.
// `npm run bench -- --index-only --index-files 1000` measures only the incident index (bench/incidentIndex.ts).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { lint as markdownlint } from 'markdownlint/sync';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { analyzeDocument } from '../server/src/core/analyze';
import { defaultSettings } from '../server/src/rules/settings';
import { AnalysisCache } from '../server/src/core/incremental';
import { computeDiagnostics } from '../server/src/features/diagnostics';
import { documentSymbols } from '../server/src/features/documentSymbols';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../server/src/shared/serverLaunch';
import { ALL_CORES_V8_FLAGS } from '../server/src/shared/serverLaunch';
import { CORPUS, corpusAvailable, readCorpus } from '../test/helpers';
import { generateCorpusLike, generatePostmortem } from './generate';
import { measureIndex, printIndexResult, rssOf, stopServer } from './incidentIndex';

const ROOT = join(__dirname, '..');
const quick = process.argv.includes('--quick');
const SIZES = quick ? [100, 1000] : [100, 1000, 10_000];
const RUNS: Record<number, number> = quick ? { 100: 5, 1000: 3 } : { 100: 15, 1000: 9, 10_000: 5 };
const cliOnly = process.argv.includes('--cli-only');
const indexOnly = process.argv.includes('--index-only');
const INDEX_FILES = countOption('--index-files', 100) ?? (quick ? 200 : 10_000);
const CLI_FILES = countOption('--cli-files', 16) ?? (quick ? 100 : 2000);
const CLI_RUNS = quick ? 1 : 5;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
function time(run: () => unknown): number {
  gc();
  const start = performance.now();
  run();
  return performance.now() - start;
}
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

const bare = unified().use(remarkParse);
const withPlugins = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const settings = defaultSettings();
const PATH = '/bench/incidents/big-postmortem.md';

function fullAnalysis(text: string, cache?: AnalysisCache): void {
  const model = analyzeDocument(text, settings, PATH, false, cache);
  computeDiagnostics(model, settings);
  documentSymbols(model);
}

/** A one-line edit inside the timeline: the line `k` entries in gets a word more (or less) each time. */
function timelineLine(text: string, which: number): { start: number; end: number; line: number } {
  const timeline = text.indexOf('## Timeline');
  const at = text.indexOf('\n- ', timeline + Math.floor((text.length - timeline) * (0.25 + 0.5 * ((which * 0.37) % 1)))) + 1;
  const end = text.indexOf('\n', at);
  return { start: at, end, line: text.slice(0, at).split('\n').length - 1 };
}
function editLine(text: string, which: number): string {
  const { start, end } = timelineLine(text, which);
  const line = text.slice(start, end);
  const edited = line.endsWith(' edited') ? line.slice(0, -' edited'.length) : `${line} edited`;
  return text.slice(0, start) + edited + text.slice(end);
}

interface SizeResult {
  entries: number;
  bytes: number;
  runs: number;
  remarkParseMs: number;
  remarkParsePluginsMs: number;
  analysisMs: number;
  markdownlintMs: number;
  reanalysisMs: number;
  serverRoundTripMs: number | null;
  ratios: { analysisOverParse: number; analysisOverMarkdownlint: number; reanalysisOverParse: number };
}

function measureInProcess(entries: number): Omit<SizeResult, 'serverRoundTripMs'> {
  const text = generatePostmortem(entries).text;
  const runs = RUNS[entries];
  const a: number[] = [];
  const a2: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  const d: number[] = [];
  // Interleaved, so a busy moment on the machine spreads over all of them alike.
  for (let r = 0; r < runs; r++) {
    a.push(time(() => bare.parse(text)));
    b.push(time(() => fullAnalysis(text)));
    c.push(time(() => markdownlint({ strings: { doc: text } })));
    a2.push(time(() => withPlugins.parse(text)));
  }
  const cache = new AnalysisCache();
  let current = text;
  fullAnalysis(current, cache);
  // Warm-up edits, untimed, as an editor session has had them by the time one types a line.
  for (let r = 0; r < 3; r++) {
    current = editLine(current, 100 + r);
    fullAnalysis(current, cache);
  }
  for (let r = 0; r < Math.max(runs, 9); r++) {
    current = editLine(current, r);
    const edited = current;
    d.push(time(() => fullAnalysis(edited, cache)));
  }
  const [ma, ma2, mb, mc, md] = [a, a2, b, c, d].map(median);
  return {
    entries, bytes: Buffer.byteLength(text), runs, remarkParseMs: ma, remarkParsePluginsMs: ma2, analysisMs: mb, markdownlintMs: mc, reanalysisMs: md,
    ratios: { analysisOverParse: mb / ma, analysisOverMarkdownlint: mb / mc, reanalysisOverParse: md / ma },
  };
}

/** The bundled server over stdio: open the document, then didChange + `postmortem/analysis`, timed. */
async function measureServer(entries: number, runs: number): Promise<{ roundTripMs: number; rssMB: number; peakMB: number; settledMB: number }> {
  // Started as the extension starts it (same V8 flags), from the bundle that ships.
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe', env: { ...process.env, ...SERVER_ENV } });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.listen();
  try {
    const workspace = mkdtempSync(join(tmpdir(), 'postmortem-bench-ws-'));
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    const uri = pathToFileURL(join(workspace, 'incidents', 'big-postmortem.md')).href;
    let text = generatePostmortem(entries).text;
    let version = 1;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    await connection.sendRequest('postmortem/analysis', { textDocument: { uri } });
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const { start, end, line } = timelineLine(text, r);
      const edited = editLine(text, r);
      const newLine = edited.slice(start, edited.indexOf('\n', start));
      const change = { range: { start: { line, character: 0 }, end: { line, character: end - start } }, text: newLine };
      text = edited;
      const begin = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
      const result = await connection.sendRequest<{ timeline: unknown[] }>('postmortem/analysis', { textDocument: { uri } });
      times.push(performance.now() - begin);
      if (result.timeline.length < entries) throw new Error(`the server saw ${result.timeline.length} entries, not ${entries}`);
    }
    // Let the debounced diagnostics run too before reading memory.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const memory = rssOf(child.pid as number);
    // V8 returns the parse's garbage only when its idle-time memory reducer runs, seconds later:
    // read again once resident memory has stopped falling (polled, at most 30 s).
    let settled = memory.rssMB;
    for (let second = 0; second < 30; second++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const now = rssOf(child.pid as number).rssMB;
      if (second >= 12 && now >= settled - 1) break;
      settled = Math.min(settled, now);
    }
    rmSync(workspace, { recursive: true, force: true });
    return { roundTripMs: median(times), ...memory, settledMB: settled };
  } finally {
    await stopServer({ child, connection });
  }
}

/** `--cli-files N`, `--index-files N` (or `NAME=N`): a whole number of at least `min`; null when not given. */
function countOption(name: string, min: number): number | null {
  const at = process.argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (at < 0) return null;
  const raw = process.argv[at].includes('=') ? process.argv[at].split('=')[1] : process.argv[at + 1];
  const count = Number(raw);
  if (!Number.isInteger(count) || count < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}"`);
  return count;
}

interface CliResult {
  /** Which files: "generated" (bench/generate.ts) or "corpus copies" (../shared/corpus, repeated). */
  files: string;
  count: number;
  bytes: number;
  filesPerSecond: Record<string, number>;
  speedup: number;
  /**
   * The ceiling for any split of the files over 2 cores: two independent 1-worker processes, each on
   * half the files, started together (with the flags the CLI relaunches with), over 1 worker on all.
   */
  independentHalves: { filesPerSecond: number; speedup: number };
  /**
   * What users of Markdown linters run today, on the same files in the same runs: markdownlint-cli2
   * with its default rules, and the CLI's default run (every core) over it (the goal: at least 2x).
   */
  markdownlintCli2?: { filesPerSecond: number; cliOverMarkdownlintCli2: number };
}

const MARKDOWNLINT_CLI2 = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

/** markdownlint-cli2 over the same files; its findings (exit status 1) are not what is measured. */
function runMarkdownlintCli2(cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MARKDOWNLINT_CLI2, 'incidents/*.md'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 || status === 1 ? resolve(0) : reject(new Error(`markdownlint-cli2 failed (${status}): ${errors}`))));
  });
}

/** Runs the CLI in `cwd` and resolves to the number of reports it printed. */
function runCli(cwd: string, args: string[], nodeFlags: string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, join(ROOT, 'dist', 'cli.js'), ...args, '--format', 'json', 'incidents'], { cwd });
    const out: Buffer[] = [];
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0 && status !== 1) reject(new Error(`cli failed (${status}): ${errors}`));
      else resolve((JSON.parse(Buffer.concat(out).toString('utf8')) as unknown[]).length);
    });
  });
}

function writeFiles(dir: string, docs: Array<{ name: string; text: string }>): void {
  mkdirSync(join(dir, 'incidents'), { recursive: true });
  for (const doc of docs) writeFileSync(join(dir, 'incidents', doc.name), doc.text);
}

/**
 * The CLI's files per second on 1 and 2 workers over the named files, and two independent processes
 * on the two halves: the median of CLI_RUNS alternating runs.
 */
async function measureCli(files: string, docs: Array<{ name: string; text: string }>, withMarkdownlintCli2 = false): Promise<CliResult> {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-bench-cli-'));
  const halves = [join(dir, 'half-a'), join(dir, 'half-b')];
  writeFiles(dir, docs);
  writeFiles(halves[0], docs.filter((_, i) => i % 2 === 0));
  writeFiles(halves[1], docs.filter((_, i) => i % 2 === 1));
  const rate: Record<string, number[]> = { 1: [], 2: [], halves: [], default: [], markdownlintCli2: [] };
  const timed = async (key: string, run: () => Promise<number>) => {
    const start = performance.now();
    const reports = await run();
    // Every file sits in incidents/, so every one is a postmortem and gets a report.
    if (key !== 'markdownlintCli2' && reports !== docs.length) throw new Error(`cli linted ${reports} of ${docs.length} files`);
    rate[key].push(docs.length / ((performance.now() - start) / 1000));
  };
  try {
    for (let r = 0; r < CLI_RUNS; r++) {
      for (const workers of ['1', '2']) await timed(workers, () => runCli(dir, ['--workers', workers]));
      await timed('halves', async () => {
        const counts = await Promise.all(halves.map((half) => runCli(half, ['--workers', '1'], [...ALL_CORES_V8_FLAGS])));
        return counts[0] + counts[1];
      });
      if (withMarkdownlintCli2) {
        await timed('default', () => runCli(dir, []));
        await timed('markdownlintCli2', () => runMarkdownlintCli2(dir));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const filesPerSecond = { 1: median(rate[1]), 2: median(rate[2]) };
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const halvesRate = median(rate.halves);
  return {
    files, count: docs.length, bytes, filesPerSecond, speedup: filesPerSecond[2] / filesPerSecond[1],
    independentHalves: { filesPerSecond: halvesRate, speedup: halvesRate / filesPerSecond[1] },
    markdownlintCli2: withMarkdownlintCli2
      ? { filesPerSecond: median(rate.markdownlintCli2), cliOverMarkdownlintCli2: median(rate.default) / median(rate.markdownlintCli2) }
      : undefined,
  };
}

/** The CLI runs: on generated files, and on copies of the real corpus where it is present. */
async function measureClis(): Promise<CliResult[]> {
  const results = [await measureCli('generated', generateCorpusLike(CLI_FILES).map((text, i) => ({ name: `${String(i).padStart(5, '0')}.md`, text })))];
  if (corpusAvailable) {
    const corpus = readdirSync(CORPUS).filter((name) => name.endsWith('.md')).sort().map((name) => ({ name, text: readCorpus(name) }));
    const copies = Array.from({ length: CLI_FILES }, (_, i) => ({ name: `${String(i).padStart(5, '0')}-${corpus[i % corpus.length].name}`, text: corpus[i % corpus.length].text }));
    results.push(await measureCli('corpus copies', copies, true));
  } else {
    console.log(`(no corpus at ${CORPUS}: the CLI runs on generated files only)`);
  }
  for (const cli of results) {
    console.log(`cli on ${cli.count} files (${cli.files}, ${(cli.bytes / cli.count / 1024).toFixed(1)} KB on average): 1 worker ${cli.filesPerSecond[1].toFixed(0)} files/s, 2 workers ${cli.filesPerSecond[2].toFixed(0)} files/s (${cli.speedup.toFixed(2)}x); ceiling, 2 independent processes on the halves: ${cli.independentHalves.filesPerSecond.toFixed(0)} files/s (${cli.independentHalves.speedup.toFixed(2)}x)`);
    if (cli.markdownlintCli2) {
      console.log(`markdownlint-cli2 on the same ${cli.count} files: ${cli.markdownlintCli2.filesPerSecond.toFixed(0)} files/s; the CLI's default run (every core) ${cli.markdownlintCli2.cliOverMarkdownlintCli2.toFixed(2)}x its files per second (goal: at least 2x)`);
    }
  }
  return results;
}

async function main(): Promise<void> {
  // The bundles as they ship (minified, as `npm run package` builds them); `npm run build` restores the dev ones.
  const build = spawnSync('node', ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version,
    loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))), date: new Date().toISOString(), gcBetweenRuns: Boolean((globalThis as { gc?: unknown }).gc),
  };
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`);
  if (cliOnly) {
    await measureClis();
    console.log('(--cli-only: bench/results.json is left as it was)');
    return;
  }
  if (indexOnly) {
    printIndexResult(await measureIndex(INDEX_FILES));
    console.log('(--index-only: bench/results.json is left as it was)');
    return;
  }
  // Warm the JIT on a mid-size document so the first size measured is not the one that pays for it.
  const warm = generatePostmortem(quick ? 200 : 2000).text;
  for (let i = 0; i < 2; i++) {
    bare.parse(warm);
    withPlugins.parse(warm);
    fullAnalysis(warm);
    markdownlint({ strings: { doc: warm } });
  }
  const sizes: SizeResult[] = [];
  for (const entries of SIZES) {
    const result = measureInProcess(entries);
    const server = await measureServer(entries, Math.max(5, Math.min(RUNS[entries], 9)));
    sizes.push({ ...result, serverRoundTripMs: server.roundTripMs });
    console.log(`${entries} entries (${(result.bytes / 1024).toFixed(0)} KB): a remark-parse ${ms(result.remarkParseMs)} ms, b analysis ${ms(result.analysisMs)} ms, c markdownlint ${ms(result.markdownlintMs)} ms, d re-analysis ${ms(result.reanalysisMs)} ms, e server round trip ${ms(server.roundTripMs)} ms; b/a ${result.ratios.analysisOverParse.toFixed(2)}, b/c ${result.ratios.analysisOverMarkdownlint.toFixed(2)}, d/a ${result.ratios.reanalysisOverParse.toFixed(3)}`);
  }
  const largest = SIZES[SIZES.length - 1];
  // Memory over a typing session: 20 edits, each followed by the analysis round trip; the peak counts.
  const memory = await measureServer(largest, 20);
  console.log(`server memory with the ${largest}-entry document open: ${memory.rssMB.toFixed(0)} MB resident right after the edits (peak ${memory.peakMB.toFixed(0)} MB), ${memory.settledMB.toFixed(0)} MB once idle`);
  const cli = await measureClis();
  const index = await measureIndex(INDEX_FILES);
  printIndexResult(index);
  const results = { machine: { ...machine, loadAverageAtEnd: loadavg().map((n) => Number(n.toFixed(2))) }, quick, sizes, server: { entries: largest, rssMB: memory.rssMB, peakRssMB: memory.peakMB, settledRssMB: memory.settledMB }, cli, index };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\n| entries | size | a remark-parse | b analysis | c markdownlint | d re-analysis | e server round trip | b/a | b/c | d/a |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of sizes) {
    console.log(`| ${s.entries.toLocaleString('en')} | ${(s.bytes / 1024).toFixed(0)} KB | ${ms(s.remarkParseMs)} ms | ${ms(s.analysisMs)} ms | ${ms(s.markdownlintMs)} ms | ${ms(s.reanalysisMs)} ms | ${s.serverRoundTripMs === null ? '–' : ms(s.serverRoundTripMs) + ' ms'} | ${s.ratios.analysisOverParse.toFixed(2)} | ${s.ratios.analysisOverMarkdownlint.toFixed(2)} | ${s.ratios.reanalysisOverParse.toFixed(3)} |`);
  }
  console.log('\nwrote bench/results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
