// The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit (from PyPI) in a
// temporary git repository: a commit with a broken postmortem is refused, a fixed one goes through,
// a README beside it is no postmortem and is left alone; the fix hook fixes what it safely can.
// The hook repository is a copy of ours reduced to what `npm pack` ships (the hooks, a package.json
// with the bin, the built dist/cli.js): pre-commit installs it with npm, and the full package.json
// would have it download every dev dependency first. `npm run test:ci-kit` builds dist/ first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../helpers';

const preCommitVersion = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
// CI installs pre-commit (.ci/run): there a missing one fails the tests instead of skipping them.
const SKIP = preCommitVersion.status === 0 || process.env.CI ? false : 'pre-commit is not installed (pip install pre-commit; .ci/run does)';

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function git(cwd: string, ...args: string[]) {
  const result = run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], cwd);
  return result;
}

/** A git repository holding the hooks and the built CLI, as `npm pack` would ship them; its commit. */
function hookRepository(): { path: string; rev: string } {
  const path = mkdtempSync(join(tmpdir(), 'postmortem-hooks-'));
  copyFileSync(join(ROOT, '.pre-commit-hooks.yaml'), join(path, '.pre-commit-hooks.yaml'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
  writeFileSync(join(path, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, bin: pkg.bin }, null, 2));
  mkdirSync(join(path, 'dist'));
  copyFileSync(join(ROOT, 'dist', 'cli.js'), join(path, 'dist', 'cli.js'));
  git(path, 'init', '-q');
  git(path, 'add', '.');
  assert.equal(git(path, 'commit', '-qm', 'hooks').code, 0);
  return { path, rev: run('git', ['rev-parse', 'HEAD'], path).output.trim() };
}

function project(hooks: { path: string; rev: string }, hookId: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-precommit-'));
  git(dir, 'init', '-q');
  writeFileSync(join(dir, '.pre-commit-config.yaml'), [
    'repos:',
    `  - repo: ${hooks.path}`,
    `    rev: ${hooks.rev}`,
    '    hooks:',
    `      - id: ${hookId}`,
    // The machine's Node: pre-commit would otherwise download one.
    '        language_version: system',
    '',
  ].join('\n'));
  copyFileSync(join(FIXTURES, 'not-a-postmortem.md'), join(dir, 'README.md'));
  git(dir, 'add', '.');
  return dir;
}

test('pre-commit: the check hook refuses a broken postmortem and passes a fixed one; the fix hook fixes', { skip: SKIP, timeout: 600_000 }, () => {
  const hooks = hookRepository();
  // Its own cache: the environment is built from this hook repository, not an old one.
  const env = { PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'postmortem-precommit-home-')) };
  const check = project(hooks, 'postmortem-lint');
  assert.equal(run('pre-commit', ['install'], check, env).code, 0);
  mkdirSync(join(check, 'incidents'));
  copyFileSync(join(FIXTURES, 'problems.md'), join(check, 'incidents', 'queue.md'));
  git(check, 'add', '.');
  const refused = run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-m', 'broken'], check, env);
  assert.notEqual(refused.code, 0, refused.output);
  assert.match(refused.output, /incidents\/queue\.md:15:3 error timeline-out-of-order/);
  assert.doesNotMatch(refused.output, /README\.md/, 'the README is not a postmortem');
  copyFileSync(join(FIXTURES, 'classic-complete.md'), join(check, 'incidents', 'queue.md'));
  git(check, 'add', '.');
  const passed = run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-m', 'fixed'], check, env);
  assert.equal(passed.code, 0, passed.output);
  assert.match(passed.output, /postmortem-lint\.+Passed/);

  const fix = project(hooks, 'postmortem-lint-fix');
  assert.equal(run('pre-commit', ['install'], fix, env).code, 0);
  mkdirSync(join(fix, 'incidents'));
  // Only what the fix hook can mend: two timeline entries swapped.
  const complete = readFileSync(join(FIXTURES, 'classic-complete.md'), 'utf8');
  const entries = complete.split('\n').filter((line) => /^- \*\*\d\d:\d\d/.test(line));
  assert.ok(entries.length >= 2);
  const swapped = complete.replace(`${entries[0]}\n${entries[1]}`, `${entries[1]}\n${entries[0]}`);
  assert.notEqual(swapped, complete);
  writeFileSync(join(fix, 'incidents', 'login.md'), swapped);
  git(fix, 'add', '.');
  const first = run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-m', 'swapped'], fix, env);
  assert.notEqual(first.code, 0, 'pre-commit refuses a commit whose files a hook changed');
  assert.match(first.output, /files were modified by this hook/);
  assert.equal(readFileSync(join(fix, 'incidents', 'login.md'), 'utf8'), complete);
  git(fix, 'add', '.');
  const second = run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-m', 'sorted'], fix, env);
  assert.equal(second.code, 0, second.output);
});

