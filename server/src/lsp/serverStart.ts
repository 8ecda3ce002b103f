// dist/server.js: starts the language server (dist/serverMain.js) from V8's code cache of it when there
// is one, so that a start does not compile again what the last one compiled (a fifth of a start on a
// slow machine). The cache is this user's (in their cache folder), one file per bundle, Node version and
// V8 flags, written once the server has answered its first requests (so that it holds the functions they
// compiled, which a cache made before running would not) or when it exits, whichever comes first.
// Anything wrong with it: the server starts as it would without; a cache V8 rejects is written again.
// POSTMORTEM_NO_CODE_CACHE=1 turns it off. Node builtins only: this file is loaded before anything else.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';

const MAIN = join(__dirname, 'serverMain.js');
/** By then a client has initialized the server and asked for its first answers. */
const WRITE_AFTER_MS = 5000;
/** Caches kept (bundles, Node versions, flags): the newest; older ones are deleted when one is written. */
const KEEP = 4;
const PREFIX = 'server-';
const SUFFIX = '.v8cache';

function cacheFolder(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'postmortem-writer');
}

/** Writes the cache beside its place, then renames it there (a reader never sees half of it); keeps the newest few. */
function writeCache(folder: string, file: string, script: Script): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
    const caches = readdirSync(folder).filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX)).map((name) => join(folder, name));
    const newestFirst = caches.map((path) => ({ path, time: statSync(path).mtimeMs })).sort((a, b) => b.time - a.time);
    for (const { path } of newestFirst.slice(KEEP)) unlinkSync(path);
  } catch {
    // No cache this time: the next start compiles, as it would without one.
  }
}

function start(): void {
  if (process.env.POSTMORTEM_NO_CODE_CACHE) {
    require(MAIN);
    return;
  }
  const source = readFileSync(MAIN, 'utf8');
  // V8 checks the source's length and its own version and flags; the key tells bundles of one length apart.
  const key = createHash('sha256').update(`${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0`).update(source).digest('hex').slice(0, 24);
  const folder = cacheFolder();
  const file = join(folder, `${PREFIX}${key}${SUFFIX}`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: MAIN, cachedData });
  const main = new Module(MAIN, module);
  main.filename = MAIN;
  main.loaded = true;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  if (!cachedData || script.cachedDataRejected) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeCache(folder, file, script);
    };
    setTimeout(write, WRITE_AFTER_MS).unref();
    process.once('exit', write);
  }
  run(main.exports, Module.createRequire(MAIN), main, MAIN, __dirname);
}

start();
