// One file's text as the incident index holds it (the server's index and the CLI's `report` alike):
// analysed with its settings, and when it is a postmortem, its entry and its timeline's words.
import { analyzeDocument } from '../core/analyze';
import type { Settings } from '../core/config';
import { indexedPostmortem, type IndexedFileInfo, type IndexedPostmortem } from '../features/indexEntry';

export type { IndexedPostmortem };

/**
 * `path`: the file's absolute path (discovery reads it); `file.path`: how the entry names it.
 * `explicit`: named by the user, so indexed whatever it looks like. Null: not a postmortem, or not text.
 */
export function indexText(text: string, path: string, file: IndexedFileInfo, settings: Settings, now: Date, explicit = false): IndexedPostmortem | null {
  // NUL bytes: not a text file.
  if (text.includes('\0')) return null;
  const model = analyzeDocument(text, settings, path, explicit);
  return model.isPostmortem ? indexedPostmortem(model, settings, now, file) : null;
}

/**
 * A copy of an entry made on the server's thread that holds nothing of the file's text. Its strings
 * (the title, a moment's "09:00 UTC on March 10, 2024", an item) are slices of the text, and V8 keeps
 * the whole text for a slice: the index would keep every file it read here, and an open document's
 * older versions. Entries from a scan process arrive as new strings and need no copy.
 */
export function heldApart(indexed: IndexedPostmortem | null): IndexedPostmortem | null {
  return indexed && structuredClone(indexed);
}
