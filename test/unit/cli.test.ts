// The CLI as CI pipelines run it: the bundled dist/cli.js, its output formats and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../helpers';
import { RELAUNCHED_ENV } from '../../server/src/cli/relaunch';
import { ALL_CORES_V8_FLAGS } from '../../server/src/shared/serverLaunch';

function lint(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-cli-'));
  mkdirSync(join(dir, 'incidents'));
  copyFileSync(join(FIXTURES, 'classic-complete.md'), join(dir, 'incidents', 'login.md'));
  copyFileSync(join(FIXTURES, 'problems.md'), join(dir, 'queue-postmortem.md'));
  copyFileSync(join(FIXTURES, 'not-a-postmortem.md'), join(dir, 'README.md'));
  return dir;
}

test('compact output: file:line:col severity code message; exit 1 with errors', () => {
  const dir = workspace();
  const { code, stdout, stderr } = lint(['--format', 'compact', '.'], dir);
  assert.equal(code, 1);
  const lines = stdout.trim().split('\n');
  assert.ok(lines.every((line) => /^queue-postmortem\.md:\d+:\d+ (error|warning|information|hint) [a-z-]+ .+/.test(line)), stdout);
  assert.ok(lines.some((line) => line.startsWith('queue-postmortem.md:15:3 error timeline-out-of-order ')), stdout);
  assert.match(stderr, /2 postmortems checked: 3 errors, 5 warnings/);
});

test('exit 0 on a clean postmortem; a folder skips what is not a postmortem', () => {
  const dir = workspace();
  assert.equal(lint(['incidents'], dir).code, 0);
  assert.equal(lint(['README.md'], dir).code, 1, 'named explicitly, it is linted (its timeline goes back in time)');
  assert.match(lint(['README.md'], dir).stdout, /section-missing/);
});

test('json output: one object a file with its diagnostics and incident window', () => {
  const dir = workspace();
  const { code, stdout } = lint(['--format', 'json', 'incidents/login.md', 'queue-postmortem.md'], dir);
  assert.equal(code, 1);
  const reports = JSON.parse(stdout) as Array<{ file: string; diagnostics: Array<{ code: string; line: number }>; incident: { durationMinutes: number; start: string } }>;
  assert.deepEqual(reports.map((r) => r.file), ['incidents/login.md', 'queue-postmortem.md']);
  assert.deepEqual(reports[0].diagnostics, []);
  assert.equal(reports[0].incident.durationMinutes, 135);
  assert.equal(reports[0].incident.start, '2024-04-10T10:00:00Z');
  assert.ok(reports[1].diagnostics.some((d) => d.code === 'duration-mismatch'));
});

test('json output carries the review checklist; text output shows the writing hints as information', () => {
  const dir = workspace();
  copyFileSync(join(FIXTURES, 'writing', 'blame-and-counterfactual.md'), join(dir, 'checkout-postmortem.md'));
  const { stdout } = lint(['--format', 'json', 'incidents/login.md', 'checkout-postmortem.md'], dir);
  const parsed = JSON.parse(stdout) as Array<{ file: string; checklist: { items: Array<{ id: string; mark: string; lines: number[] }> } }>;
  const reports = ['incidents/login.md', 'checkout-postmortem.md'].map((file) => parsed.find((report) => report.file === file)!);
  assert.deepEqual(reports[0].checklist.items.map((item) => `${item.id} ${item.mark}`), [
    'summary met', 'impact met', 'timeline met', 'root-cause met', 'action-items not-met', 'blameless met',
  ]);
  assert.deepEqual(reports[1].checklist.items.find((item) => item.id === 'blameless'), {
    id: 'blameless', question: 'Is the language blameless?', mark: 'not-met', detail: '5 phrases of blame or counterfactual.', lines: [11, 13, 18],
  });
  const text = lint(['--format', 'compact', 'checkout-postmortem.md'], dir).stdout;
  assert.match(text, /^checkout-postmortem\.md:11:\d+ information blame-language "forgot to" blames a person\./m);
  assert.doesNotMatch(text, /checklist/, 'the text format has no checklist');
});

test('globs, --profile and --config', () => {
  const dir = workspace();
  assert.equal(lint(['**/*.md'], dir).code, 1);
  const sre = lint(['--profile', 'google-sre', 'incidents/login.md'], dir);
  assert.match(sre.stdout, /Missing section "Trigger"/);
  writeFileSync(join(dir, 'strict.json'), JSON.stringify({ severity: { 'section-missing': 'error' } }));
  const strict = lint(['--config', 'strict.json', '--profile', 'google-sre', 'incidents/login.md'], dir);
  assert.equal(strict.code, 1);
  writeFileSync(join(dir, '.postmortem.json'), JSON.stringify({ severity: { 'timeline-out-of-order': 'off', 'duration-mismatch': 'off', 'timeline-unparsed-time': 'off' } }));
  assert.equal(lint(['queue-postmortem.md'], dir).code, 0, 'the workspace .postmortem.json is read by default');
});

test('bad usage and unreadable files exit 2 with a message that says which', () => {
  const dir = workspace();
  const missing = lint(['nope.md'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such file or folder: nope\.md/);
  assert.equal(lint([], dir).code, 2);
  assert.match(lint(['--format', 'xml', '.'], dir).stderr, /--format must be text, compact, json, sarif, github/);
  assert.match(lint(['--profile', 'nope', '.'], dir).stderr, /unknown profile "nope"/);
  assert.match(lint(['--config', 'missing.json', '.'], dir).stderr, /cannot read config file missing\.json/);
  assert.match(lint(['--bogus', '.'], dir).stderr, /Unknown option/);
  writeFileSync(join(dir, 'binary-postmortem.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
  const binary = lint(['binary-postmortem.md', 'incidents/login.md'], dir);
  assert.equal(binary.code, 2);
  assert.match(binary.stderr, /cannot lint binary-postmortem\.md: not a text file/);
  writeFileSync(join(dir, '.postmortem.json'), '{ broken');
  const broken = lint(['incidents/login.md'], dir);
  assert.equal(broken.code, 2, 'a broken workspace config stops the run: in CI the defaults would let errors through');
  assert.match(broken.stderr, /\.postmortem\.json: not valid JSON/);
  assert.equal(broken.stdout, '');
  assert.equal(lint(['--help']).code, 0);
});

test('--workers: many files on worker threads give the same output, in file order, as one thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-cli-workers-'));
  mkdirSync(join(dir, 'incidents'));
  const fixtures = ['classic-complete.md', 'problems.md', 'bold-midnight.md', 'table-timeline.md'];
  for (let i = 0; i < 40; i++) copyFileSync(join(FIXTURES, fixtures[i % fixtures.length]), join(dir, 'incidents', `${String(i).padStart(2, '0')}.md`));
  // A config with a problem: its warning is printed once, also when the CLI starts itself again (as
  // it does when the workers take every core: see server/src/cli/relaunch.ts).
  writeFileSync(join(dir, '.postmortem.json'), '{"profile": 42}');
  const allCores = String(Math.max(2, availableParallelism()));
  const one = lint(['--format', 'compact', '--workers', '1', 'incidents'], dir);
  const two = lint(['--format', 'compact', '--workers', '2', 'incidents'], dir);
  const every = lint(['--format', 'compact', '--workers', allCores, 'incidents'], dir);
  assert.equal(one.code, 1);
  assert.match(one.stderr, /warning: .*profile/);
  for (const run of [two, every]) {
    assert.equal(run.code, one.code);
    assert.equal(run.stdout, one.stdout);
    assert.equal(run.stderr, one.stderr, 'the same warning and summary once; no progress bar when stderr is not a terminal');
  }
  const files = one.stdout.trim().split('\n').map((line) => line.split(':')[0]);
  assert.deepEqual(files, [...files].sort());
  // An unreadable file: exit status 2 comes through the relaunched process.
  writeFileSync(join(dir, 'incidents', 'binary.md'), Buffer.from([0x50, 0x4d, 0, 1, 2]));
  const broken = lint(['--format', 'compact', '--workers', allCores, 'incidents'], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /cannot lint incidents\/binary\.md: not a text file/);
  assert.equal(broken.stdout, one.stdout);
  assert.equal(lint(['--workers', '0', 'incidents'], dir).code, 2);
  // The text format for people keeps the same order, grouped by file.
  const grouped = lint(['--workers', '2', 'incidents'], dir).stdout.split('\n').filter((line) => line && !line.startsWith(' '));
  assert.deepEqual(grouped, [...new Set(files)]);
});

test('a relaunched run starts its threads before it finds the files, and stops them when there is nothing for them', () => {
  // The files may change between the parent's count and the relaunched process's: fewer than a
  // parallel run needs, or none at all. Its early threads must not keep it alive (the timeout catches that).
  const dir = workspace();
  const relaunched = (args: string[]) => {
    const result = spawnSync(process.execPath, [...ALL_CORES_V8_FLAGS, join(ROOT, 'dist', 'cli.js'), '--workers', '2', ...args], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, [RELAUNCHED_ENV]: '2' }, timeout: 30_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const few = relaunched(['.']);
  const here = lint(['.'], dir);
  assert.equal(few.code, 1);
  assert.equal(few.stdout, here.stdout);
  assert.equal(few.stderr, here.stderr);
  const gone = relaunched(['no-such-folder']);
  assert.equal(gone.code, 2);
  assert.match(gone.stderr, /no such file or folder: no-such-folder/);
});
