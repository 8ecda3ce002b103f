// One base config spread into each bundle: the extension (vscode is provided by the host),
// the language server (self-contained) and the CLI (same core, own entry point).
import * as esbuild from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * Node bundles as ASCII only. esbuild escapes non-ASCII characters in strings but leaves them in regular
 * expressions ("–", "’" in the time and title patterns), and one such character makes V8 hold the whole
 * bundle's source as a two-byte string: twice its size, in the server, each scan process and each CLI
 * thread. Escaped as \uXXXX (surrogate halves one by one), each reads the same in a regular expression,
 * a string, or the String.raw sources of patterns.
 */
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd(async (result) => {
      const file = build.initialOptions.outfile;
      if (result.errors.length || !file) return;
      const code = await readFile(file, 'utf8');
      const ascii = code.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
      if (ascii !== code) await writeFile(file, ascii);
    });
  },
};

/** @type {esbuild.BuildOptions} */
const base = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // ESM dependencies (fdir, via tinyglobby) read import.meta.url, which CommonJS bundles lack.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  // jsonc-parser's UMD build requires its parts at run time, which a bundle cannot follow: take its ESM build.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  plugins: [asciiOnly],
};

const builds = [
  { ...base, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The language server's start (Node builtins only): dist/serverMain.js from V8's code cache of it.
  { ...base, entryPoints: ['server/src/lsp/serverStart.ts'], outfile: 'dist/server.js', external: ['./serverMain.js'] },
  { ...base, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/serverMain.js' },
  // The `postmortem-language-server` command: sets the stdio transport, then loads dist/server.js.
  { ...base, entryPoints: ['server/src/lsp/languageServerBin.ts'], outfile: 'dist/language-server.js', external: ['./server.js'], banner: { js: '#!/usr/bin/env node' } },
  // The preview's HTML rendering on its own thread (started by the server for large documents).
  { ...base, entryPoints: ['server/src/service/renderWorker.ts'], outfile: 'dist/renderWorker.js' },
  // The incident index's scans on worker threads (started by the server for large workspaces).
  { ...base, entryPoints: ['server/src/service/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  { ...base, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${base.banner.js}` } },
  // The preview page's own script: for the browser, no Node globals, loaded with the page's nonce.
  { ...base, entryPoints: ['preview-src/index.ts'], outfile: 'dist/preview.js', platform: 'browser', format: 'iife', target: 'es2022', define: {}, banner: {}, plugins: [] },
  // The incident dashboard page's script, the same way.
  { ...base, entryPoints: ['preview-src/dashboard.ts'], outfile: 'dist/dashboard.js', platform: 'browser', format: 'iife', target: 'es2022', define: {}, banner: {}, plugins: [] },
];

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
