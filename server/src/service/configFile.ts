// The one loader of `.postmortem.json`, for the language server (a workspace folder's file) and the
// CLI (--config, or the one in the working directory): read, parse, check against the defaults.
import { readFileSync } from 'node:fs';
import type { Settings } from '../core/config';
import { defaultSettings, readSettings } from '../rules/settings';

export { defaultSettings };

export const CONFIG_FILE_NAME = '.postmortem.json';

/** Reads a file as UTF-8 text; throws when it cannot be read. Injected by tests and hosts. */
export type ReadTextFile = (path: string) => string;

export const readTextFile: ReadTextFile = (path) => readFileSync(path, 'utf8');

export interface ConfigFile {
  /** The defaults with the file's settings over them (the defaults alone when it is not valid JSON). */
  settings: Settings;
  /** What is wrong in the file, as messages that name it. */
  problems: string[];
}

/** The settings of a config file, or null when it cannot be read (absent, or a folder). */
export function loadConfigFile(file: string, readFile: ReadTextFile = readTextFile): ConfigFile | null {
  let text: string;
  try {
    text = readFile(file);
  } catch {
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { settings: defaultSettings(), problems: [`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}); using the defaults`] };
  }
  return readSettings(raw, defaultSettings(), file);
}
