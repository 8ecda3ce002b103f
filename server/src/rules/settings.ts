// Settings as the rules know them: core/config.ts reads settings for whatever codes it is handed (the
// core knows no rules); here it is handed the rules' codes and default severities.
import { defaultSettingsWith, readSettingsOver, type Settings, type SettingsResult } from '../core/config';
import { DEFAULT_SEVERITY } from './index';

export function defaultSettings(): Settings {
  return defaultSettingsWith(DEFAULT_SEVERITY);
}

/** Merge `raw` (settings or .postmortem.json contents) over `base`, checking every field. */
export function readSettings(raw: unknown, base: Settings = defaultSettings(), origin = 'settings'): SettingsResult {
  return readSettingsOver(raw, base, origin);
}
