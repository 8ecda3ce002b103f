#!/usr/bin/env node
// Behaviour check for refactors: runs the CLI of this working tree and of a base revision over the
// real postmortems of ../shared/corpus/ and every Markdown file under node_modules/ (a negative set),
// as explicit files (always linted) and as folders (found by discovery), with --format json, and
// compares the outputs byte for byte.
//   node scripts/compare-cli-output.mjs [--base REV]   (default REV: HEAD)
// Exit status: 0 identical, 1 different (the first differing lines are printed), 2 could not run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const baseIndex = process.argv.indexOf('--base');
const base = baseIndex >= 0 ? process.argv[baseIndex + 1] : 'HEAD';
const corpus = resolve(root, '../shared/corpus');

function markdownUnder(folder) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) found.push(path);
    }
  };
  if (existsSync(folder)) walk(folder);
  return found.sort();
}

const files = [...markdownUnder(corpus), ...markdownUnder(join(root, 'node_modules'))].map((file) => relative(root, file));
if (!existsSync(corpus)) console.log(`compare: ${corpus} is absent; comparing on node_modules/ only`);
const runs = [
  { name: 'explicit files', args: ['--format', 'json', '--workers', '1', ...files] },
  { name: 'folders (discovery)', args: ['--format', 'json', '--workers', '1', ...[corpus, join(root, 'node_modules')].filter(existsSync).map((dir) => relative(root, dir))] },
  { name: 'text, 2 workers', args: ['--workers', '2', ...files] },
];

function runCli(cliPath) {
  return runs.map((run) => {
    const result = spawnSync(process.execPath, [cliPath, ...run.args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    return { stdout: result.stdout, stderr: result.stderr, status: result.status };
  });
}

const worktree = mkdtempSync(join(tmpdir(), 'pm-compare-'));
let status = 0;
try {
  execFileSync('git', ['worktree', 'add', '--detach', worktree, base], { cwd: root, stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'));
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: worktree, stdio: 'inherit' });
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  const before = runCli(join(worktree, 'dist/cli.js'));
  const after = runCli(join(root, 'dist/cli.js'));
  runs.forEach((run, i) => {
    const a = before[i];
    const b = after[i];
    const same = a.stdout === b.stdout && a.status === b.status && a.stderr === b.stderr;
    const reports = run.args.includes('json') ? JSON.parse(b.stdout || '[]').length : b.stdout.split('\n').filter(Boolean).length;
    console.log(`compare: ${run.name}: ${same ? 'identical' : 'DIFFERENT'} (${b.stdout.length} bytes, ${reports} ${run.args.includes('json') ? 'reports' : 'lines'}, exit ${b.status})`);
    if (!same) {
      status = 1;
      const x = a.stdout.split('\n');
      const y = b.stdout.split('\n');
      const at = x.findIndex((line, k) => line !== y[k]);
      if (at >= 0) console.log(`  first difference at line ${at + 1}:\n  - ${x[at]}\n  + ${y[at]}`);
      if (a.status !== b.status) console.log(`  exit ${a.status} before, ${b.status} after`);
      if (a.stderr !== b.stderr) console.log(`  stderr differs:\n  - ${a.stderr.slice(0, 400)}\n  + ${b.stderr.slice(0, 400)}`);
    }
  });
  console.log(`compare: ${files.length} files against ${base}: ${status === 0 ? 'byte-identical' : 'outputs differ'}`);
} catch (error) {
  console.error(`compare: ${error instanceof Error ? error.message : String(error)}`);
  status = 2;
} finally {
  spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root });
  rmSync(worktree, { recursive: true, force: true });
}
process.exit(status);
