// The environment every command the harness starts runs in: this process's own, minus what an
// outer `npm run` exported. `npm run test:e2e` hands its config to children as npm_config_*
// (the user agent naming Node 20 among them), and a nested `npm install` believes it: code-server's
// postinstall then sees Node 20 under Node 24. Run directly or through npm, the nested commands
// see the same environment; callers add only what they mean on top of it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** npm_config_*, npm_package_*, npm_lifecycle_*, npm_command, npm_execpath, npm_node_execpath. */
const NPM_VARIABLE = /^npm_/i;
/** The other variables npm's config and run-script set for the scripts they start. */
const NPM_RUN_VARIABLES = new Set(['INIT_CWD', 'NODE', 'COLOR']);
/** PATH entries `npm run` prepends: every ancestor's node_modules/.bin and npm's node-gyp shim. */
const NPM_RUN_PATH_ENTRY = /([\\/]node_modules[\\/]\.bin|[\\/]@npmcli[\\/]run-script[\\/]lib[\\/]node-gyp-bin)$/;

export function cleanEnv() {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!NPM_VARIABLE.test(name) && !NPM_RUN_VARIABLES.has(name)) env[name] = value;
  }
  if (env.PATH) env.PATH = env.PATH.split(path.delimiter).filter((dir) => !NPM_RUN_PATH_ENTRY.test(dir)).join(path.delimiter);
  return env;
}

let globalConfig = null;

/**
 * The machine's global npmrc (registry, cafile, proxy), as this machine's npm finds it. npm looks
 * for it under the prefix of the Node that runs it, so an npm started under Node 24 would miss it.
 */
export function npmGlobalConfig() {
  globalConfig ??= execFileSync('npm', ['config', 'get', 'globalconfig'], { env: cleanEnv(), encoding: 'utf8' }).trim();
  return globalConfig;
}
