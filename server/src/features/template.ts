// A new postmortem from a profile: the title, the date, and every section with its skeleton.
import { BUILT_IN_PROFILES, type Profile } from '../core/profiles';
import { skeletonFor } from './sectionTemplates';

export function postmortemTemplate(profile: Profile, title: string, date: string): string {
  const lines = [`# Postmortem: ${title.trim() || 'Untitled incident'}`, '', `**Date:** ${date}`, ''];
  for (const section of profile.sections) {
    lines.push(`## ${section.title}`, '', ...skeletonFor(section.id), '');
  }
  return lines.join('\n');
}

export function profileNamed(name: string): Profile | undefined {
  return BUILT_IN_PROFILES[name];
}
