// The same scenarios as the e2e suite, through the extension API in VS Code's own test host
// (@vscode/test-electron). It needs to download VS Code; where that is impossible (machines that
// reach only package registries) it says so and skips rather than fails.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const ROOT = join(__dirname, '..', '..');

async function main(): Promise<number> {
  let executable: string;
  try {
    executable = await downloadAndUnzipVSCode({ version: 'stable', timeout: 30_000 });
  } catch (error) {
    console.log(`VS Code could not be downloaded here (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
    console.log('Skipping the @vscode/test-electron suite; the code-server suite (npm run test:e2e) covers the same scenarios.');
    console.log('0 passed, 0 failed, 4 skipped');
    return 0;
  }
  const out = mkdtempSync(join(tmpdir(), 'postmortem-vscode-'));
  await build({ entryPoints: [join(__dirname, 'suite.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], outfile: join(out, 'suite.js') });
  const workspace = join(out, 'workspace');
  cpSync(join(ROOT, 'test', 'fixtures', 'e2e-workspace'), workspace, { recursive: true });
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(out, 'suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
  return 0;
}

main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
