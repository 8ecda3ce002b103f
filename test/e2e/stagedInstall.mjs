// Installs into the cache that are all or nothing. Each one fills a temporary folder, writes a
// marker file last, and only then is renamed into place; a folder is reused only with its marker.
// A run killed midway leaves a temporary folder, never a half-filled one under the final name,
// and the next run removes it.
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_DIR } from './config.mjs';
import { log } from './exec.mjs';

const MARKER = '.complete';
const TMP_PREFIX = '.tmp-';

/** Whether the installing process is still running (it may be a concurrent run of the tier). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Temporary folders named `.tmp-<name>.<pid>` of processes that no longer run. */
function removeLeftovers() {
  for (const entry of fs.readdirSync(CACHE_DIR)) {
    if (!entry.startsWith(TMP_PREFIX)) continue;
    const pid = Number(entry.slice(entry.lastIndexOf('.') + 1));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) continue;
    log(`removing ${entry}, left by an interrupted install`);
    fs.rmSync(path.join(CACHE_DIR, entry), { recursive: true, force: true });
  }
}

export function isInstalled(dir) {
  return fs.existsSync(path.join(dir, MARKER));
}

/**
 * `${CACHE_DIR}/${name}`, filled by `fill(tmpDir)` unless a complete copy is already there.
 * `fill` installs into the folder it is given: paths must not be taken from the final name before
 * this resolves.
 */
export async function stagedInstall(name, fill) {
  const dir = path.join(CACHE_DIR, name);
  if (isInstalled(dir)) {
    log(`${name}: cached in ${CACHE_DIR}`);
    return dir;
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  removeLeftovers();
  // Without its marker it is no install of ours (the rename is atomic): never reused.
  fs.rmSync(dir, { recursive: true, force: true });
  const tmp = path.join(CACHE_DIR, `${TMP_PREFIX}${name}.${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  try {
    await fill(tmp);
    fs.writeFileSync(path.join(tmp, MARKER), `${new Date().toISOString()}\n`);
    fs.renameSync(tmp, dir);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    // A concurrent run finished the same install first: use its copy.
    if (isInstalled(dir)) return dir;
    throw err;
  }
  log(`${name}: installed in ${CACHE_DIR}`);
  return dir;
}
