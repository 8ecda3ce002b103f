// `postmortem-lint report PATHS [--format markdown|json|html] [-o FILE]`: the incident index of the
// postmortems found (as lint finds them) with its monthly figures and open items by owner. Markdown is
// meant to be committed as INDEX.md, so file links are relative to the output file's folder.
import { statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IncidentIndexEntry } from '../protocol';
import { incidentReportTables } from '../service/incidentReport';
import { incidentStats } from '../service/incidentStats';
import { indexText } from '../service/indexText';
import { newestFirst } from '../shared/newestFirst';
import { parseCommandLine, UsageError } from './args';
import { indexHtml } from './formats/indexHtml';
import { indexMarkdown } from './formats/indexMarkdown';
import { reportUnreadable } from './report';
import { readTextFile } from './lint';
import { lintSettings } from './settings';
import { expandTargets } from './targets';

/** The subcommand's name, as the first argument. */
export const REPORT_COMMAND = 'report';

export const INDEX_FORMATS = ['markdown', 'json', 'html'] as const;
export type IndexFormat = (typeof INDEX_FORMATS)[number];

export const REPORT_USAGE = `Usage: postmortem-lint report [options] PATH|GLOB...

The incident index of the postmortems found: a table (newest first), monthly figures, and the open
and overdue action items by owner.
  --format FORMAT   markdown (default; to commit as INDEX.md), json ({ entries, stats }) or html
                    (one self-contained page)
  -o, --output FILE write to FILE (links are relative to its folder) instead of standard output
  --profile NAME    the profile postmortems are checked against (as for linting)
  --config FILE     a .postmortem.json(c) (default: ./.postmortem.json or ./.postmortem.jsonc when present)

Exit status: 0 written, 2 bad usage, a bad configuration, an unreadable file or an output that
cannot be written.`;

export interface ReportArgs {
  targets: string[];
  format: IndexFormat;
  output: string | null;
  config: string | undefined;
  profile: string | undefined;
}

/** The command line after `report`; throws UsageError. Null: --help. */
export function readReportArgs(argv: string[]): ReportArgs | null {
  const { values, positionals } = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'markdown' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string' },
      profile: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  const format = values.format as IndexFormat;
  if (!INDEX_FORMATS.includes(format)) throw new UsageError(`report --format must be ${INDEX_FORMATS.join(', ')}, not "${values.format}"`);
  if (positionals.length === 0) throw new UsageError('report: name at least one file, folder or glob');
  if (values.output === '') throw new UsageError('report: -o needs a file name');
  return { targets: positionals, format, output: values.output ?? null, config: values.config, profile: values.profile };
}

/** The index of the named files: entries newest first, paths relative to `base` with forward slashes. */
export function indexEntries(args: ReportArgs, base: string, now: Date): { entries: IncidentIndexEntry[]; unreadable: boolean } {
  const { settings, warnings } = lintSettings({ config: args.config, profile: args.profile, rules: [] });
  for (const warning of warnings) process.stderr.write(`postmortem-lint: warning: ${warning}\n`);
  const entries: IncidentIndexEntry[] = [];
  let unreadable = false;
  for (const target of expandTargets(args.targets)) {
    try {
      const text = readTextFile(target.path);
      const mtime = Math.floor(statSync(target.path).mtimeMs);
      const file = { uri: pathToFileURL(target.path).href, path: relative(base, target.path).split(sep).join('/'), mtime };
      const indexed = indexText(text, target.path, file, settings, now, target.explicit);
      if (indexed) entries.push(indexed.entry);
    } catch (error) {
      unreadable = true;
      reportUnreadable(target.path, error instanceof Error ? error.message : String(error));
    }
  }
  return { entries: entries.sort(newestFirst), unreadable };
}

export function formatIndex(entries: IncidentIndexEntry[], format: IndexFormat): string {
  const stats = incidentStats(entries);
  if (format === 'json') return `${JSON.stringify({ entries, stats }, null, 2)}\n`;
  const tables = incidentReportTables(entries, stats);
  return format === 'html' ? indexHtml(tables) : indexMarkdown(tables);
}

/** Runs `report`; returns the exit status. */
export function runReport(argv: string[], now = new Date()): number {
  const args = readReportArgs(argv);
  if (!args) {
    process.stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  const output = args.output === null ? null : resolve(args.output);
  const { entries, unreadable } = indexEntries(args, output === null ? process.cwd() : dirname(output), now);
  const text = formatIndex(entries, args.format);
  if (output === null) process.stdout.write(text);
  else {
    try {
      writeFileSync(output, text);
    } catch (error) {
      process.stderr.write(`postmortem-lint: cannot write ${args.output}: ${writeFailure(error)}\n`);
      return 2;
    }
  }
  return unreadable ? 2 : 0;
}

/** Why a file could not be written, in words rather than a stack. */
function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EROFS') return 'the file system is read-only';
  return error instanceof Error ? error.message : String(error);
}
