// Running setup commands (apt-get, npm, code-server --install-extension): their output goes to a
// log file under test-results/e2e/ so the run's own output stays readable, and the tail of the log
// is printed when a command fails, which is when someone needs it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cleanEnv } from './cleanEnv.mjs';
import { RESULTS_DIR } from './config.mjs';

const VERBOSE = process.env.E2E_VERBOSE === '1';

export function log(message) {
  process.stdout.write(`[e2e] ${message}\n`);
}

/**
 * Run a command to completion, by default in the clean environment (cleanEnv.mjs). Resolves with
 * its combined output; rejects on a non-zero exit with the log's tail in the message.
 */
export function run(command, args, { cwd, env, logName, timeoutMs = 20 * 60_000 } = {}) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = path.join(RESULTS_DIR, `${logName || path.basename(command)}.log`);
  const out = fs.createWriteStream(logFile, { flags: 'a' });
  out.write(`\n$ ${command} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env || cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const onData = (chunk) => {
      text += chunk;
      out.write(chunk);
      if (VERBOSE) process.stdout.write(chunk);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    // A hung install must not hang CI until its global limit.
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      out.end();
      reject(new Error(`${command}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      out.end();
      if (code === 0) return resolve(text);
      const tail = text.split('\n').slice(-40).join('\n');
      reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal} (log: ${logFile})\n${tail}`));
    });
  });
}

/** A command's stdout, or null when it fails; nothing logged (dpkg-query and the like). */
export function output(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: cleanEnv(), stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    child.stdout.on('data', (chunk) => { text += chunk; });
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code === 0 ? text : null));
  });
}

/** Whether a command succeeds, without logging. */
export async function succeeds(command, args) {
  return (await output(command, args)) !== null;
}
