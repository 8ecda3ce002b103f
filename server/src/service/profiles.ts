// The profiles a user can choose, for pickers (through `postmortem/profiles`) and the command line.
import { CUSTOM_PROFILE, DEFAULT_PROFILE, PROFILES } from '../core/profiles';
import type { ProfileChoice } from '../protocol';

export { DEFAULT_PROFILE };

/** The built-in profiles, in the order pickers list them. */
export function builtInProfiles(): ProfileChoice[] {
  return PROFILES.map(({ name, description }) => ({ name, description }));
}

/** A profile name `--profile` or a setting accepts: a built-in one, or "custom" when custom sections are set. */
export function isKnownProfile(name: string, hasCustomSections: boolean): boolean {
  return PROFILES.some((profile) => profile.name === name) || (name === CUSTOM_PROFILE.name && hasCustomSections);
}
