// code-server on a free loopback port with --auth none, a throwaway user-data dir and extensions
// dir, and its own process group so that it and everything it spawns (extension host, our
// language server) go down together.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { RESULTS_DIR, TIMEOUTS } from './config.mjs';
import { log, run } from './exec.mjs';
import { codeServerBin, codeServerEnv, nodeBin } from './install.mjs';

/** Settings for a deterministic workbench: no trust prompt, welcome page, chat, telemetry, updates. */
const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'window.commandCenter': false,
  // Clicking a file opens a normal editor, and nothing is restored from a previous page.
  'workbench.editor.enablePreview': false,
  'files.hotExit': 'off',
  'git.enabled': false,
  // Only our diagnostics in the Problems panel, and a roomier editor.
  'markdown.validate.enabled': false,
  'editor.minimap.enabled': false,
  'problems.defaultViewMode': 'tree',
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Throwaway dirs under tmpRoot; code-server's config/data dirs too, so nothing lands in $HOME. */
export function prepareDirs(tmpRoot) {
  const dirs = {
    userData: path.join(tmpRoot, 'user-data'),
    extensions: path.join(tmpRoot, 'extensions'),
    xdgConfig: path.join(tmpRoot, 'xdg-config'),
    xdgData: path.join(tmpRoot, 'xdg-data'),
    config: path.join(tmpRoot, 'code-server.yaml'),
  };
  for (const dir of [dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData]) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify(SETTINGS, null, 2)}\n`);
  // An explicit config file: otherwise code-server writes ~/.config/code-server/config.yaml.
  fs.writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}

function env(dirs) {
  return { ...codeServerEnv(), XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData };
}

function commonArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

export async function installExtension(dirs, vsix) {
  const out = await run(nodeBin, [codeServerBin, ...commonArgs(dirs), '--install-extension', vsix], {
    env: env(dirs), logName: 'code-server-install', timeoutMs: 120_000,
  });
  if (!/successfully installed/i.test(out)) throw new Error(`installing ${vsix} did not report success:\n${out}`);
  const list = await run(nodeBin, [codeServerBin, ...commonArgs(dirs), '--list-extensions', '--show-versions'], {
    env: env(dirs), logName: 'code-server-install', timeoutMs: 60_000,
  });
  log(`installed extensions: ${list.trim().split('\n').join(', ')}`);
}

/** Starts code-server; resolves once it listens. Retries on a port taken between probe and bind. */
export async function startCodeServer(dirs) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await startOn(dirs, port);
    } catch (err) {
      if (attempt >= 3 || !/EADDRINUSE/.test(String(err.message))) throw err;
    }
  }
}

function startOn(dirs, port) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = path.join(RESULTS_DIR, 'code-server.log');
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  const child = spawn(nodeBin, [
    codeServerBin, ...commonArgs(dirs),
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
  ], {
    env: env(dirs),
    // Its own process group: stop() kills the group, extension host and language server included.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  const exitPromise = new Promise((resolve) => child.on('exit', () => { exited = true; resolve(); }));
  // Last resort if this process dies without running its cleanup.
  const onExit = () => killGroup(child.pid, 'SIGKILL');
  process.on('exit', onExit);

  const stop = async () => {
    process.off('exit', onExit);
    if (!exited) {
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000);
      await exitPromise;
      clearTimeout(timer);
    }
    // The leader may be gone while children (extension host, language server) still run.
    killGroup(child.pid, 'SIGKILL');
    logStream.end();
  };

  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      stop().then(() => reject(new Error(`code-server did not listen within ${TIMEOUTS.serverStart} ms:\n${output}`)));
    }, TIMEOUTS.serverStart);
    const onData = (chunk) => {
      logStream.write(chunk);
      if (output === null) return;
      output += chunk;
      if (/HTTP server listening on/.test(output)) {
        clearTimeout(timer);
        output = null;
        resolve({ url: `http://127.0.0.1:${port}`, port, pid: child.pid, logFile, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exitPromise.then(() => {
      if (output === null) return;
      clearTimeout(timer);
      stop().then(() => reject(new Error(`code-server exited before listening:\n${output}`)));
    });
  });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}
