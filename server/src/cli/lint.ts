// Linting one file (or standard input's text), the same on the main thread and on the pool's threads;
// with --fix, fixing it first (the document service's lintText does both).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { lintText, type LintTextOptions } from '../service/lint';
import type { FixMode } from './args';
import { writeFileAtomically } from './fix';
import type { Linted, Outcome } from './report';

/** What every file is linted with; a pool thread gets it as its workerData. */
export interface LintOptions extends LintTextOptions {
  fix: FixMode;
}

/** Standard input's name in reports when --stdin-filename gives none. */
export const STDIN_NAME = '<stdin>';

/**
 * The outcome for a text: its report (after the fixes, with --fix or --fix-dry-run; null when it is not a
 * postmortem) and, when fixes changed it, how many problems they solved and the fixed text.
 */
export function lintSource(text: string, path: string | null, explicit: boolean, options: LintOptions): Linted & { fixedText?: string } {
  const { report, fixed } = lintText(text, path, STDIN_NAME, explicit, options.fix !== 'none', options);
  return fixed ? { report, fix: { solved: fixed.solved }, fixedText: fixed.text } : { report };
}

/** A file's text; throws when it cannot be read or is not text (lint and `report` say the same of it). */
export function readTextFile(path: string): string {
  const buffer = readFileSync(path);
  if (buffer.includes(0)) throw new Error('not a text file (it contains NUL bytes)');
  return buffer.toString('utf8');
}

/** The outcome for a file; throws when it cannot be read or is not text. */
function lintFile(path: string, explicit: boolean, options: LintOptions): Linted {
  const text = readTextFile(path);
  const { fixedText, ...outcome } = lintSource(text, path, explicit, options);
  if (fixedText === undefined || !outcome.fix) return outcome;
  if (options.fix === 'write') {
    writeFileAtomically(path, fixedText);
    return outcome;
  }
  return { ...outcome, fix: { ...outcome.fix, diff: unifiedDiff(path, text, fixedText) } };
}

/** The fixes to a file as a unified diff with a/ and b/ names (what `git apply` takes). */
export function unifiedDiff(path: string, before: string, after: string): string {
  const name = (relative(process.cwd(), path) || path).split('\\').join('/');
  // jsdiff starts with a line of '=' that patch tools do not need.
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}

export function lintOutcome(path: string, explicit: boolean, options: LintOptions): Outcome {
  try {
    return lintFile(path, explicit, options);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
