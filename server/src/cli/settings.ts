// The settings every file is linted with: --config (or ./.postmortem.json when present) over the
// defaults, then --profile.
import type { Settings } from '../core/config';
import { CONFIG_FILE_NAME, defaultSettings, loadConfigFile } from '../service/configFile';
import { builtInProfiles, isKnownProfile } from '../service/profiles';
import { UsageError } from './args';

/** The settings, and what is wrong in the config file (warnings: its defaults are used instead). */
export function lintSettings(configPath: string | undefined, profile: string | undefined): { settings: Settings; warnings: string[] } {
  const loaded = loadConfigFile(configPath ?? CONFIG_FILE_NAME);
  if (!loaded && configPath) throw new UsageError(`cannot read config file ${configPath}`);
  let settings = loaded?.settings ?? defaultSettings();
  if (profile !== undefined) {
    if (!isKnownProfile(profile, settings.sections !== null)) {
      throw new UsageError(`unknown profile "${profile}" (choose ${builtInProfiles().map(({ name }) => name).join(', ')})`);
    }
    settings = { ...settings, profile };
  }
  return { settings, warnings: loaded?.problems ?? [] };
}
