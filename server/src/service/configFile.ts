// The one loader of `.postmortem.json` / `.postmortem.jsonc`, for the language server (a workspace
// folder's file) and the CLI (--config, or the one in the working directory): read, parse (comments
// and trailing commas allowed), follow `extends`, check against the defaults.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Settings } from '../core/config';
import { defaultSettings, readSettings } from '../rules/settings';

export { defaultSettings };

export const CONFIG_FILE_NAME = '.postmortem.json';
/** The names a folder's config file may have, the first found wins. */
export const CONFIG_FILE_NAMES = [CONFIG_FILE_NAME, '.postmortem.jsonc'] as const;

/** Reads a file as UTF-8 text; throws when it cannot be read. Injected by tests and hosts. */
export type ReadTextFile = (path: string) => string;

export const readTextFile: ReadTextFile = (path) => readFileSync(path, 'utf8');

/** Where an `extends` entry that is a package name leads: its file, resolved from `fromFolder`; throws when absent. */
export type ResolvePackage = (name: string, fromFolder: string) => string;

export const resolvePackage: ResolvePackage = (name, fromFolder) => createRequire(join(fromFolder, 'noop.js')).resolve(name);

export interface ConfigFile {
  /** The defaults with the files' settings over them (the defaults alone when `error` is set). */
  settings: Settings;
  /** What is wrong in the files, as messages that name them (the error among them). */
  problems: string[];
  /**
   * Set when the file, or one it extends, cannot be read or parsed, or `extends` goes round in a
   * cycle: the editor keeps the defaults and says so; the CLI stops (exit 2).
   */
  error?: string;
  /**
   * Every file these settings were read from, or would be once it exists: the config file first, then
   * each file it `extends` (directly or through another), as absolute paths, each once. An edit to any
   * of them changes the settings (the language server watches them).
   */
  files: string[];
}

/** A configuration that cannot be used; its message names the file. */
class ConfigError extends Error {}

function parseConfigText(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const first = errors[0];
    const line = text.slice(0, first.offset).split('\n').length;
    throw new ConfigError(`${file}: not valid JSON (${printParseErrorCode(first.error)} on line ${line})`);
  }
  return raw;
}

/** `extends` as a list of entries (a string is one entry). */
function extendsOf(raw: unknown, file: string): string[] {
  if (typeof raw !== 'object' || raw === null || !('extends' in raw) || raw.extends === undefined) return [];
  const value = raw.extends;
  const entries = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(entries) || !entries.every((entry): entry is string => typeof entry === 'string' && entry !== '')) {
    throw new ConfigError(`${file}: "extends" must be a path or package name, or a list of them`);
  }
  return entries;
}

/** The file an `extends` entry names: a path relative to the extending file's folder, or a package. */
function extendedFile(entry: string, from: string, resolvePkg: ResolvePackage): string {
  const folder = dirname(from);
  if (entry.startsWith('.') || isAbsolute(entry)) return resolve(folder, entry);
  try {
    return resolvePkg(entry, folder);
  } catch {
    throw new ConfigError(`${from}: "extends" names ${JSON.stringify(entry)}, which cannot be found from ${folder}`);
  }
}

interface Loader {
  readFile: ReadTextFile;
  resolvePkg: ResolvePackage;
  problems: string[];
  files: string[];
}

/** The settings of `file` over `base`: what it extends first, in order, then its own. `chain` catches cycles. */
function loadLayered(file: string, base: Settings, chain: string[], loader: Loader): Settings {
  const key = resolve(file);
  if (chain.includes(key)) throw new ConfigError(`"extends" goes round in a cycle: ${[...chain, key].join(' -> ')}`);
  if (!loader.files.includes(key)) loader.files.push(key);
  let text: string;
  try {
    text = loader.readFile(file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    const via = chain.length ? ` (extended by ${chain[chain.length - 1]})` : '';
    throw new ConfigError(`${file}${via}: cannot be read (${reason})`);
  }
  const raw = parseConfigText(text, file);
  let settings = base;
  for (const entry of extendsOf(raw, file)) settings = loadLayered(extendedFile(entry, key, loader.resolvePkg), settings, [...chain, key], loader);
  const result = readSettings(raw, settings, file);
  loader.problems.push(...result.problems);
  return result.settings;
}

/**
 * The settings of a config file and of those it extends; null when the file itself is absent (or a
 * folder). Anything wrong with a file it extends is an error, like a file that does not parse.
 */
export function loadConfigFile(file: string, readFile: ReadTextFile = readTextFile, resolvePkg: ResolvePackage = resolvePackage): ConfigFile | null {
  try {
    readFile(file);
  } catch {
    return null;
  }
  const loader: Loader = { readFile, resolvePkg, problems: [], files: [] };
  try {
    return { settings: loadLayered(file, defaultSettings(), [], loader), problems: loader.problems, files: loader.files };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { settings: defaultSettings(), problems: [`${error.message}; using the defaults`], error: error.message, files: loader.files };
  }
}

/** The config file of a folder (`.postmortem.json`, else `.postmortem.jsonc`), or null when it has none. */
export function loadFolderConfig(folder: string, readFile: ReadTextFile = readTextFile, resolvePkg: ResolvePackage = resolvePackage): ConfigFile | null {
  for (const name of CONFIG_FILE_NAMES) {
    const loaded = loadConfigFile(join(folder, name), readFile, resolvePkg);
    if (loaded) return loaded;
  }
  return null;
}
