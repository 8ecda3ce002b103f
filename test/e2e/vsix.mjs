// The extension under test is the packaged .vsix, exactly what a user installs, not the dev folder.
import fs from 'node:fs';
import { REPO_ROOT, SKIP_PACKAGE, VSIX } from './config.mjs';
import { log, run } from './exec.mjs';

export async function buildVsix() {
  if (SKIP_PACKAGE) {
    log(`using prebuilt ${VSIX}`);
  } else {
    // A stale .vsix must not pass for a fresh one when packaging fails.
    fs.rmSync(VSIX, { force: true });
    log('npm run package');
    // The repo's own Node 20 toolchain, not code-server's Node 24.
    await run('npm', ['run', 'package'], { cwd: REPO_ROOT, logName: 'package' });
  }
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} does not exist after packaging`);
  return VSIX;
}
