// The incident index on disk (in the editor's workspace storage): what each file was (mtime, size)
// and what it gave, so that a reopened workspace answers at once and re-reads only what changed.
// Three files, versioned, each written atomically: the entries without their lifecycle and action items
// (JSON: what `postmortem/index` lists, which a reopened workspace needs at once); those details, which
// the Action Items view, tooltips and the figures by owner need next; and the timelines' words, which
// only workspace/symbol needs and which are most of the bytes. The last two are JSON Lines, one file
// a line, read after the first answer a slice of lines at a time: one JSON.parse of all of them would
// hold the thread while the first answer still waits to be written to the client. A corrupt or foreign
// file is ignored, never trusted.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { IncidentIndexDetails, IncidentIndexEntry, IncidentIndexRow } from '../protocol';
import { indexRow, type IndexedPostmortem } from '../features/indexEntry';

export const INDEX_STORE_VERSION = 6;
const STORE_FILE = 'incident-index.json';
const DETAILS_FILE = 'incident-details.json';
const TIMELINES_FILE = 'incident-timelines.json';
const TOOL = 'postmortem-writer';

/** A file as last read: null `indexed` when it is not a postmortem. */
export interface StoredFile {
  uri: string;
  mtime: number;
  size: number;
  indexed: IndexedPostmortem | null;
}

/** The stored index as written: entries without their details and timelines. */
interface WrittenFile {
  uri: string;
  mtime: number;
  size: number;
  entry: IncidentIndexRow | null;
}

export interface StoredIndex {
  /** The day (YYYY-MM-DD) it was written: overdue items change with the date. */
  day: string;
  /** Each workspace folder's settings (a hash): files read with other settings are read again. */
  settings: Record<string, string>;
  /** As loaded, with no lifecycle and action items until `loadDetails` gives them, and empty timelines until `loadTimelines` does. */
  files: StoredFile[];
  /** Names the details and timelines files written with it: others (from a save cut short) are not used. */
  id: string;
}

export function storeFile(folder: string): string {
  return join(folder, STORE_FILE);
}

export function timelinesFile(folder: string): string {
  return join(folder, TIMELINES_FILE);
}

export function detailsFile(folder: string): string {
  return join(folder, DETAILS_FILE);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isWrittenFile(value: unknown): value is WrittenFile {
  if (!isRecord(value) || typeof value.uri !== 'string' || typeof value.mtime !== 'number' || typeof value.size !== 'number') return false;
  return value.entry === null || (isRecord(value.entry) && value.entry.uri === value.uri);
}

/** Why a parsed file cannot be used, or null when it can. */
function problemWith(data: unknown, shapeIsRight: (data: Record<string, unknown>) => boolean): string | null {
  if (!isRecord(data) || data.tool !== TOOL) return 'not an index this extension wrote';
  if (data.version !== INDEX_STORE_VERSION) return `version ${String(data.version)}, expected ${INDEX_STORE_VERSION}`;
  if (!shapeIsRight(data)) return 'its shape is wrong';
  return null;
}

const isIndex = (data: Record<string, unknown>) =>
  typeof data.day === 'string' && isRecord(data.settings) && typeof data.id === 'string' && Array.isArray(data.files) && data.files.every(isWrittenFile);
const isLinesHead = (data: Record<string, unknown>) => typeof data.id === 'string';
const isTimelineLine = (line: unknown): line is [string, string] => Array.isArray(line) && line.length === 2 && typeof line[0] === 'string' && typeof line[1] === 'string';
/** `[uri, lifecycle, actionItems]`: their items are the entry's own, as written. */
const isDetailsLine = (line: unknown): line is [string, IncidentIndexEntry['lifecycle'], IncidentIndexEntry['actionItems']] =>
  Array.isArray(line) && line.length === 3 && typeof line[0] === 'string' && Array.isArray(line[1]) && line[1].every(isRecord) && Array.isArray(line[2]) && line[2].every(isRecord);

/** A stored file's bytes, or null when there is none. */
async function readBytes(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

/** Parsed and checked JSON, or null (a corrupt or foreign file, logged). */
function parseChecked(file: string, text: string, shapeIsRight: (data: Record<string, unknown>) => boolean, warn: (message: string) => void): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(text);
    const problem = problemWith(data, shapeIsRight);
    if (problem === null) return data as Record<string, unknown>;
    warn(`postmortem: ignoring the stored incident index ${file}: ${problem}`);
  } catch (error) {
    warn(`postmortem: ignoring the stored incident index ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return null;
}

/** A stored file parsed and checked, or null (none; or a corrupt or foreign one, logged). */
async function readChecked(file: string, shapeIsRight: (data: Record<string, unknown>) => boolean, warn: (message: string) => void): Promise<Record<string, unknown> | null> {
  const bytes = await readBytes(file);
  // Decoded whole: readFile's own 'utf8' decodes chunk by chunk, several times slower on megabytes.
  return bytes && parseChecked(file, bytes.toString('utf8'), shapeIsRight, warn);
}

/**
 * The stored index without its details (empty lifecycles and action items) and timelines (empty
 * strings), or null (none, corrupt or foreign: logged).
 */
export async function loadIndexStore(folder: string, warn: (message: string) => void): Promise<StoredIndex | null> {
  const data = await readChecked(storeFile(folder), isIndex, warn);
  if (!data) return null;
  const written = data.files as WrittenFile[];
  return {
    day: data.day as string,
    settings: data.settings as Record<string, string>,
    id: data.id as string,
    files: written.map(({ uri, mtime, size, entry }) => ({ uri, mtime, size, indexed: entry && { entry: Object.assign(entry, { lifecycle: [], actionItems: [] }), timeline: '' } })),
  };
}

/** Lines of a JSON Lines file parsed between two yields. */
const LINES_PER_SLICE = 500;
const NEWLINE = 0x0a;

/** The details written with `store`, by URI; null when there are none that belong to it (logged when corrupt). */
export async function loadDetails(folder: string, store: StoredIndex, warn: (message: string) => void): Promise<Map<string, IncidentIndexDetails> | null> {
  return loadLines(detailsFile(folder), store, { isLine: isDetailsLine, what: "a file's lifecycle and action items" }, ([uri, lifecycle, actionItems]) => [uri, { uri, lifecycle, actionItems }], warn);
}

/** The timelines written with `store`, by URI; null when there are none that belong to it (logged when corrupt). */
export function loadTimelines(folder: string, store: StoredIndex, warn: (message: string) => void): Promise<Map<string, string> | null> {
  return loadLines(timelinesFile(folder), store, { isLine: isTimelineLine, what: "a file's timeline" }, (pair) => pair, warn);
}

/** A JSON Lines file written with `store`: its lines checked by `isLine`, by URI; null when it is none of `store`'s or corrupt (logged, saying a line is not `what` it should be). */
async function loadLines<L, T>(file: string, store: StoredIndex, lines: { isLine: (line: unknown) => line is L; what: string }, keyed: (line: L) => [string, T], warn: (message: string) => void): Promise<Map<string, T> | null> {
  const bytes = await readBytes(file);
  if (!bytes) return null;
  const headEnd = bytes.indexOf(NEWLINE);
  const head = parseChecked(file, bytes.toString('utf8', 0, headEnd < 0 ? bytes.length : headEnd), isLinesHead, warn);
  if (!head || head.id !== store.id) return null;
  const byUri = new Map<string, T>();
  let start = headEnd + 1;
  for (let count = 0; headEnd >= 0 && start < bytes.length; count++) {
    if (count > 0 && count % LINES_PER_SLICE === 0) await yieldToRequests();
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 ? bytes.length : newline;
    // A file of no entries has an empty line between its head and its end.
    if (end === start) {
      start = end + 1;
      continue;
    }
    let line: unknown;
    try {
      line = JSON.parse(bytes.toString('utf8', start, end));
    } catch {
      line = null;
    }
    if (!lines.isLine(line)) {
      warn(`postmortem: ignoring the stored incident index ${file}: line ${count + 2} is not ${lines.what}`);
      return null;
    }
    const [uri, value] = keyed(line);
    byUri.set(uri, value);
    start = end + 1;
  }
  return byUri;
}

/** Files serialized and written at a time, with a yield between: thousands at once would hold up requests. */
const FILES_PER_SLICE = 200;

/** How a file's items are written: what opens it, what goes between two items, what closes it. */
interface Layout {
  opening: string;
  separator: string;
  closing: string;
}

/** `head` as a JSON object whose last key `key` is the array of the items. */
const jsonArrayIn = (head: Record<string, unknown>, key: string): Layout =>
  ({ opening: `${JSON.stringify(head).slice(0, -1)},${JSON.stringify(key)}:[`, separator: ',', closing: ']}' });
/** JSON Lines: `head` on the first line, an item a line. */
const jsonLinesAfter = (head: Record<string, unknown>): Layout => ({ opening: `${JSON.stringify(head)}\n`, separator: '\n', closing: '\n' });

/**
 * Writes `items` in `layout`, slice by slice (never the whole file in memory at once), beside `file`,
 * then renames it into place: a reader never sees half of it.
 */
async function writeAtomically<T>(file: string, layout: Layout, items: readonly T[], json: (item: T) => string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.write(layout.opening);
      for (let i = 0; i < items.length; i += FILES_PER_SLICE) {
        const slice = items.slice(i, i + FILES_PER_SLICE).map(json).join(layout.separator);
        await handle.write(i === 0 ? slice : `${layout.separator}${slice}`);
        await yieldToRequests();
      }
      await handle.write(layout.closing);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes the details and the timelines, then the entries naming them: a save cut short before the
 * last leaves files that do not match, never a wrong set.
 */
export async function saveIndexStore(folder: string, { day, settings, files }: Omit<StoredIndex, 'id'>): Promise<void> {
  await mkdir(folder, { recursive: true });
  const id = randomUUID();
  const head = { tool: TOOL, version: INDEX_STORE_VERSION, id };
  const indexed = files.flatMap((file) => (file.indexed ? [{ uri: file.uri, ...file.indexed }] : []));
  await writeAtomically(detailsFile(folder), jsonLinesAfter(head), indexed, ({ uri, entry }) => JSON.stringify([uri, entry.lifecycle, entry.actionItems]));
  await writeAtomically(timelinesFile(folder), jsonLinesAfter(head), indexed, ({ uri, timeline }) => JSON.stringify([uri, timeline]));
  await writeAtomically(storeFile(folder), jsonArrayIn({ tool: TOOL, version: INDEX_STORE_VERSION, day, settings, id }, 'files'), files,
    ({ uri, mtime, size, indexed: read }) => JSON.stringify({ uri, mtime, size, entry: read ? indexRow(read.entry) : null } satisfies WrittenFile));
}
