// Settings, from VS Code (per document) or from a .postmortem.json, checked field by field: a bad
// value is reported and replaced by its default, and everything else keeps working.
import picomatch from 'picomatch';
import { AUTO_PROFILE, BUILT_IN_PROFILES, builtInSkeleton, CUSTOM_PROFILE, DEFAULT_PROFILE, SUMMARY_PROSE, type Profile, type SectionSpec } from './profiles';
import { readZoneAt, type Zone } from './time/zones';
import { defaultWritingSettings, PHRASE_LISTS, type WritingSettings } from './writing/phrases';
import { DEFAULT_SEVERITIES, DEFAULT_STATUSES } from './frontMatter';
import { defaultMetrics, readMetrics, type MetricDefinitions } from './metricsSetting';

/** How loudly a diagnostic code is reported; 'off' silences it. */
export const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

/**
 * Every diagnostic code with its default severity. The core knows no rules: whoever reads settings
 * hands it the rules' list (see server/src/settings.ts), and only those codes may be configured.
 */
export type SeverityDefaults = Readonly<Record<string, SeverityName>>;

export interface CustomSection {
  id?: string;
  title: string;
  aliases?: string[];
  required?: boolean;
}

export interface Settings {
  profile: string;
  sections: CustomSection[] | null;
  include: string[];
  /** A level for every known code (the defaults, overridden by the settings). */
  severity: Record<string, SeverityName>;
  durationTolerance: number;
  timeZone: string;
  /** How numeric dates ("05/06/2026") are read: 'auto' as the document writes them (core/model.ts), else every one so. */
  dateOrder: DateOrderSetting;
  inlayHints: { enabled: boolean };
  /** The blameless-writing rules' word lists, extended or muted (core/writing/phrases.ts). */
  writing: WritingSettings;
  /** The values front matter's `severity` and `status` take (statuses in life order). */
  frontMatter: { severities: string[]; statuses: string[] };
  /** What a postmortem must have once its `status` is reached (and at every later status). */
  statusRequirements: StatusRequirement[];
  /** Which two lifecycle moments each response figure measures between (core/metricsSetting.ts). */
  metrics: MetricDefinitions;
  /** How action items show their owner and due date in the editor. */
  actionItems: { display: ActionItemDisplay };
  /** The incident index: files it leaves out besides node_modules and .git (globs, relative to the folder). */
  index: { exclude: string[] };
}

export const ACTION_ITEM_DISPLAYS = ['inlay', 'codeLens', 'both', 'none'] as const;
export type ActionItemDisplay = (typeof ACTION_ITEM_DISPLAYS)[number];

export const REQUIREMENT_NAMES = ['sections', 'owners', 'due-dates'] as const;
export type RequirementName = (typeof REQUIREMENT_NAMES)[number];
export interface StatusRequirement {
  status: string;
  require: RequirementName[];
}

/**
 * `auto`: slashes month first as in the US, dashes and dots day first (month first under a US zone),
 * every one day first in a document that writes a date only day first can read.
 */
export const DATE_ORDERS = ['auto', 'day-first', 'month-first'] as const;
export type DateOrderSetting = (typeof DATE_ORDERS)[number];

export const DEFAULT_INCLUDE = ['**/*postmortem*.md', '**/*post-mortem*.md', '**/*postmortem/README.md', '**/*post-mortem/README.md', '**/postmortems/**/*.md', '**/incidents/**/*.md'];

export function defaultSettingsWith(severity: SeverityDefaults): Settings {
  return {
    profile: AUTO_PROFILE,
    sections: null,
    include: [...DEFAULT_INCLUDE],
    severity: { ...severity },
    durationTolerance: 5,
    timeZone: '',
    dateOrder: 'auto',
    inlayHints: { enabled: true },
    writing: defaultWritingSettings(),
    frontMatter: { severities: [...DEFAULT_SEVERITIES], statuses: [...DEFAULT_STATUSES] },
    statusRequirements: [{ status: 'published', require: ['sections', 'owners'] }],
    metrics: defaultMetrics(),
    // Inlay hints sit at the end of the line: a lens above each row would push a table's rows apart.
    actionItems: { display: 'inlay' },
    index: { exclude: [] },
  };
}

export interface SettingsResult {
  settings: Settings;
  /** One message per bad value; the default is used instead. */
  problems: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merge `raw` (settings or .postmortem.json contents) over `base`, checking every field. The codes
 * `base.severity` names are the ones a severity may be given for.
 */
export function readSettingsOver(raw: unknown, base: Settings, origin = 'settings'): SettingsResult {
  const settings: Settings = { ...base, severity: { ...base.severity }, include: [...base.include], inlayHints: { ...base.inlayHints }, writing: { ...base.writing } };
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isRecord(raw)) return { settings, problems: [`${origin}: expected an object, got ${typeof raw}`] };
  if (raw.profile !== undefined) {
    if (typeof raw.profile === 'string' && (raw.profile in BUILT_IN_PROFILES || raw.profile === 'custom' || raw.profile === AUTO_PROFILE)) settings.profile = raw.profile;
    else problems.push(`${origin}: profile must be one of ${[AUTO_PROFILE, ...Object.keys(BUILT_IN_PROFILES), 'custom'].join(', ')}; got ${JSON.stringify(raw.profile)}`);
  }
  if (raw.sections !== undefined && raw.sections !== null && !(Array.isArray(raw.sections) && raw.sections.length === 0)) {
    const sections = readCustomSections(raw.sections, origin, problems);
    if (sections) settings.sections = sections;
  }
  if (raw.include !== undefined) {
    const include = readGlobList(raw.include, 'include', origin, problems);
    if (include) settings.include = include;
  }
  if (raw.index !== undefined) {
    const exclude = isRecord(raw.index) ? readGlobList(raw.index.exclude ?? [], 'index.exclude', origin, problems) : null;
    if (exclude) settings.index = { exclude };
    else if (!isRecord(raw.index)) problems.push(`${origin}: index must be an object ({ "exclude": [globs] })`);
  }
  if (raw.severity !== undefined) {
    if (isRecord(raw.severity)) {
      for (const [code, level] of Object.entries(raw.severity)) {
        if (!Object.hasOwn(base.severity, code)) problems.push(`${origin}: severity for unknown code ${JSON.stringify(code)}`);
        else if (!isSeverityName(level)) problems.push(`${origin}: severity of ${code} must be one of ${SEVERITY_NAMES.join(', ')}`);
        else settings.severity[code] = level;
      }
    } else {
      problems.push(`${origin}: severity must be an object of code: level`);
    }
  }
  if (raw.durationTolerance !== undefined) {
    if (typeof raw.durationTolerance === 'number' && Number.isFinite(raw.durationTolerance) && raw.durationTolerance >= 0) settings.durationTolerance = raw.durationTolerance;
    else problems.push(`${origin}: durationTolerance must be a number of minutes, 0 or more`);
  }
  if (raw.timeZone !== undefined) {
    if (typeof raw.timeZone === 'string' && (raw.timeZone === '' || parseZoneSetting(raw.timeZone))) settings.timeZone = raw.timeZone;
    else problems.push(`${origin}: timeZone ${JSON.stringify(raw.timeZone)} is not a zone we know (try UTC, GMT+1, PST or Europe/Berlin)`);
  }
  if (raw.dateOrder !== undefined) {
    if (typeof raw.dateOrder === 'string' && (DATE_ORDERS as readonly string[]).includes(raw.dateOrder)) settings.dateOrder = raw.dateOrder as DateOrderSetting;
    else problems.push(`${origin}: dateOrder ${JSON.stringify(raw.dateOrder)} must be ${DATE_ORDERS.join(', ')}`);
  }
  if (raw.inlayHints !== undefined) {
    if (isRecord(raw.inlayHints) && (raw.inlayHints.enabled === undefined || typeof raw.inlayHints.enabled === 'boolean')) {
      if (typeof raw.inlayHints.enabled === 'boolean') settings.inlayHints.enabled = raw.inlayHints.enabled;
    } else {
      problems.push(`${origin}: inlayHints.enabled must be true or false`);
    }
  }
  if (raw.writing !== undefined) readWriting(raw.writing, settings, origin, problems);
  if (raw.frontMatter !== undefined) readFrontMatterLists(raw.frontMatter, settings, origin, problems);
  if (raw.statusRequirements !== undefined) {
    const valid = Array.isArray(raw.statusRequirements) && raw.statusRequirements.every((entry) =>
      isRecord(entry) && typeof entry.status === 'string' && Array.isArray(entry.require)
      && entry.require.every((name) => (REQUIREMENT_NAMES as readonly unknown[]).includes(name)));
    if (valid) settings.statusRequirements = raw.statusRequirements as StatusRequirement[];
    else problems.push(`${origin}: statusRequirements must be a list of { "status": …, "require": [${REQUIREMENT_NAMES.map((name) => `"${name}"`).join(', ')}] }`);
  }
  if (raw.metrics !== undefined) settings.metrics = readMetrics(raw.metrics, settings.metrics, origin, problems);
  if (raw.actionItems !== undefined) {
    const display = isRecord(raw.actionItems) ? raw.actionItems.display : raw.actionItems;
    if ((ACTION_ITEM_DISPLAYS as readonly unknown[]).includes(display)) settings.actionItems = { display: display as ActionItemDisplay };
    else if (display !== undefined) problems.push(`${origin}: actionItems.display must be one of ${ACTION_ITEM_DISPLAYS.join(', ')}; got ${JSON.stringify(display)}`);
  }
  if (settings.profile === 'custom' && !settings.sections) {
    problems.push(`${origin}: profile "custom" needs a "sections" list; using ${DEFAULT_PROFILE}`);
    settings.profile = DEFAULT_PROFILE;
  }
  return { settings, problems };
}

/** A list of globs: the valid ones (each bad one reported), or null when it is not a list of strings. */
function readGlobList(raw: unknown, name: string, origin: string, problems: string[]): string[] | null {
  if (!Array.isArray(raw) || !raw.every((glob) => typeof glob === 'string')) {
    problems.push(`${origin}: ${name} must be a list of glob patterns`);
    return null;
  }
  return (raw as string[]).filter((glob) => {
    try {
      // Strict brackets: "[unclosed" or "{a,b" is a typo, not a pattern meant to match literally.
      picomatch(glob, { strictBrackets: true });
      return true;
    } catch (error) {
      problems.push(`${origin}: ${name} pattern ${JSON.stringify(glob)} is not a valid glob (${error instanceof Error ? error.message : String(error)})`);
      return false;
    }
  });
}

/** `writing.<list>.extend` and `.mute`: lists of phrases; a bad one keeps that list's default. */
function readWriting(raw: unknown, settings: Settings, origin: string, problems: string[]): void {
  if (!isRecord(raw)) {
    problems.push(`${origin}: writing must be an object of word lists (${PHRASE_LISTS.join(', ')})`);
    return;
  }
  for (const [name, value] of Object.entries(raw)) {
    if (!(PHRASE_LISTS as readonly string[]).includes(name)) {
      problems.push(`${origin}: writing.${name} is not a word list (${PHRASE_LISTS.join(', ')})`);
      continue;
    }
    const list = name as (typeof PHRASE_LISTS)[number];
    if (!isRecord(value)) {
      problems.push(`${origin}: writing.${name} must be an object { "extend": [...], "mute": [...] }`);
      continue;
    }
    const merged = { ...settings.writing[list] };
    for (const key of ['extend', 'mute'] as const) {
      const phrases = value[key];
      if (phrases === undefined) continue;
      if (Array.isArray(phrases) && phrases.every((phrase) => typeof phrase === 'string')) merged[key] = phrases as string[];
      else problems.push(`${origin}: writing.${name}.${key} must be a list of phrases`);
    }
    settings.writing = { ...settings.writing, [list]: merged };
  }
}

function readFrontMatterLists(raw: unknown, settings: Settings, origin: string, problems: string[]): void {
  const names = (value: unknown) => Array.isArray(value) && value.length > 0 && value.every((name) => typeof name === 'string' && name.trim() !== '');
  if (!isRecord(raw)) {
    problems.push(`${origin}: frontMatter must be an object with "severities" and "statuses" lists`);
    return;
  }
  settings.frontMatter = { ...settings.frontMatter };
  for (const key of ['severities', 'statuses'] as const) {
    if (raw[key] === undefined) continue;
    if (names(raw[key])) settings.frontMatter[key] = raw[key] as string[];
    else problems.push(`${origin}: frontMatter.${key} must be a non-empty list of names`);
  }
}

function isSeverityName(value: unknown): value is SeverityName {
  return typeof value === 'string' && (SEVERITY_NAMES as readonly string[]).includes(value);
}

function readCustomSections(value: unknown, origin: string, problems: string[]): CustomSection[] | null {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${origin}: sections must be a non-empty list of section titles or { "title": … } objects`);
    return null;
  }
  const sections: CustomSection[] = [];
  for (const item of value) {
    if (typeof item === 'string' && item.trim()) sections.push({ title: item.trim() });
    else if (isRecord(item) && typeof item.title === 'string' && item.title.trim()) {
      const aliases = Array.isArray(item.aliases) ? item.aliases.filter((a): a is string => typeof a === 'string') : undefined;
      sections.push({
        id: typeof item.id === 'string' ? item.id : undefined,
        title: item.title.trim(),
        aliases,
        required: typeof item.required === 'boolean' ? item.required : undefined,
      });
    } else {
      problems.push(`${origin}: ignoring section ${JSON.stringify(item)}: it needs a "title"`);
    }
  }
  return sections.length ? sections : null;
}

export function parseZoneSetting(text: string): Zone | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const found = readZoneAt(trimmed, 0);
  if (found && found.end === trimmed.length) return found.zone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: trimmed });
    return { label: trimmed, iana: trimmed };
  } catch {
    return null;
  }
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'section';
}

/** The profile the settings ask for: a built-in one, or the custom sections list; null for `auto` (the document chooses). */
export function namedProfile(settings: Settings): Profile | null {
  return settings.profile === AUTO_PROFILE ? null : resolveProfile(settings);
}

/** The profile the settings ask for: a built-in one, or the custom sections list (`auto` falls back to the default). */
export function resolveProfile(settings: Settings): Profile {
  if (settings.profile === 'custom' && settings.sections) {
    const sections: SectionSpec[] = settings.sections.map((section) => {
      const id = section.id ?? slug(section.title);
      const role = /summary|overview/i.test(section.title) ? 'summary' : /timeline/i.test(section.title) ? 'timeline' : 'other';
      // A custom summary states no facts by label; other sections take a built-in skeleton of the same id.
      const skeleton = role === 'summary' ? SUMMARY_PROSE : builtInSkeleton(id);
      return { id, title: section.title, aliases: section.aliases ?? [], required: section.required ?? true, role, skeleton };
    });
    return { ...CUSTOM_PROFILE, sections };
  }
  return BUILT_IN_PROFILES[settings.profile] ?? BUILT_IN_PROFILES[DEFAULT_PROFILE];
}
