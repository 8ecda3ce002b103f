// Context keys the Postmortems views set for package.json's `when` clauses. Pure (no vscode), so
// that the manifest's clauses can be checked against them in the unit tests.

/**
 * True once the server's first scan is over. The views' welcome ("No postmortems in this workspace
 * yet.") waits for it. It is a positive key on purpose: until the extension has started, every key
 * is undefined, and a welcome on `!scanning` showed in a workspace full of postmortems for as long
 * as the language server took to start.
 */
export const INDEX_SCANNED_CONTEXT = 'postmortem.indexScanned';
