// The settings every file is linted with: --config (or ./.postmortem.json when present) over the
// defaults, then --profile.
import type { Settings } from '../core/config';
import { defaultSettings } from '../rules/settings';
import { AUTO_PROFILE, BUILT_IN_PROFILES } from '../core/profiles';
import { CONFIG_FILE_NAME, loadConfigFile } from '../service/configFile';
import { UsageError } from './args';

/** The settings, and what is wrong in the config file (warnings: its defaults are used instead). */
export function lintSettings(configPath: string | undefined, profile: string | undefined): { settings: Settings; warnings: string[] } {
  const loaded = loadConfigFile(configPath ?? CONFIG_FILE_NAME);
  if (!loaded && configPath) throw new UsageError(`cannot read config file ${configPath}`);
  let settings = loaded?.settings ?? defaultSettings();
  if (profile !== undefined) {
    if (!(profile in BUILT_IN_PROFILES) && profile !== AUTO_PROFILE && !(profile === 'custom' && settings.sections)) {
      throw new UsageError(`unknown profile "${profile}" (choose ${[AUTO_PROFILE, ...Object.keys(BUILT_IN_PROFILES)].join(', ')})`);
    }
    settings = { ...settings, profile };
  }
  return { settings, warnings: loaded?.problems ?? [] };
}
