// --fix for one document: fix-all's safe fixes, keeping what the file is made of (a byte order mark,
// its line endings), and the atomic write that puts the result in place.
import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { analyzeDocument } from '../core/analyze';
import type { Settings } from '../core/config';
import { applyEdits, fixAllEdits } from '../features/fixAll';

const BOM = '\ufeff';

/** The text with fix-all's safe fixes applied; the same text when there is nothing to fix. */
export function fixText(text: string, settings: Settings, path: string | null, explicit: boolean): string {
  const bom = text.startsWith(BOM) ? BOM : '';
  const body = text.slice(bom.length);
  const model = analyzeDocument(body, settings, path, explicit);
  if (!model.isPostmortem) return text;
  const edits = fixAllEdits(model, settings, path);
  if (!edits.length) return text;
  // Fixes insert "\n": a file written with CRLF gets CRLF in what is inserted too.
  const crlf = /\r\n/.test(body) && !/(^|[^\r])\n/.test(body);
  const fixed = applyEdits(body, crlf ? edits.map((edit) => ({ ...edit, newText: edit.newText.replace(/\r?\n/g, '\r\n') })) : edits);
  return bom + fixed;
}

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
