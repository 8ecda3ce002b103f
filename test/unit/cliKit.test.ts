// The CLI's CI kit on the bundled dist/cli.js: SARIF (checked by Microsoft's SARIF multitool), GitHub
// annotations, the text format for people, --quiet/--max-warnings/--rule/--version, --fix and
// --fix-dry-run, --stdin, and configs with `extends`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../helpers';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/github';
import { sarifLog } from '../../server/src/cli/formats/sarif';
import { textFormat } from '../../server/src/cli/formats/text';
import { DIAGNOSTIC_CODES, RULES } from '../../server/src/rules/index';

function lint(args: string[], cwd: string, options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], {
    cwd, encoding: 'utf8', input: options.input, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const PROBLEMS = readFileSync(join(FIXTURES, 'problems.md'), 'utf8');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-kit-'));
  mkdirSync(join(dir, 'incidents'));
  copyFileSync(join(FIXTURES, 'classic-complete.md'), join(dir, 'incidents', 'login.md'));
  writeFileSync(join(dir, 'incidents', 'queue, 100% down.md'), PROBLEMS);
  copyFileSync(join(FIXTURES, 'not-a-postmortem.md'), join(dir, 'README.md'));
  return dir;
}

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }> } };
    results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }> }>;
  }>;
}

test("SARIF: every rule's help link points at an anchor in that rule's own row of the README's table", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const log = sarifLog([], ROOT) as SarifLog;
  const rules = log.runs[0].tool.driver.rules;
  assert.deepEqual(rules.map((rule) => rule.id), DIAGNOSTIC_CODES);
  for (const rule of rules) {
    const fragment = new URL(rule.helpUri).hash.slice(1);
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${rule.id}\` |`));
    assert.ok(row, `README has a row for ${rule.id}`);
    assert.ok(row.includes(`<a id="${fragment}"></a>`), `${rule.id}'s row holds the anchor #${fragment}`);
    assert.equal(readme.split(`id="${fragment}"`).length, 2, `#${fragment} is defined once`);
  }
});

/** Microsoft's SARIF multitool's findings on a log: "level rule: message" lines (none: valid). */
function multitoolFindings(sarifPath: string): string[] {
  const out = join(mkdtempSync(join(tmpdir(), 'postmortem-sarif-')), 'validation.sarif');
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'sarif-multitool'), ['validate', sarifPath, '--output', out, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const validation = JSON.parse(readFileSync(out, 'utf8')) as { runs: Array<{ results?: Array<{ level?: string; ruleId: string; message: { text?: string; arguments?: string[] } }> }> };
  return (validation.runs[0].results ?? []).map((r) => `${r.level ?? 'warning'} ${r.ruleId}: ${r.message.text ?? r.message.arguments?.join(' ')}`);
}

test('--format sarif: valid SARIF 2.1.0 by the multitool, rules from the index, regions as the reports count them', () => {
  const dir = workspace();
  // A non-BMP character before a finding: SARIF columns are UTF-16 code units, as ours.
  writeFileSync(join(dir, 'incidents', 'emoji.md'), PROBLEMS.replace('- 10:20 Customers', '- 10:20 🔥 Customers').replace('- 10:30 On-call', '🔥 - 10:30 On-call'));
  const sarif = lint(['--format', 'sarif', '.'], dir);
  assert.equal(sarif.code, 1);
  writeFileSync(join(dir, 'out.sarif'), sarif.stdout);
  assert.deepEqual(multitoolFindings(join(dir, 'out.sarif')), []);
  const log = JSON.parse(sarif.stdout) as SarifLog;
  const json = JSON.parse(lint(['--format', 'json', '.'], dir).stdout) as Array<{ file: string; diagnostics: Array<{ line: number; column: number; endLine: number; endColumn: number; code: string }> }>;
  const run = log.runs[0];
  assert.deepEqual(run.tool.driver.rules.map((rule) => rule.id), DIAGNOSTIC_CODES);
  for (const [i, rule] of run.tool.driver.rules.entries()) {
    assert.ok(rule.helpUri.endsWith(`README.md#rule-${rule.id}`), rule.helpUri);
    assert.ok(rule.shortDescription.text.toLowerCase().startsWith(RULES[i].description.slice(0, 20).toLowerCase()));
  }
  assert.equal(run.tool.driver.rules.find((rule) => rule.id === 'timeline-out-of-order')?.defaultConfiguration.level, 'error');
  const expected = json.flatMap((report) => report.diagnostics.map((d) => ({
    uri: report.file.split('/').map(encodeURIComponent).join('/'), code: d.code, region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
  })));
  assert.deepEqual(run.results.map((r) => ({ uri: r.locations[0].physicalLocation.artifactLocation.uri, code: r.ruleId, region: r.locations[0].physicalLocation.region })), expected);
  assert.ok(run.results.some((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'incidents/queue%2C%20100%25%20down.md'));
  // --sarif-base: locations relative to another folder.
  const based = JSON.parse(lint(['--format', 'sarif', '--sarif-base', 'incidents', 'incidents'], dir).stdout) as SarifLog;
  assert.ok(based.runs[0].results.every((r) => !r.locations[0].physicalLocation.artifactLocation.uri.startsWith('incidents/')));
  // No findings is still a valid log.
  const clean = lint(['--format', 'sarif', 'incidents/login.md'], dir);
  assert.equal(clean.code, 0);
  writeFileSync(join(dir, 'clean.sarif'), clean.stdout);
  assert.deepEqual(multitoolFindings(join(dir, 'clean.sarif')), []);
});

test('--format github: one workflow command a finding, escaped as the runner reads them', () => {
  assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
  const dir = workspace();
  const { code, stdout } = lint(['--format', 'github', 'incidents'], dir);
  assert.equal(code, 1);
  const lines = stdout.trim().split('\n');
  assert.ok(lines.every((line) => /^::(error|warning|notice) file=[^:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::.+$/.test(line)), stdout);
  assert.ok(lines.includes('::error file=incidents/queue%2C 100%25 down.md,line=15,col=3,endLine=15,endColumn=8,title=timeline-out-of-order::"10:20" is earlier than the entry before it; it should come before "10:30" (line 14).'), stdout);
});

test('text output: grouped by file, plain off a terminal and with NO_COLOR or --no-color, a summary line; --quiet, --max-warnings, --rule, --version', () => {
  const dir = workspace();
  const text = lint(['.'], dir);
  assert.equal(text.code, 1);
  const lines = text.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'incidents/queue, 100% down.md');
  assert.match(lines.find((line) => line.includes('timeline-out-of-order')) ?? '', /^ {2}15:3 {2}error {4}"10:20" is earlier .* {2}timeline-out-of-order$/);
  assert.doesNotMatch(text.stdout, /\x1b\[/);
  assert.match(text.stderr, /^2 postmortems checked: 3 errors, 5 warnings\n$/);
  // Colour needs a terminal: the format itself colours when asked.
  assert.doesNotMatch(lint(['--no-color', '.'], dir, { env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[/);
  const quiet = lint(['--quiet', '.'], dir);
  assert.doesNotMatch(quiet.stdout, /warning/);
  assert.match(quiet.stderr, /3 errors, 0 warnings/);
  const noErrors = ['--rule', 'timeline-out-of-order=warning', '--rule', 'timeline-unparsed-time=off', '--rule', 'duration-mismatch=information'];
  assert.equal(lint([...noErrors, '.'], dir).code, 0);
  assert.equal(lint([...noErrors, '--max-warnings', '6', '.'], dir).code, 0);
  assert.equal(lint([...noErrors, '--max-warnings', '5', '.'], dir).code, 1, 'six warnings are more than five');
  assert.match(lint(['--rule', 'no-such-code=error', '.'], dir).stderr, /--rule takes CODE=SEVERITY/);
  assert.equal(lint(['--rule', 'section-missing=loud', '.'], dir).code, 2);
  const version = lint(['--version'], dir);
  assert.equal(version.stdout, `${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
});

test('--fix: safe fixes written in place, keeping CRLF, the BOM and the mode; idempotent; a binary file is left alone', () => {
  const dir = workspace();
  const crlf = join(dir, 'incidents', 'crlf.md');
  writeFileSync(crlf, `\ufeff${PROBLEMS.replace(/\n/g, '\r\n')}`);
  chmodSync(crlf, 0o640);
  const binary = join(dir, 'incidents', 'binary.md');
  writeFileSync(binary, Buffer.from([0x50, 0x4d, 0, 1, 2]));
  const login = readFileSync(join(dir, 'incidents', 'login.md'), 'utf8');
  const fixed = lint(['--fix', '--format', 'compact', 'incidents'], dir);
  assert.equal(fixed.code, 2, 'the binary file could not be linted');
  assert.match(fixed.stderr, /cannot lint incidents\/binary\.md: not a text file/);
  assert.match(fixed.stderr, /fixed incidents\/crlf\.md \(\d+ problems solved\)/);
  assert.match(fixed.stderr, /fixed incidents\/queue, 100% down\.md/);
  assert.doesNotMatch(fixed.stderr, /fixed incidents\/login\.md/, 'nothing to fix: not touched');
  assert.deepEqual(readFileSync(binary), Buffer.from([0x50, 0x4d, 0, 1, 2]));
  assert.equal(readFileSync(join(dir, 'incidents', 'login.md'), 'utf8'), login);
  const after = readFileSync(crlf, 'utf8');
  assert.ok(after.startsWith('\ufeff# '), 'the BOM stays');
  assert.doesNotMatch(after, /(^|[^\r])\n/, 'every line break is still CRLF');
  assert.match(after, /## Corrective and Preventive Measures\r\n/);
  assert.equal(statSync(crlf).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(join(dir, 'incidents')).filter((name) => name.startsWith('.')), [], 'no temporary file left');
  // What remains is reported: the fixes solved the out-of-order entry.
  assert.doesNotMatch(fixed.stdout, /timeline-out-of-order/);
  assert.match(fixed.stdout, /timeline-unparsed-time/);
  const fixedQueue = readFileSync(join(dir, 'incidents', 'queue, 100% down.md'), 'utf8');
  const again = lint(['--fix', 'incidents/crlf.md', 'incidents/queue, 100% down.md'], dir);
  assert.doesNotMatch(again.stderr, /fixed/);
  assert.equal(readFileSync(crlf, 'utf8'), after);
  assert.equal(readFileSync(join(dir, 'incidents', 'queue, 100% down.md'), 'utf8'), fixedQueue);
});

test('--fix-dry-run: a unified diff that git applies to the same result as --fix; nothing written', () => {
  const dir = workspace();
  const dry = lint(['--fix-dry-run', 'incidents'], dir);
  assert.equal(dry.code, 1, 'errors remain after the fixes');
  assert.match(dry.stdout, /^--- a\/incidents\/queue, 100% down\.md\n\+\+\+ b\/incidents\/queue, 100% down\.md\n@@ /);
  assert.equal(readFileSync(join(dir, 'incidents', 'queue, 100% down.md'), 'utf8'), PROBLEMS);
  const git = (args: string[], input?: string) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', input });
  git(['init', '-q']);
  const applied = git(['apply', '--unidiff-zero', '-'], dry.stdout);
  assert.equal(applied.status, 0, applied.stderr);
  const viaDiff = readFileSync(join(dir, 'incidents', 'queue, 100% down.md'), 'utf8');
  writeFileSync(join(dir, 'incidents', 'queue, 100% down.md'), PROBLEMS);
  lint(['--fix', 'incidents'], dir);
  assert.equal(readFileSync(join(dir, 'incidents', 'queue, 100% down.md'), 'utf8'), viaDiff);
});

test('--stdin: the name decides discovery; --fix sends the fixed text to stdout', () => {
  const dir = workspace();
  const plain = lint(['--stdin', '--format', 'compact'], dir, { input: PROBLEMS });
  assert.equal(plain.code, 1);
  assert.match(plain.stdout, /^<stdin>:15:3 error timeline-out-of-order /m);
  const named = lint(['--stdin', '--stdin-filename', 'incidents/q.md', '--format', 'json'], dir, { input: PROBLEMS });
  assert.equal((JSON.parse(named.stdout) as Array<{ file: string }>)[0].file, 'incidents/q.md');
  // Not a postmortem by its name, title or content: nothing to report. (A whole postmortem under another
  // title is one by its content, whatever its name.)
  const readme = readFileSync(join(FIXTURES, 'not-a-postmortem.md'), 'utf8');
  const skipped = lint(['--stdin', '--stdin-filename', 'docs/notes.md', '--format', 'json'], dir, { input: readme });
  assert.equal(skipped.stdout, '[]\n');
  const fixed = lint(['--stdin', '--stdin-filename', 'incidents/q.md', '--fix'], dir, { input: PROBLEMS });
  assert.match(fixed.stdout, /## Corrective and Preventive Measures/);
  assert.match(fixed.stderr, /timeline-unparsed-time/, 'what remains is reported on stderr');
  const refixed = lint(['--stdin', '--stdin-filename', 'incidents/q.md', '--fix'], dir, { input: fixed.stdout });
  assert.equal(refixed.stdout, fixed.stdout);
  assert.match(lint(['--stdin', 'x.md'], dir, { input: '' }).stderr, /name no files/);
});

test('config: .postmortem.jsonc with comments, extends (path and package, in order), and a bad one stops the run with exit 2', () => {
  const dir = workspace();
  mkdirSync(join(dir, 'shared'));
  writeFileSync(join(dir, 'shared', 'base.json'), JSON.stringify({ severity: { 'timeline-out-of-order': 'off', 'section-order': 'off' } }));
  mkdirSync(join(dir, 'node_modules', '@acme', 'postmortem-config'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', '@acme', 'postmortem-config', 'package.json'), JSON.stringify({ name: '@acme/postmortem-config', main: 'config.jsonc' }));
  writeFileSync(join(dir, 'node_modules', '@acme', 'postmortem-config', 'config.jsonc'), '{ // the company default\n "severity": { "section-order": "error" }, }');
  writeFileSync(join(dir, '.postmortem.jsonc'), '{\n  // shared first, then the company package: later wins\n  "extends": ["./shared/base.json", "@acme/postmortem-config"],\n  "severity": { "timeline-unparsed-time": "warning" },\n}\n');
  const codes = (run: { stdout: string }) => run.stdout.trim().split('\n').filter(Boolean).map((line) => line.replace(/^.*?:\d+:\d+ /, '').split(' ').slice(0, 2).join(' '));
  const layered = lint(['--format', 'compact', 'incidents'], dir);
  assert.equal(layered.stderr.includes('warning:'), false, layered.stderr);
  const found = codes(layered);
  assert.ok(!found.some((c) => c.endsWith('timeline-out-of-order')), found.join());
  assert.ok(found.includes('error section-order'), found.join());
  assert.ok(found.includes('warning timeline-unparsed-time'), found.join());
  // A cycle, a missing target, a config that does not parse: one error naming it, exit 2, nothing linted.
  writeFileSync(join(dir, 'shared', 'base.json'), JSON.stringify({ extends: '../.postmortem.jsonc' }));
  const cycle = lint(['incidents'], dir);
  assert.equal(cycle.code, 2);
  assert.match(cycle.stderr, /goes round in a cycle: .*\.postmortem\.jsonc -> .*base\.json -> .*\.postmortem\.jsonc/);
  assert.equal(cycle.stdout, '');
  writeFileSync(join(dir, 'shared', 'base.json'), JSON.stringify({ extends: 'no-such-package' }));
  assert.match(lint(['incidents'], dir).stderr, /base\.json: "extends" names "no-such-package", which cannot be found/);
  writeFileSync(join(dir, 'shared', 'base.json'), JSON.stringify({ extends: './missing.json' }));
  const missing = lint(['incidents'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /missing\.json \(extended by .*base\.json\): cannot be read \(ENOENT\)/);
  writeFileSync(join(dir, 'shared', 'base.json'), '{ "severity": ');
  assert.match(lint(['--config', '.postmortem.jsonc', 'incidents'], dir).stderr, /base\.json: not valid JSON/);
});

test('the text format colours severities only when asked', () => {
  const reports = [{ file: 'a.md', diagnostics: [{ line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error' as const, code: 'section-missing', message: 'Missing.' }] }];
  assert.match(textFormat(reports, true), /\x1b\[31merror/);
  assert.equal(textFormat(reports, false), 'a.md\n  1:1  error  Missing.  section-missing\n');
});
