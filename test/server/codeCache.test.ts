// The server's start from V8's code cache (server/src/lsp/serverStart.ts, dist/server.js): written to
// the user's cache folder when there is none, used as it is the next time, written again when V8
// rejects it, never in the way of a start; and not at all with POSTMORTEM_NO_CODE_CACHE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { TestServer } from './lspClient';

const SERVER = [join(ROOT, 'dist', 'server.js'), '--stdio'];

/** Starts the server with `env`, checks it answers, and stops it (the cache is written at the latest as it exits). */
async function startAndStop(workspace: string, env: Record<string, string>): Promise<void> {
  const server = new TestServer(workspace, SERVER, env);
  try {
    const result = (await server.initialize()) as { capabilities: Record<string, unknown> };
    assert.ok(result.capabilities.hoverProvider, 'the server answers initialize');
  } finally {
    await server.shutdown();
  }
}

const cachesIn = (home: string) => {
  const folder = join(home, 'postmortem-writer');
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.v8cache')).map((name) => join(folder, name)) : [];
};

test('the code cache is written on a first start, used as it is on the next, written again when V8 rejects it', async () => {
  const base = mkdtempSync(join(tmpdir(), 'postmortem-code-cache-'));
  const workspace = join(base, 'ws');
  const home = join(base, 'cache');
  mkdirSync(workspace);
  try {
    await startAndStop(workspace, { XDG_CACHE_HOME: home });
    const [cache] = cachesIn(home);
    assert.ok(cache, 'written on the first start');
    assert.equal(statSync(join(home, 'postmortem-writer')).mode & 0o777, 0o700, 'a folder of this user only');
    const written = readFileSync(cache);
    assert.ok(written.length > 100_000, `a cache of the whole bundle (${written.length} bytes)`);
    const writtenAt = statSync(cache).mtimeMs;

    await startAndStop(workspace, { XDG_CACHE_HOME: home });
    assert.deepEqual(cachesIn(home), [cache]);
    assert.equal(statSync(cache).mtimeMs, writtenAt, 'accepted: not written again');

    writeFileSync(cache, 'not a code cache');
    await startAndStop(workspace, { XDG_CACHE_HOME: home });
    assert.ok(readFileSync(cache).length > 100_000, 'rejected, so written again');

    const off = join(base, 'off');
    await startAndStop(workspace, { XDG_CACHE_HOME: off, POSTMORTEM_NO_CODE_CACHE: '1' });
    assert.deepEqual(cachesIn(off), []);

    // A cache folder that cannot be made (a file stands in its place): the server starts all the same.
    const blocked = join(base, 'blocked');
    writeFileSync(blocked, '');
    await startAndStop(workspace, { XDG_CACHE_HOME: blocked });
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
