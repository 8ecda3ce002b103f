// The profiles a user can choose, for pickers (through `postmortem/profiles`) and the command line:
// `auto` (the document's sections choose) first, then the built-in ones.
import { AUTO_PROFILE, AUTO_PROFILE_DESCRIPTION, CUSTOM_PROFILE, PROFILES } from '../core/profiles';
import type { ProfileChoice } from '../protocol';

/** What a document is checked against when nothing names a profile. */
export const DEFAULT_PROFILE = AUTO_PROFILE;

/** `auto` and the built-in profiles, in the order pickers list them. */
export function builtInProfiles(): ProfileChoice[] {
  return [{ name: AUTO_PROFILE, description: AUTO_PROFILE_DESCRIPTION }, ...PROFILES.map(({ name, description }) => ({ name, description }))];
}

/** A profile name `--profile` or a setting accepts: auto, a built-in one, or "custom" when custom sections are set. */
export function isKnownProfile(name: string, hasCustomSections: boolean): boolean {
  return builtInProfiles().some((profile) => profile.name === name) || (name === CUSTOM_PROFILE.name && hasCustomSections);
}
