#!/usr/bin/env node
// Issue 16's figures on the corpus documents read by a person (test/fixtures/corpus-expected.json):
// durations, entry counts, sections, stated durations, false section-missing / summary-field-missing /
// timeline-out-of-order, documents found as postmortems, lifecycle moments. Sections, times and moments come from the model; the
// diagnostics and whether a document is found come from the built CLI (`npm run build` first), which
// must agree with the model's diagnostics. Prints N/M per figure and each miss by document.
//   node scripts/corpus-figures.mjs [--json]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run npm run build first');
  process.exit(2);
}
const { CORPUS, corpusAvailable } = await tsImport('../test/helpers.ts', import.meta.url);
if (!corpusAvailable) {
  console.error(`corpus not found at ${CORPUS}`);
  process.exit(2);
}
const { corpusFigures, expectations, reportedProblems } = await tsImport('../test/corpusReadings.ts', import.meta.url);
const { readCorpus } = await tsImport('../test/helpers.ts', import.meta.url);

const files = Object.keys(expectations);
const paths = files.map((file) => relative(process.cwd(), join(CORPUS, file)));
/** The CLI's JSON report, by corpus file name. */
function lint(extra) {
  // Exit status 1 only says that errors were found.
  let out;
  try {
    out = execFileSync(process.execPath, [cli, '--format', 'json', '--workers', '1', ...extra, ...paths], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (error) {
    if (error.status !== 1) throw error;
    out = error.stdout;
  }
  return new Map(JSON.parse(out).map((report) => [report.file.split(/[\\/]/).pop(), report]));
}

const everything = lint([]);
const found = lint(['--postmortems-only']);
const figures = corpusFigures((file) => found.has(file));

// The model's findings are the CLI's: the same codes, as many times, on every document read.
const disagreements = [];
for (const file of files) {
  const cliCodes = (everything.get(file)?.diagnostics ?? []).map((row) => row.code);
  const count = (code) => cliCodes.filter((c) => c === code).length;
  const model = reportedProblems(readCorpus(file));
  if (count('section-missing') !== model['section-missing'].length
    || count('summary-field-missing') !== model['summary-field-missing'].length
    || (count('timeline-out-of-order') > 0) !== model.outOfOrder) disagreements.push(file);
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ documents: files.length, figures, cliDisagreements: disagreements }, null, 2));
} else {
  console.log(`Corpus figures on the ${files.length} documents read (test/fixtures/corpus-expected.json)\n`);
  const width = Math.max(...figures.map((figure) => figure.name.length));
  for (const { name, met, of } of figures) {
    console.log(`${name.padEnd(width)}  ${String(met).padStart(3)}/${of}  ${((100 * met) / of).toFixed(1)}%`);
  }
  for (const { name, misses } of figures) {
    if (!misses.length) continue;
    console.log(`\n${name}:`);
    for (const miss of misses) console.log(`  ${miss}`);
  }
  console.log(disagreements.length ? `\nThe CLI and the model disagree on: ${disagreements.join(', ')}` : '\nThe CLI reports what the model does on every document.');
}
process.exit(disagreements.length ? 1 : 0);
