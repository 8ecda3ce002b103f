// A new postmortem from a profile: the title, the date, and every section with its skeleton.
import { BUILT_IN_PROFILES, type Profile } from '../core/profiles';
import { skeletonFor } from '../rules/fixes/sectionTemplates';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function postmortemTemplate(profile: Profile, title: string, date: string): string {
  // Front matter marks the document as a postmortem and names its profile, which wins over the
  // workspace's: a google-sre postmortem in a classic workspace is checked as google-sre. A day is
  // its `date`, which the incident index files the postmortem under (a date in the body it does not read).
  const day = DAY.test(date.trim()) ? date.trim() : null;
  const lines = ['---', 'type: postmortem', `profile: ${profile.name}`, ...(day ? [`date: ${day}`] : []), '---', '', `# Postmortem: ${title.trim() || 'Untitled incident'}`, ''];
  if (!day) lines.push(`**Date:** ${date}`, '');
  for (const section of profile.sections) {
    lines.push(`## ${section.title}`, '', ...skeletonFor(profile, section.id), '');
  }
  return lines.join('\n');
}

export function profileNamed(name: string): Profile | undefined {
  return BUILT_IN_PROFILES[name];
}
