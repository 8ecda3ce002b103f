#!/usr/bin/env node
// `npm run test:e2e`: package the extension, install what is missing, start code-server and
// Chromium, run the scenarios (a failed one again, RETRIES times, in a fresh workspace), shut
// everything down (also on failure or Ctrl+C), and print "N passed, N failed" as the last line,
// exiting non-zero on any failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, ONLY, RESULTS_DIR, RETRIES, TIMEOUTS } from './config.mjs';
import { log } from './exec.mjs';
import { ensureChromium, ensureCodeServer, loadPlaywright } from './install.mjs';
import { buildVsix } from './vsix.mjs';
import { installExtension, prepareDirs, startCodeServer } from './codeServer.mjs';
import { launchBrowser, newScenarioPage } from './browser.mjs';
import { copyWorkspace } from './workspace.mjs';
import { Workbench } from './workbench.mjs';
import { scenarios } from './scenarios.mjs';

const cleanups = [];
let cleaning = null;
let interrupted = false;
const counts = { passed: 0, failed: 0 };
/** Scenarios that passed only on a later try. */
const flaky = [];

/** Runs registered cleanups in reverse order, once, whatever happened before. */
function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        log(`cleanup: ${err.message}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: shutting down`);
    cleanup().finally(() => {
      // The interrupted scenario (or setup) counts as failed.
      process.stdout.write(`${counts.passed} passed, ${counts.failed + 1} failed\n`);
      process.exit(1);
    });
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

async function runScenario(browser, server, tmpRoot, scenario, attempt = 1) {
  // A scenario may bring a workspace of its own (an empty one, a big one) and the file that shows
  // the explorer has loaded it; by default, a copy of the fixture workspace. A new one each try.
  const folder = path.join(tmpRoot, attempt === 1 ? scenario.slug : `${scenario.slug}-try${attempt}`);
  const { folder: workspace, expectFile } = scenario.workspace?.(folder)
    ?? { folder: copyWorkspace(folder, 'e2e-workspace'), expectFile: 'incident-postmortem.md' };
  const { context, page } = await newScenarioPage(browser);
  const wb = new Workbench(page);
  const started = Date.now();
  let error = null;
  try {
    await withTimeout((async () => {
      await wb.open(server.url, workspace, expectFile);
      // An extra screenshot mid-scenario, e.g. of a menu that the final one cannot show.
      const snap = (label) => page.screenshot({ path: path.join(RESULTS_DIR, `${scenario.slug}-${label}.png`) });
      await scenario.run({ wb, page, workspace, snap });
    })(), TIMEOUTS.scenario, scenario.slug);
  } catch (err) {
    error = err;
  }
  if (interrupted) return false;
  const shot = path.join(RESULTS_DIR, `${scenario.slug}.png`);
  await page.screenshot({ path: shot }).catch((err) => log(`screenshot failed: ${err.message}`));
  const tryNote = attempt === 1 ? '' : ` (try ${attempt})`;
  if (error) {
    // What the panels showed, so that the log alone often explains the failure.
    const problems = await wb.problemsSnapshot().catch(() => []);
    const outline = await wb.outlineSnapshot().catch(() => []);
    if (problems.length) log(`Problems panel: ${JSON.stringify(problems)}`);
    if (outline.length) log(`Outline: ${JSON.stringify(outline)}`);
    // Each failed try keeps its own screenshot and trace.
    const failedShot = path.join(RESULTS_DIR, `${scenario.slug}-failed-try${attempt}.png`);
    if (fs.existsSync(shot)) fs.renameSync(shot, failedShot);
    const trace = path.join(RESULTS_DIR, `${scenario.slug}-failed-try${attempt}-trace.zip`);
    await context.tracing.stop({ path: trace }).catch((err) => log(`trace failed: ${err.message}`));
    log(`FAIL ${scenario.name}${tryNote} (${Date.now() - started} ms)\n    ${String(error.stack || error).split('\n').join('\n    ')}\n    screenshot: ${path.relative(process.cwd(), failedShot)}\n    trace: ${path.relative(process.cwd(), trace)}`);
  } else {
    await context.tracing.stop().catch(() => {});
    log(`PASS ${scenario.name}${tryNote} (${Date.now() - started} ms) screenshot: ${path.relative(process.cwd(), shot)}`);
  }
  await context.close().catch(() => {});
  return !error;
}

/** A scenario, and again after a failure (up to RETRIES more times); true when one try passed. */
async function runWithRetries(browser, server, tmpRoot, scenario) {
  for (let attempt = 1; ; attempt++) {
    if (await runScenario(browser, server, tmpRoot, scenario, attempt)) {
      if (attempt > 1) flaky.push(`${scenario.slug} (passed on try ${attempt})`);
      return true;
    }
    if (interrupted || attempt > RETRIES) return false;
    log(`running "${scenario.slug}" again in a fresh workspace (try ${attempt + 1} of ${RETRIES + 1})`);
  }
}

async function main() {
  const t0 = Date.now();
  fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const selected = scenarios.filter((s) => !ONLY || s.name.includes(ONLY) || s.slug.includes(ONLY));
  try {
    const vsix = await buildVsix();
    await ensureChromium();
    await ensureCodeServer();
    const playwright = await loadPlaywright();
    log(`setup done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-e2e-'));
    cleanups.push(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
    const dirs = prepareDirs(tmpRoot);
    await installExtension(dirs, vsix);
    const server = await startCodeServer(dirs);
    cleanups.push(() => server.stop());
    log(`code-server on ${server.url} (pid ${server.pid})`);
    const browser = await launchBrowser(playwright, CHROMIUM, tmpRoot);
    cleanups.push(() => browser.close());

    for (const scenario of selected) {
      if (interrupted) break;
      if (await runWithRetries(browser, server, tmpRoot, scenario)) counts.passed++;
      else if (!interrupted) counts.failed++;
    }
  } catch (err) {
    if (interrupted) return;
    log(`run aborted: ${err.stack || err}`);
    // Scenarios that never ran count as failed, and at least one: CI must not read it as green.
    counts.failed += Math.max(1, selected.length - counts.passed - counts.failed);
  } finally {
    await cleanup();
  }
  if (interrupted) return; // the signal handler prints the summary and exits
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s; results in ${path.relative(process.cwd(), RESULTS_DIR) || RESULTS_DIR}`);
  // Flaky scenarios pass, but say so: a failed try's screenshot and trace are in the results.
  if (flaky.length) log(`FLAKY: ${flaky.join(', ')}`);
  process.stdout.write(`${counts.passed} passed, ${counts.failed} failed\n`);
  process.exitCode = counts.failed > 0 || counts.passed === 0 ? 1 : 0;
}

await main();
