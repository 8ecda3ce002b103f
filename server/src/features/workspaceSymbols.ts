// workspace/symbol over the incident index: incidents by their title, timeline entries by their words.
// Fuzzy-ish and case-insensitive: a title matches when the query's letters appear in it in order; an
// entry when each of the query's words appears in it.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import { unpackTimeline, type IndexedPostmortem } from './indexEntry';

/** Enough for a picker; more only slows the client. */
const MAX_SYMBOLS = 200;
const MAX_ENTRY_NAME = 120;

function inOrder(haystack: string, letters: string): boolean {
  let at = 0;
  for (const letter of letters) {
    at = haystack.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

const lineRange = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });

export function workspaceSymbols(postmortems: readonly IndexedPostmortem[], query: string): SymbolInformation[] {
  const wanted = query.trim().toLowerCase();
  const letters = wanted.replace(/\s+/g, '');
  const words = wanted.split(/\s+/).filter(Boolean);
  // Each word as a case-insensitive test of a whole timeline: most postmortems are ruled out without
  // splitting their timeline into entries.
  const wordTests = words.map((word) => new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));
  const titles: SymbolInformation[] = [];
  const entries: SymbolInformation[] = [];
  const sorted = [...postmortems].sort((a, b) => a.entry.path.localeCompare(b.entry.path));
  for (const { entry, timeline } of sorted) {
    const title = entry.title ?? entry.path;
    if (inOrder(title.toLowerCase(), letters)) {
      titles.push({ name: title, kind: SymbolKind.File, location: { uri: entry.uri, range: lineRange(0) }, containerName: entry.path });
    }
    if (words.length === 0 || !wordTests.every((wordTest) => wordTest.test(timeline))) continue;
    for (const timelineEntry of unpackTimeline(timeline)) {
      const text = timelineEntry.text.toLowerCase();
      if (!words.every((word) => text.includes(word))) continue;
      const name = timelineEntry.text.length > MAX_ENTRY_NAME ? `${timelineEntry.text.slice(0, MAX_ENTRY_NAME - 1)}…` : timelineEntry.text;
      entries.push({ name, kind: SymbolKind.Event, location: { uri: entry.uri, range: lineRange(timelineEntry.line) }, containerName: title });
    }
  }
  return [...titles, ...entries].slice(0, MAX_SYMBOLS);
}
