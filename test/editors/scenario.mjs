// The scenario every editor runs, and the checks on what it reports. The node side prepares a
// workspace and a plan (files, positions, random edits), the editor drives the bundled server through
// its own LSP client and writes what it saw as JSON; the checks compare that with postmortem-lint.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
// The benchmarks' seeded generator (run under tsx), so that a failing run can be replayed with PM_EDITORS_SEED.
import { random } from '../../bench/generate.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = process.env.PM_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
/** How many corpus documents each editor opens (a spread over the corpus, not the first ones). */
const CORPUS_SAMPLE = 8;
export const EDIT_COUNT = 20;
const SEVERITIES = ['', 'error', 'warning', 'information', 'hint'];

// Pieces the random edits insert: emoji (astral, and joined), CJK, times and Markdown that move entries.
const PIECES = ['🔥', '👩‍💻', '障害', '対応中 ', 'é', ' ', 'x', '\n- 11:20 UTC 復旧 🎉', '\n', '- 10:05 UTC ', '## ', '**', ' 🚀 データベース'];

/** `count` edits, each within one line (its end may hold a line break), with their text after each. */
export function randomEdits(text, count, seed) {
  const next = random(seed);
  const edits = [];
  let current = text;
  for (let i = 0; i < count; i++) {
    const lines = current.split('\n');
    // Not the empty segment after a final line break: editors hold no line there.
    const line = Math.floor(next() * (lines.length - (current.endsWith('\n') ? 1 : 0)));
    const points = [...lines[line]];
    const start = Math.floor(next() * (points.length + 1));
    const end = Math.min(points.length, start + Math.floor(next() * 4));
    const insert = next() < 0.25 ? '' : PIECES[Math.floor(next() * PIECES.length)];
    lines[line] = points.slice(0, start).join('') + insert + points.slice(end).join('');
    current = lines.join('\n');
    // Columns in code points: each editor turns them into its own unit (bytes, characters).
    edits.push({ line, start, end, text: insert });
  }
  return { edits, expected: current };
}

function corpusSample() {
  if (!existsSync(join(CORPUS, 'index.tsv'))) return { files: [], skip: `corpus not found at ${CORPUS} (set PM_CORPUS, or put it beside the repo as CI does): corpus documents not checked` };
  const all = readdirSync(CORPUS).filter((name) => name.endsWith('.md')).sort();
  const step = Math.max(1, Math.floor(all.length / CORPUS_SAMPLE));
  return { files: all.filter((_, i) => i % step === 0).slice(0, CORPUS_SAMPLE).map((name) => join(CORPUS, name)), skip: null };
}

/** A fresh workspace (every document under postmortems/, so the server and the CLI both check it) and its plan. */
export function preparePlan(editor) {
  const workspace = mkdtempSync(join(tmpdir(), `postmortem-${editor}-`));
  const dir = join(workspace, 'postmortems');
  mkdirSync(dir);
  const copy = (from, name) => {
    copyFileSync(from, join(dir, name));
    return join(dir, name);
  };
  const examples = [
    copy(join(ROOT, 'examples', 'broken-postmortem.md'), 'broken-postmortem.md'),
    copy(join(ROOT, 'examples', '2024-03-14-checkout-postmortem.md'), 'checkout-postmortem.md'),
    copy(join(ROOT, 'examples', 'incidents', '2023-11-02-dns-resolution-failure.md'), 'dns-postmortem.md'),
  ];
  const corpus = corpusSample();
  const corpusFiles = corpus.files.map((file, i) => copy(file, `corpus-${i}-${file.split('/').pop()}`));
  // Emoji and CJK before the stated duration: a client counting columns in bytes sends them back shifted.
  const fixFile = join(dir, 'fix-postmortem.md');
  writeFileSync(fixFile, readFileSync(join(ROOT, 'examples', 'broken-postmortem.md'), 'utf8').replace('The image upload service', '🔥 画像アップロード: The image upload service'));
  const checkout = readFileSync(join(ROOT, 'examples', '2024-03-14-checkout-postmortem.md'), 'utf8');
  const lines = checkout.split('\n');
  const entryLine = lines.findIndex((line) => /^- \*\*14:06 UTC:\*\*/.test(line));
  const editFile = join(dir, 'edit-postmortem.md');
  const editText = checkout.replace('## Timeline', '## Timeline 🕒 タイムライン');
  writeFileSync(editFile, editText);
  const seed = Number(process.env.PM_EDITORS_SEED ?? Date.now() % 100000);
  const { edits, expected } = randomEdits(editText, EDIT_COUNT, seed);
  const brokenLines = readFileSync(fixFile, 'utf8').split('\n');
  return {
    editor,
    workspace,
    seed,
    corpusSkip: corpus.skip,
    expectedEditText: expected,
    plan: {
      root: workspace,
      server: [process.execPath, join(ROOT, 'dist', 'language-server.js')],
      diagnosticFiles: [...examples, ...corpusFiles],
      fixFile,
      featureFile: examples[1],
      hover: { line: entryLine, character: 5 },
      // The blank line that ends the broken example's summary: missing sections and summary facts complete there.
      completionFile: examples[0],
      completion: { line: brokenLines.indexOf('## Timeline') - 1, character: 0 },
      editFile,
      edits,
      results: join(workspace, 'results.json'),
    },
  };
}

/** postmortem-lint's diagnostics for `file`, as comparable lines (sorted as text). */
export function cliDiagnostics(file, cwd) {
  let out;
  try {
    out = execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--format', 'json', '--workers', '1', file], { cwd, encoding: 'utf8' });
  } catch (error) {
    // Exit 1: errors found, the output is still the report.
    if (error.status !== 1) throw error;
    out = error.stdout;
  }
  const [report] = JSON.parse(out);
  return (report?.diagnostics ?? []).map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`).sort();
}

/** The server's diagnostics as an editor received them, in the CLI's terms. */
export function lspDiagnostics(diagnostics) {
  // Sorted, as the CLI sorts by position: the same set, whatever order the server sent them in.
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITIES[d.severity ?? 1]} ${d.code} ${d.message}`).sort();
}

/** LSP text edits applied to `text` (UTF-16 positions, as JavaScript strings count). */
export function applyEdits(text, edits) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  return [...edits]
    .map((edit) => ({ from: offset(edit.range.start), to: offset(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.from - a.from)
    .reduce((acc, edit) => acc.slice(0, edit.from) + edit.newText + acc.slice(edit.to), text);
}

const editsOf = (action, uri) => action.edit.changes?.[uri] ?? action.edit.documentChanges?.find((change) => change.textDocument?.uri === uri)?.edits ?? [];

/** The checks on an editor's results: one subtest each, so a report names what broke. */
export function checkResults(t, prepared, results) {
  const { plan, workspace } = prepared;
  return [
    t.test('diagnostics equal the CLI\'s on the examples and corpus documents', (s) => {
      if (prepared.corpusSkip) s.diagnostic(prepared.corpusSkip);
      assert.equal(results.diagnostics.length, plan.diagnosticFiles.length);
      for (const { file, diagnostics } of results.diagnostics) {
        assert.deepEqual(lspDiagnostics(diagnostics), cliDiagnostics(file, workspace), file);
      }
      assert.ok(results.diagnostics[0].diagnostics.length > 0, 'the broken example has problems');
    }),
    t.test('a quick fix, the duration fix from the editor\'s own diagnostics and fix-all, applied by the editor', () => {
      const { quickFix, durationFix, fixAll } = results;
      assert.ok(quickFix?.action, 'a quick fix was offered');
      assert.equal(quickFix.textAfter, applyEdits(quickFix.textBefore, editsOf(quickFix.action, quickFix.uri)));
      assert.ok(durationFix?.action, `the duration fix was offered for the diagnostic as the editor sends it back: ${JSON.stringify(durationFix?.diagnostics)}`);
      assert.equal(durationFix.textAfter, applyEdits(durationFix.textBefore, editsOf(durationFix.action, durationFix.uri)));
      assert.match(durationFix.textAfter, /🔥 画像アップロード: The image upload service/);
      assert.doesNotMatch(durationFix.textAfter, /45 minutes/);
      assert.ok(fixAll?.action, 'fix-all was offered');
      assert.equal(fixAll.textAfter, applyEdits(fixAll.textBefore, editsOf(fixAll.action, fixAll.uri)));
      const codes = fixAll.diagnosticsAfter.map((d) => d.code);
      for (const fixed of ['section-missing', 'summary-field-missing', 'timeline-out-of-order']) assert.ok(!codes.includes(fixed), `${fixed} left after fix-all: ${codes}`);
    }),
    t.test('symbols, hover, completion, folding and inlay hints', () => {
      const names = JSON.stringify(results.symbols);
      for (const section of ['Issue Summary', 'Timeline', 'Root Cause and Resolution']) assert.ok(names.includes(section), section);
      assert.ok(names.includes('14:06 UTC'), 'timeline entries under the Timeline');
      const hover = results.hover?.contents?.value ?? '';
      assert.match(hover, /\*\*14:06 UTC\*\*/);
      assert.match(hover, /T\+0:06\*\* since the incident start/);
      const labels = results.completion.map((item) => item.label);
      assert.ok(labels.some((label) => /Corrective and Preventive Measures/.test(label)), `a missing section: ${labels}`);
      assert.ok(labels.includes('Impact:'), `a missing summary fact: ${labels}`);
      for (const item of results.completion) {
        const text = item.textEdit?.newText ?? item.insertText ?? item.label;
        // One line each (the rest comes as additional edits); no snippet syntax, which neither editor declares.
        assert.doesNotMatch(text, /\n/, item.label);
        assert.doesNotMatch(text, /\$\{?\d/, item.label);
      }
      assert.ok(results.folding.length >= 4, `folding ranges: ${results.folding.length}`);
      // Every timeline time gets its offset; the action item that names an owner gets its owner and due date.
      assert.deepEqual(results.inlayHints.map((hint) => hint.label), ['T+0:00', 'T+0:06', 'T+0:15', 'T+0:50', 'T+1:30', 'T+1:45', 'T+2:15', '@platform team · no due date']);
    }),
    t.test(`${EDIT_COUNT} random edits with emoji and CJK keep the server in sync (seed ${prepared.seed}: PM_EDITORS_SEED=${prepared.seed} replays it)`, () => {
      const saved = readFileSync(plan.editFile, 'utf8');
      assert.equal(saved, prepared.expectedEditText, 'the editor applied the edits as planned');
      assert.deepEqual(lspDiagnostics(results.edits.diagnostics), cliDiagnostics(plan.editFile, workspace));
    }),
    t.test('a clean exit: the server stopped with the editor, no process left behind', () => {
      // eglot's jsonrpc deletes the process (SIGKILL) right after sending `exit`, whatever the server
      // would do: there the answered shutdown and the process gone are what can be checked.
      const killedByEglot = prepared.editor === 'eglot' && results.exit?.status === 'signal' && results.exit.code === 9;
      if (!killedByEglot) assert.equal(results.exit?.code, 0, JSON.stringify(results.exit));
      assert.ok(Number.isInteger(results.serverPid), 'the server\'s pid was recorded');
      assert.throws(() => process.kill(results.serverPid, 0), /ESRCH/, `server ${results.serverPid} still running`);
    }),
  ];
}

/**
 * Runs `command args` (an editor that reads the plan from $PM_PLAN) on a fresh workspace and checks
 * what it wrote. The editor must finish within three minutes; it waits on events itself.
 */
export async function driveEditor(t, editor, command, args) {
  const prepared = preparePlan(editor);
  const planFile = join(prepared.workspace, 'plan.json');
  writeFileSync(planFile, JSON.stringify(prepared.plan));
  const run = spawnSync(command, args, { env: { ...process.env, PM_PLAN: planFile }, encoding: 'utf8', timeout: 180_000, cwd: prepared.workspace });
  if (!existsSync(prepared.plan.results)) throw new Error(`${command} wrote no results (exit ${run.status}, ${run.error ?? ''}): ${run.stderr?.slice(-2000)}`);
  const results = JSON.parse(readFileSync(prepared.plan.results, 'utf8'));
  if (results.error || run.status !== 0) throw new Error(`${command} exited ${run.status}: ${results.error ?? run.stderr.slice(-2000)}`);
  await Promise.all(checkResults(t, prepared, results));
}
