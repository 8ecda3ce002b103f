// Shared test helpers: analysing in-memory documents, finding the corpus.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSnapshot } from 'node:v8';
import { analyzeDocument } from '../server/src/core/analyze';
import type { Settings } from '../server/src/core/config';
import { defaultSettings, readSettings } from '../server/src/rules/settings';
import type { PostmortemModel } from '../server/src/core/model';
import { computeDiagnostics } from '../server/src/features/diagnostics';

export const ROOT = join(__dirname, '..');
export const CORPUS = join(ROOT, '..', 'shared', 'corpus');
export const FIXTURES = join(__dirname, 'fixtures');

export const corpusAvailable = existsSync(join(CORPUS, 'index.tsv'));
/** Why corpus tests skip on a user's clone, where ../shared/corpus is absent (CI always has it). */
export const CORPUS_SKIP = corpusAvailable ? false : `corpus not found at ${CORPUS} (it sits beside the repo in CI)`;

export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

export function settingsWith(raw: Record<string, unknown> = {}): Settings {
  const { settings, problems } = readSettings(raw, defaultSettings());
  if (problems.length) throw new Error(problems.join('; '));
  return settings;
}

export function analyze(text: string, raw: Record<string, unknown> = {}): PostmortemModel {
  return analyzeDocument(text, settingsWith(raw), null, true);
}

export function diagnosticsOf(text: string, raw: Record<string, unknown> = {}) {
  const settings = settingsWith(raw);
  return computeDiagnostics(analyzeDocument(text, settings, null, true), settings);
}

export function codesOf(text: string, raw: Record<string, unknown> = {}): string[] {
  return diagnosticsOf(text, raw).map((diagnostic) => String(diagnostic.code));
}

export function readCorpus(file: string): string {
  return readFileSync(join(CORPUS, file), 'utf8');
}

export function readFixture(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

/** The clock as written ("14:05") of a model point or entry. */
export function clockOf(time: { hour: number; minute: number } | null | undefined): string | null {
  if (!time) return null;
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/**
 * Strings kept alive in this process that start with `prefix` and are at least `length` long: reachable
 * from the heap's roots by strong references (a heap snapshot collects garbage first, but can still list
 * a string only a weak cache of V8's refers to), in each of three snapshots a turn of the event loop
 * apart. The smallest count: a string held for a moment by work still finishing is not kept.
 */
export async function liveStrings(prefix: string, length: number): Promise<number> {
  let fewest = Infinity;
  for (let snapshot = 0; snapshot < 3 && fewest > 0; snapshot++) {
    await new Promise((resolve) => setImmediate(resolve));
    fewest = Math.min(fewest, await stronglyReachedStrings(prefix, length));
  }
  return fewest;
}

async function stronglyReachedStrings(prefix: string, length: number): Promise<number> {
  // V8 keeps the subject of the last regular expression run (RegExp.lastMatch): make it this string.
  /^$/.test('');
  const chunks: string[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(String(chunk));
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
    nodes: number[];
    edges: number[];
    strings: string[];
  };
  const { node_fields: fields, node_types: [nodeTypes], edge_fields: edgeFields, edge_types: [edgeTypes] } = snapshot.snapshot.meta;
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((field) => fields.indexOf(field));
  const [edgeTypeAt, edgeToAt] = ['type', 'to_node'].map((field) => edgeFields.indexOf(field));
  const stringType = nodeTypes.indexOf('string');
  const weak = edgeTypes.indexOf('weak');
  const { nodes, edges } = snapshot;
  // Each node's first edge, then a walk from the root (node 0) along the strong edges.
  const nodeCount = nodes.length / fields.length;
  const firstEdge = new Uint32Array(nodeCount + 1);
  for (let n = 0; n < nodeCount; n++) firstEdge[n + 1] = firstEdge[n] + nodes[n * fields.length + edgeCountAt] * edgeFields.length;
  const reached = new Uint8Array(nodeCount);
  const stack = [0];
  reached[0] = 1;
  while (stack.length) {
    const n = stack.pop() as number;
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += edgeFields.length) {
      if (edges[e + edgeTypeAt] === weak) continue;
      const to = edges[e + edgeToAt] / fields.length;
      if (!reached[to]) {
        reached[to] = 1;
        stack.push(to);
      }
    }
  }
  let found = 0;
  for (let n = 0; n < nodeCount; n++) {
    const at = n * fields.length;
    if (!reached[n] || nodes[at + typeAt] !== stringType || nodes[at + sizeAt] < length) continue;
    if (snapshot.strings[nodes[at + nameAt]].startsWith(prefix)) found++;
  }
  return found;
}
