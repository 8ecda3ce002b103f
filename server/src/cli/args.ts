// postmortem-lint's command line: what it accepts, its usage text, and the checks that make a bad
// invocation exit 2 with a message.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { BUILT_IN_PROFILES } from '../core/profiles';

export const USAGE = `Usage: postmortem-lint [--profile NAME] [--config FILE] [--format text|json] [--workers N] PATH|GLOB...
       postmortem-lint --actions [--overdue] [--format text|json] PATH|GLOB...

Lints incident postmortems written in Markdown.
  PATH       a file (always linted), or a folder (its postmortems are linted)
  GLOB       e.g. "docs/**/*.md" (quote it; matching postmortems are linted)
  --profile  ${Object.keys(BUILT_IN_PROFILES).join(' | ')} (default: classic)
  --config   a .postmortem.json (default: ./.postmortem.json when present)
  --format   text (file:line:col severity code message) or json
  --workers  threads that lint files in parallel (default: the number of cores)
  --actions  list the open action items instead, grouped by owner (exit 1 when one is overdue)
  --overdue  with --actions: only the overdue ones

Exit status: 0 no errors, 1 errors found, 2 bad usage or an unreadable file.`;

/** Bad usage: reported with the usage text, exit status 2. */
export class UsageError extends Error {}

export type ReportFormat = 'text' | 'json';

export interface LintArgs {
  help: false;
  /** Files, folders and globs, as given. */
  targets: string[];
  format: ReportFormat;
  workers: number;
  config: string | undefined;
  profile: string | undefined;
  /** List open action items (grouped by owner) instead of diagnostics; `overdue`: only those past due. */
  actions: false | 'open' | 'overdue';
}

/** The command line, checked; throws UsageError. */
export function readArgs(argv: string[]): LintArgs | { help: true } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        profile: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string', default: 'text' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        actions: { type: 'boolean' },
        overdue: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
  if (positionals.length === 0) throw new UsageError('name at least one file, folder or glob');
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a whole number of at least 1, not "${values.workers}"`);
  if (values.overdue && !values.actions) throw new UsageError('--overdue goes with --actions');
  const actions = values.actions ? (values.overdue ? 'overdue' : 'open') : false;
  return { help: false, targets: positionals, format: values.format, workers, config: values.config, profile: values.profile, actions };
}
