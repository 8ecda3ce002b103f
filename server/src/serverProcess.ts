// How the language server's Node process is started: by the extension (client/src/client.ts) and by
// `npm run bench`, which measures the server as the extension runs it.

/**
 * V8 flags for the server. By default V8 gives the young generation 32 MB and lets the heap grow to
 * several times what is alive before collecting it; with a 1.2 MB postmortem open (about 35 MB alive)
 * that took the server past 200 MB resident while one typed. A smaller young generation and shorter
 * steps of heap growth keep it under 150 MB, for collections that come more often (see README,
 * Performance). Editors that start `dist/server.js` themselves can pass the same flags to node.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=30'];
