// postmortem-lint's command line: what it accepts, its usage text, and the checks that make a bad
// invocation exit 2 with a message.
import { availableParallelism } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SeverityName } from '../core/config';
import { RULE_CODES, SEVERITY_NAMES } from '../service/catalogue';
import { builtInProfiles, DEFAULT_PROFILE } from '../service/profiles';

export const REPORT_FORMATS = ['text', 'compact', 'json', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const USAGE = `Usage: postmortem-lint [options] PATH|GLOB...
       postmortem-lint --actions [--overdue] [--format text|json] PATH|GLOB...
       postmortem-lint [options] --stdin [--stdin-filename NAME]
       postmortem-lint report [--format markdown|json|html] [-o FILE] PATH|GLOB...

Lints incident postmortems written in Markdown.
  PATH              a file (always linted), or a folder (its postmortems are linted)
  GLOB              e.g. "docs/**/*.md" (quote it; matching postmortems are linted)
  --profile NAME    ${builtInProfiles().map((profile) => profile.name).join(' | ')} (default: ${DEFAULT_PROFILE})
  --config FILE     a .postmortem.json(c) (default: ./.postmortem.json or ./.postmortem.jsonc when present)
  --rule CODE=SEV   a code's severity (${SEVERITY_NAMES.join(', ')}) over the config; may be repeated
  --format FORMAT   text (by file, for people), compact (file:line:col severity code message),
                    json, sarif (SARIF 2.1.0, for code scanning) or github (workflow annotations)
  --sarif-base DIR  SARIF locations are relative to DIR (default: the working directory)
  --quiet           report errors only
  --max-warnings N  exit 1 when there are more than N warnings
  --no-color        plain text (also when NO_COLOR is set or the output is not a terminal)
  --fix             apply the safe fixes (those the editor's fix-all applies) to the files
  --fix-dry-run     print the safe fixes as a unified diff; change nothing
  --postmortems-only  lint named files only when they are postmortems (as in a folder)
  --stdin           lint standard input; with --fix, the fixed text goes to standard output
  --stdin-filename NAME  the name standard input is linted under (discovery, settings, reports)
  --workers N       threads that lint files in parallel (default: the number of cores)
  --actions         list the open action items instead, grouped by owner (exit 1 when one is overdue)
  --overdue         with --actions: only the overdue ones
  --version         print the version

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 bad usage, a bad configuration or an unreadable file.`;

/** Bad usage: reported with the usage text, exit status 2. */
export class UsageError extends Error {}

export type FixMode = 'none' | 'write' | 'dry-run';

export interface LintArgs {
  kind: 'lint';
  /** Files, folders and globs, as given (none with --stdin). */
  targets: string[];
  format: ReportFormat;
  workers: number;
  config: string | undefined;
  profile: string | undefined;
  /** --rule overrides, in the order given. */
  rules: Array<[code: string, severity: SeverityName]>;
  sarifBase: string | undefined;
  quiet: boolean;
  maxWarnings: number | undefined;
  color: boolean;
  fix: FixMode;
  postmortemsOnly: boolean;
  /** Set with --stdin: the name standard input is linted under (null: none given). */
  stdin: { filename: string | null } | null;
  /** List open action items (grouped by owner) instead of diagnostics; `overdue`: only those past due. */
  actions: false | 'open' | 'overdue';
}

export type Invocation = LintArgs | { kind: 'help' } | { kind: 'version' };

function ruleOverride(raw: string): [string, SeverityName] {
  const at = raw.lastIndexOf('=');
  const code = raw.slice(0, at);
  const severity = raw.slice(at + 1);
  if (at < 0 || !RULE_CODES.includes(code)) {
    throw new UsageError(`--rule takes CODE=SEVERITY with a known code (${RULE_CODES.join(', ')}), not "${raw}"`);
  }
  if (!(SEVERITY_NAMES as readonly string[]).includes(severity)) throw new UsageError(`--rule ${code}: the severity must be one of ${SEVERITY_NAMES.join(', ')}, not "${severity}"`);
  return [code, severity as SeverityName];
}

function wholeNumber(option: string, raw: string, min: number): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min) throw new UsageError(`${option} must be a whole number of at least ${min}, not "${raw}"`);
  return value;
}

/** Colour: only on a terminal, never with --no-color or NO_COLOR (any value but empty). */
function wantsColor(noColor: boolean, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  return !noColor && !env.NO_COLOR && isTTY;
}

/** node's parseArgs, with what it rejects (an unknown option, a missing value) thrown as UsageError. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The command line, checked; throws UsageError. */
export function readArgs(argv: string[], env: NodeJS.ProcessEnv = process.env, stdoutIsTTY = Boolean(process.stdout.isTTY)): Invocation {
  const { values, positionals } = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string', default: 'text' },
      workers: { type: 'string' },
      rule: { type: 'string', multiple: true, default: [] },
      'sarif-base': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'max-warnings': { type: 'string' },
      'no-color': { type: 'boolean', default: false },
      fix: { type: 'boolean', default: false },
      'fix-dry-run': { type: 'boolean', default: false },
      'postmortems-only': { type: 'boolean', default: false },
      stdin: { type: 'boolean', default: false },
      'stdin-filename': { type: 'string' },
      actions: { type: 'boolean', default: false },
      overdue: { type: 'boolean', default: false },
      version: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const format = values.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be ${REPORT_FORMATS.join(', ')}, not "${values.format}"`);
  if (values.fix && values['fix-dry-run']) throw new UsageError('choose --fix or --fix-dry-run, not both');
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename goes with --stdin');
  if (values.stdin && positionals.length > 0) throw new UsageError('--stdin lints standard input: name no files');
  if (!values.stdin && positionals.length === 0) throw new UsageError('name at least one file, folder or glob (or --stdin)');
  const workers = values.workers === undefined ? availableParallelism() : wholeNumber('--workers', values.workers, 1);
  if (values.overdue && !values.actions) throw new UsageError('--overdue goes with --actions');
  if (values.actions && (values.fix || values['fix-dry-run'])) throw new UsageError('--actions lists action items: it fixes nothing');
  return {
    kind: 'lint',
    targets: positionals,
    format,
    workers,
    config: values.config,
    profile: values.profile,
    rules: values.rule.map(ruleOverride),
    sarifBase: values['sarif-base'],
    quiet: values.quiet,
    maxWarnings: values['max-warnings'] === undefined ? undefined : wholeNumber('--max-warnings', values['max-warnings'], 0),
    color: wantsColor(values['no-color'], env, stdoutIsTTY),
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'none',
    postmortemsOnly: values['postmortems-only'],
    stdin: values.stdin ? { filename: values['stdin-filename'] ?? null } : null,
    actions: values.actions ? (values.overdue ? 'overdue' : 'open') : false,
  };
}
