// --fix: the atomic write that puts a fixed file in place (service/lint.ts fixes the text).
import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Replaces a file's contents at once: a temporary file beside it, with its mode, renamed over it (a
 * reader never sees half a file, and a failed write leaves the original as it was).
 */
export function writeFileAtomically(path: string, text: string): void {
  const { mode } = statSync(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${threadId}.postmortem-fix`);
  try {
    writeFileSync(temporary, text, { mode });
    // The umask may have taken bits off the mode given above.
    chmodSync(temporary, mode & 0o7777);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // never created
    }
    throw error;
  }
}
