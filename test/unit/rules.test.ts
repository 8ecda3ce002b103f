// The rules' index is the one list of diagnostic codes: every rule file is in it, and the engine, the
// LSP edge and the CLI's edge all read the same findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, analyze, readFixture, settingsWith } from '../helpers';
import { SEVERITY_NAMES } from '../../server/src/core/config';
import { computeDiagnostics, reportRows, toDiagnostics } from '../../server/src/features/diagnostics';
import { findingsOf } from '../../server/src/rules/findings';
import { DEFAULT_SEVERITY, DIAGNOSTIC_CODES, RULES, ruleFor } from '../../server/src/rules/index';

const RULES_DIR = join(ROOT, 'server', 'src', 'rules');
/** The engine's own files; every other file in the folder is one rule. */
const ENGINE_FILES = new Set(['settings.ts', 'rule.ts', 'index.ts', 'findings.ts']);

test('every rule file is in the index, once, and the index holds nothing else', () => {
  const files = readdirSync(RULES_DIR).filter((name) => name.endsWith('.ts') && !ENGINE_FILES.has(name));
  const index = readFileSync(join(RULES_DIR, 'index.ts'), 'utf8');
  for (const file of files) {
    const source = readFileSync(join(RULES_DIR, file), 'utf8');
    const defined = [...source.matchAll(/export const (\w+) = defineRule/g)].map((match) => match[1]);
    assert.equal(defined.length, 1, `${file} defines one rule`);
    assert.match(index, new RegExp(`^  ${defined[0]},$`, 'm'), `${file}: ${defined[0]} is in the index`);
  }
  assert.equal(RULES.length, files.length);
});

test('codes are unique and stable-looking; defaults are severity names; descriptions are one sentence', () => {
  assert.equal(new Set(DIAGNOSTIC_CODES).size, RULES.length);
  assert.deepEqual(DIAGNOSTIC_CODES, RULES.map((rule) => rule.code));
  for (const rule of RULES) {
    assert.match(rule.code, /^[a-z]+(?:-[a-z]+)+$/, rule.code);
    assert.ok((SEVERITY_NAMES as readonly string[]).includes(rule.defaultSeverity), rule.code);
    assert.equal(DEFAULT_SEVERITY[rule.code], rule.defaultSeverity);
    assert.match(rule.description, /^[A-Z][^\n]*\.$/, rule.code);
    assert.equal(ruleFor(rule.code), rule);
  }
  assert.equal(ruleFor('no-such-code'), undefined);
  assert.equal(ruleFor(42), undefined);
});

test('findings carry their rule\'s code, the configured severity and data tagged with the same code', () => {
  const text = readFixture('problems.md');
  const findings = findingsOf(analyze(text), settingsWith({ severity: { 'section-order': 'hint' } }));
  assert.ok(findings.length > 5);
  for (const finding of findings) {
    assert.equal(finding.data.code, finding.code);
    assert.equal(finding.severity, finding.code === 'section-order' ? 'hint' : DEFAULT_SEVERITY[finding.code]);
    assert.ok(finding.start <= finding.end);
  }
  const quiet = findingsOf(analyze(text), settingsWith({ severity: { 'section-order': 'off' } }));
  assert.deepEqual(quiet.map((f) => f.code), findings.map((f) => f.code).filter((code) => code !== 'section-order'));
});

test('the LSP edge and the CLI edge say the same of the same findings', () => {
  const settings = settingsWith();
  const model = analyze(readFixture('problems.md'));
  const findings = findingsOf(model, settings);
  const diagnostics = toDiagnostics(model, findings);
  assert.deepEqual(computeDiagnostics(model, settings), diagnostics);
  const names = ['', 'error', 'warning', 'information', 'hint'];
  const expected = [...diagnostics]
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((d) => ({
      line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
      severity: names[d.severity ?? 1], code: d.code, message: d.message,
    }));
  assert.deepEqual(reportRows(model, findings), expected);
});

test('fix-all applies only fixes that add what is missing, reorder or break lines, never ones that assert a fact', () => {
  const safe = new Set(RULES.flatMap((rule) => rule.fixes.filter((fix) => fix.fixAll).map(() => rule.code)));
  assert.deepEqual([...safe].sort(), ['section-missing', 'summary-field-missing', 'timeline-entries-run-on', 'timeline-out-of-order']);
});
