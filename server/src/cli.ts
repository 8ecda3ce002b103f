// postmortem-lint: the server's diagnostics for CI pipelines, on the same core.
import { readFileSync, statSync } from 'node:fs';
import { resolve, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { analyzeDocument } from './core/analyze';
import { defaultSettings, readSettings, type Settings } from './core/config';
import { BUILT_IN_PROFILES } from './core/profiles';
import { computeDiagnostics } from './features/diagnostics';
import { analysisResult } from './features/analysis';

const USAGE = `Usage: postmortem-lint [--profile NAME] [--config FILE] [--format text|json] PATH|GLOB...

Lints incident postmortems written in Markdown.
  PATH       a file (always linted), or a folder (its postmortems are linted)
  GLOB       e.g. "docs/**/*.md" (quote it; matching postmortems are linted)
  --profile  ${Object.keys(BUILT_IN_PROFILES).join(' | ')} (default: classic)
  --config   a .postmortem.json (default: ./.postmortem.json when present)
  --format   text (file:line:col severity code message) or json

Exit status: 0 no errors, 1 errors found, 2 bad usage or an unreadable file.`;

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

class UsageError extends Error {}

interface FileReport {
  file: string;
  diagnostics: Array<{ line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }>;
  incident: ReturnType<typeof analysisResult>['incident'];
}

function loadSettings(configPath: string | undefined, profile: string | undefined): { settings: Settings; warnings: string[] } {
  let settings = defaultSettings();
  const warnings: string[] = [];
  const file = configPath ?? '.postmortem.json';
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    if (configPath) throw new UsageError(`cannot read config file ${configPath}`);
  }
  if (text !== null) {
    try {
      const result = readSettings(JSON.parse(text), settings, file);
      settings = result.settings;
      warnings.push(...result.problems);
    } catch (error) {
      warnings.push(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}); using the defaults`);
    }
  }
  if (profile !== undefined) {
    if (!(profile in BUILT_IN_PROFILES) && !(profile === 'custom' && settings.sections)) {
      throw new UsageError(`unknown profile "${profile}" (choose ${Object.keys(BUILT_IN_PROFILES).join(', ')})`);
    }
    settings = { ...settings, profile };
  }
  return { settings, warnings };
}

/** Explicit files, and the postmortems among the Markdown files of folders and globs. */
function expandTargets(targets: string[]): Array<{ path: string; explicit: boolean }> {
  const found = new Map<string, boolean>();
  for (const target of targets) {
    let isDirectory = false;
    let exists = false;
    try {
      const stats = statSync(target);
      exists = true;
      isDirectory = stats.isDirectory();
    } catch {
      exists = false;
    }
    if (exists && !isDirectory) {
      found.set(resolve(target), true);
    } else if (exists && isDirectory) {
      for (const file of globSync('**/*.{md,markdown}', { cwd: target, absolute: true, ignore: ['**/node_modules/**'] })) {
        if (!found.has(file)) found.set(file, false);
      }
    } else if (isDynamicPattern(target)) {
      for (const file of globSync(target, { absolute: true, ignore: ['**/node_modules/**'] })) {
        if (!found.has(file)) found.set(file, false);
      }
    } else {
      throw new UsageError(`no such file or folder: ${target}`);
    }
  }
  return [...found].map(([path, explicit]) => ({ path, explicit })).sort((a, b) => a.path.localeCompare(b.path));
}

function lintFile(path: string, explicit: boolean, settings: Settings): FileReport | null {
  const buffer = readFileSync(path);
  if (buffer.includes(0)) throw new Error('not a text file (it contains NUL bytes)');
  const text = buffer.toString('utf8');
  const model = analyzeDocument(text, settings, path, explicit);
  if (!model.isPostmortem) return null;
  return {
    file: relative(process.cwd(), path) || path,
    diagnostics: computeDiagnostics(model, settings)
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
      .map((diagnostic) => ({
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      endLine: diagnostic.range.end.line + 1,
      endColumn: diagnostic.range.end.character + 1,
      severity: SEVERITY_NAMES[diagnostic.severity ?? 1],
      code: String(diagnostic.code),
      message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    })),
    incident: analysisResult(model).incident,
  };
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        profile: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`postmortem-lint: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
    if (positionals.length === 0) throw new UsageError('name at least one file, folder or glob');
    const { settings, warnings } = loadSettings(values.config, values.profile);
    for (const warning of warnings) process.stderr.write(`postmortem-lint: warning: ${warning}\n`);
    const targets = expandTargets(positionals);
    const reports: FileReport[] = [];
    let unreadable = false;
    for (const target of targets) {
      try {
        const report = lintFile(target.path, target.explicit, settings);
        if (report) reports.push(report);
      } catch (error) {
        unreadable = true;
        process.stderr.write(`postmortem-lint: cannot lint ${relative(process.cwd(), target.path)}: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
    if (values.format === 'json') {
      process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    } else {
      for (const report of reports) {
        for (const d of report.diagnostics) process.stdout.write(`${report.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`);
      }
      const errors = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
      const warnings = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
      process.stderr.write(`${reports.length} postmortem${reports.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
    }
    if (unreadable) return 2;
    return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`postmortem-lint: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
