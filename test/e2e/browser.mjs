// Debian's Chromium driven by playwright-core. Flags: no sandbox (CI runs as root), no GPU, and
// nothing that phones home (the machine has no network beyond the package registries).
// chromium.launch() gives every run a fresh temporary profile (user-data-dir) of its own.
import path from 'node:path';
import { cleanEnv } from './cleanEnv.mjs';
import { TIMEOUTS, VIEWPORT } from './config.mjs';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(playwright, executablePath, tmpRoot) {
  return playwright.chromium.launch({
    executablePath,
    args: ARGS,
    // Chromium's crash reporter writes under $XDG_CONFIG_HOME/chromium whatever the profile: keep
    // it in the throwaway dir rather than the user's home.
    env: { ...cleanEnv(), XDG_CONFIG_HOME: path.join(tmpRoot, 'chromium-config'), XDG_CACHE_HOME: path.join(tmpRoot, 'chromium-cache') },
    headless: true,
    timeout: 60_000,
    // The runner's own signal handlers close the browser and code-server and print the summary.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/**
 * A fresh context per scenario (no storage shared between scenarios), tracing from the start so
 * that a failure can be replayed with `npx playwright show-trace`.
 */
export async function newScenarioPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(TIMEOUTS.ui);
  await context.tracing.start({ screenshots: true, snapshots: true });
  const page = await context.newPage();
  return { context, page };
}
