// The settings every file is linted with: --config (or ./.postmortem.json(c) when present, with what
// it extends) over the defaults, then --profile and --rule.
import type { Settings, SeverityName } from '../core/config';
import { defaultSettings, loadConfigFile, loadFolderConfig } from '../service/configFile';
import { builtInProfiles, isKnownProfile } from '../service/profiles';
import { UsageError } from './args';

/** A configuration that cannot be used (unreadable, not JSON, a bad `extends`): exit 2 with the reason, no usage text. */
export class BadConfigError extends Error {}

export interface SettingsOptions {
  config: string | undefined;
  profile: string | undefined;
  rules: ReadonlyArray<[code: string, severity: SeverityName]>;
}

/** The settings, and what is wrong in the config's values (warnings: their defaults are used instead). */
export function lintSettings({ config, profile, rules }: SettingsOptions): { settings: Settings; warnings: string[] } {
  const loaded = config === undefined ? loadFolderConfig('.') : loadConfigFile(config);
  if (!loaded && config !== undefined) throw new BadConfigError(`cannot read config file ${config}`);
  // In CI a configuration that silently fell back to the defaults would let errors through.
  if (loaded?.error) throw new BadConfigError(loaded.error);
  let settings = loaded?.settings ?? defaultSettings();
  if (profile !== undefined) {
    if (!isKnownProfile(profile, settings.sections !== null)) {
      throw new UsageError(`unknown profile "${profile}" (choose ${builtInProfiles().map(({ name }) => name).join(', ')})`);
    }
    settings = { ...settings, profile };
  }
  if (rules.length) settings = { ...settings, severity: { ...settings.severity, ...Object.fromEntries(rules) } };
  return { settings, warnings: loaded?.problems ?? [] };
}
