// The incident index on disk (in the editor's workspace storage): what each file was (mtime, size)
// and what it gave, so that a reopened workspace answers at once and re-reads only what changed.
// Two files, versioned, each written atomically: the entries (JSON), which a reopened workspace needs
// at once, and the timelines' words, which only workspace/symbol needs and which are most of the
// bytes (read after the first answer). The timelines are JSON Lines, one file a line, read a slice of
// lines at a time: one JSON.parse of all of them would hold the thread while the first answer still
// waits to be written to the client. A corrupt or foreign file is ignored, never trusted.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { IncidentIndexEntry } from '../protocol';
import type { IndexedPostmortem } from '../features/indexEntry';

export const INDEX_STORE_VERSION = 5;
const STORE_FILE = 'incident-index.json';
const TIMELINES_FILE = 'incident-timelines.json';
const TOOL = 'postmortem-writer';

/** A file as last read: null `indexed` when it is not a postmortem. */
export interface StoredFile {
  uri: string;
  mtime: number;
  size: number;
  indexed: IndexedPostmortem | null;
}

/** The stored index as written: entries without their timelines. */
interface WrittenFile {
  uri: string;
  mtime: number;
  size: number;
  entry: IncidentIndexEntry | null;
}

export interface StoredIndex {
  /** The day (YYYY-MM-DD) it was written: overdue items change with the date. */
  day: string;
  /** Each workspace folder's settings (a hash): files read with other settings are read again. */
  settings: Record<string, string>;
  /** As loaded, with empty timelines until `loadTimelines` fills them. */
  files: StoredFile[];
  /** Names the timelines file written with it: another one (from a save cut short) is not used. */
  timelines: string;
}

export function storeFile(folder: string): string {
  return join(folder, STORE_FILE);
}

export function timelinesFile(folder: string): string {
  return join(folder, TIMELINES_FILE);
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
  typeof data.day === 'string' && isRecord(data.settings) && typeof data.timelines === 'string' && Array.isArray(data.files) && data.files.every(isWrittenFile);
const isTimelinesHead = (data: Record<string, unknown>) => typeof data.id === 'string';
const isTimelinePair = (pair: unknown): pair is [string, string] => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string';

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

/** The stored index without its timelines (empty strings), or null (none, corrupt or foreign: logged). */
export async function loadIndexStore(folder: string, warn: (message: string) => void): Promise<StoredIndex | null> {
  const data = await readChecked(storeFile(folder), isIndex, warn);
  if (!data) return null;
  const written = data.files as WrittenFile[];
  return {
    day: data.day as string,
    settings: data.settings as Record<string, string>,
    timelines: data.timelines as string,
    files: written.map(({ uri, mtime, size, entry }) => ({ uri, mtime, size, indexed: entry && { entry, timeline: '' } })),
  };
}

/** Lines of the timelines file parsed between two yields. */
const LINES_PER_SLICE = 500;
const NEWLINE = 0x0a;

/** The timelines written with `store`, by URI; null when there are none that belong to it (logged when corrupt). */
export async function loadTimelines(folder: string, store: StoredIndex, warn: (message: string) => void): Promise<Map<string, string> | null> {
  const file = timelinesFile(folder);
  const bytes = await readBytes(file);
  if (!bytes) return null;
  const headEnd = bytes.indexOf(NEWLINE);
  const head = parseChecked(file, bytes.toString('utf8', 0, headEnd < 0 ? bytes.length : headEnd), isTimelinesHead, warn);
  if (!head || head.id !== store.timelines) return null;
  const timelines = new Map<string, string>();
  let start = headEnd + 1;
  for (let lines = 0; headEnd >= 0 && start < bytes.length; lines++) {
    if (lines > 0 && lines % LINES_PER_SLICE === 0) await yieldToRequests();
    const found = bytes.indexOf(NEWLINE, start);
    const end = found < 0 ? bytes.length : found;
    // A file of no entries has an empty line between its head and its end.
    if (end === start) {
      start = end + 1;
      continue;
    }
    let pair: unknown;
    try {
      pair = JSON.parse(bytes.toString('utf8', start, end));
    } catch {
      pair = null;
    }
    if (!isTimelinePair(pair)) {
      warn(`postmortem: ignoring the stored incident index ${file}: line ${lines + 2} is not a file's timeline`);
      return null;
    }
    timelines.set(pair[0], pair[1]);
    start = end + 1;
  }
  return timelines;
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

/** Writes the timelines, then the entries naming them: a save cut short between the two leaves a pair that does not match, never a wrong one. */
export async function saveIndexStore(folder: string, { day, settings, files }: Omit<StoredIndex, 'timelines'>): Promise<void> {
  await mkdir(folder, { recursive: true });
  const id = randomUUID();
  const withEntries = files.filter((file) => file.indexed !== null);
  await writeAtomically(timelinesFile(folder), jsonLinesAfter({ tool: TOOL, version: INDEX_STORE_VERSION, id }), withEntries,
    (file) => JSON.stringify([file.uri, file.indexed?.timeline ?? '']));
  await writeAtomically(storeFile(folder), jsonArrayIn({ tool: TOOL, version: INDEX_STORE_VERSION, day, settings, timelines: id }, 'files'), files,
    ({ uri, mtime, size, indexed }) => JSON.stringify({ uri, mtime, size, entry: indexed?.entry ?? null } satisfies WrittenFile));
}
