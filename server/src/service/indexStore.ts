// The incident index on disk (in the editor's workspace storage): what each file was (mtime, size)
// and what it gave, so that a reopened workspace answers at once and re-reads only what changed. One
// JSON file, versioned, written atomically; a corrupt or foreign one is ignored, never trusted.
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { IndexedPostmortem } from '../features/indexEntry';

export const INDEX_STORE_VERSION = 2;
const STORE_FILE = 'incident-index.json';
const TOOL = 'postmortem-writer';

/** A file as last read: null `indexed` when it is not a postmortem. */
export interface StoredFile {
  uri: string;
  mtime: number;
  size: number;
  indexed: IndexedPostmortem | null;
}

export interface StoredIndex {
  tool: typeof TOOL;
  version: typeof INDEX_STORE_VERSION;
  /** The day (YYYY-MM-DD) it was written: overdue items change with the date. */
  day: string;
  /** Each workspace folder's settings (a hash): files read with other settings are read again. */
  settings: Record<string, string>;
  files: StoredFile[];
}

export function storeFile(folder: string): string {
  return join(folder, STORE_FILE);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isStoredFile(value: unknown): value is StoredFile {
  if (!isRecord(value) || typeof value.uri !== 'string' || typeof value.mtime !== 'number' || typeof value.size !== 'number') return false;
  const indexed = value.indexed;
  if (indexed === null) return true;
  return isRecord(indexed) && isRecord(indexed.entry) && indexed.entry.uri === value.uri && typeof indexed.timeline === 'string';
}

/** Why a parsed store cannot be used, or null when it can. */
function problemWith(data: unknown): string | null {
  if (!isRecord(data) || data.tool !== TOOL) return 'not an index this extension wrote';
  if (data.version !== INDEX_STORE_VERSION) return `version ${String(data.version)}, expected ${INDEX_STORE_VERSION}`;
  if (typeof data.day !== 'string' || !isRecord(data.settings) || !Array.isArray(data.files)) return 'its shape is wrong';
  if (!data.files.every(isStoredFile)) return 'a file record is malformed';
  return null;
}

/** The stored index, or null (no file; or a corrupt or foreign one, logged). */
export async function loadIndexStore(folder: string, warn: (message: string) => void): Promise<StoredIndex | null> {
  const file = storeFile(folder);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const data: unknown = JSON.parse(text);
    const problem = problemWith(data);
    if (problem === null) return data as StoredIndex;
    warn(`postmortem: ignoring the stored incident index ${file}: ${problem}`);
  } catch (error) {
    warn(`postmortem: ignoring the stored incident index ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return null;
}

/** Files serialized and written at a time, with a yield between: thousands at once would hold up requests. */
const FILES_PER_SLICE = 200;

/**
 * Writes the store beside itself, slice by slice (never the whole JSON in memory at once), then renames
 * it into place: a reader never sees half of it.
 */
export async function saveIndexStore(folder: string, { files, ...rest }: Omit<StoredIndex, 'tool' | 'version'>): Promise<void> {
  await mkdir(folder, { recursive: true });
  const file = storeFile(folder);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      const head = JSON.stringify({ tool: TOOL, version: INDEX_STORE_VERSION, ...rest });
      await handle.write(`${head.slice(0, -1)},"files":[`);
      for (let i = 0; i < files.length; i += FILES_PER_SLICE) {
        const slice = files.slice(i, i + FILES_PER_SLICE).map((stored) => JSON.stringify(stored)).join(',');
        await handle.write(i === 0 ? slice : `,${slice}`);
        await yieldToRequests();
      }
      await handle.write(']}');
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
