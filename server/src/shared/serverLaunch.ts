// How the language server's Node process is started: by the extension (client/src/client.ts) and by
// `npm run bench`, which measures the server as the extension runs it. Editors that start
// `dist/server.js` themselves can pass the same flags and variables. shared/ is what the client may
// import from the server's tree besides protocol.ts: this file imports nothing, so the extension's
// bundle takes in no server code.

/**
 * V8 flags for the server. By default V8 gives the young generation 32 MB and lets the heap grow to
 * several times what is alive before collecting it; with a 1.2 MB postmortem open (about 35 MB alive)
 * that took the server past 200 MB resident while one typed. A smaller young generation and shorter
 * steps of heap growth keep it under 150 MB, for collections that come more often (README, Performance).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=30'];

/**
 * Environment for the server. glibc's malloc raises its threshold for returning large blocks to the
 * system each time one is freed, so the megabytes of each large response (the outline or the analysis
 * of a 10,000-entry timeline) stayed resident; a fixed threshold gives them back (about 12 MB less at
 * the peak). Ignored where the C library is not glibc.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/**
 * V8 flags for a process whose threads take every core with bulk work: the CLI's lint run and the
 * incident index's scan processes. V8's own background threads (concurrent garbage collection,
 * optimizing compilation) can then only compete with them; and every thread compiles the same code
 * for itself, which a smaller inlining budget makes cheaper (measured in cli/relaunch.ts's comment).
 */
export const ALL_CORES_V8_FLAGS: readonly string[] = ['--single-threaded', '--max-inlined-bytecode-size-cumulative=300'];
