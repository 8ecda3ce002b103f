// The one model of a postmortem that every feature reads: text -> lines -> sections, summary facts,
// timeline entries with resolved instants -> the incident window.
import { analyzeLines, frontMatterOf, plainLines, type MarkdownLines } from './markdown';
import type { AnalysisCache } from './incremental';
import { LineIndex } from './text';
import { BUILT_IN_PROFILES, compileProfile, DEFAULT_PROFILE, type CompiledProfile, type Profile, type SectionSpec } from './profiles';
import { chooseProfile, type ProfileSource } from './profileChoice';
import { buildSections, otherHeadings, type Header, type Section } from './sections';
import { fieldOfLine, readSummary, withFacts, type SummaryFacts, type SummaryTime } from './summary';
import { axisMinutes, entryWords, markedWindow, nearestYear, PLACEHOLDER_YEAR, readTimeline, type TimelineEntry } from './timeline';
import { findStamps, slashOrderWritten, type CalendarDate, type DateOrder, type Stamp } from './time/timestamp';
import { findZone, writesMonthFirst, type Zone } from './time/zones';
import { frontMatterProfile, isPostmortemDocument } from './detect';
import { parseZoneSetting, type Settings } from './config';
import { readActionItems, type ActionItem } from './actionItems';
import { frontMatterDay, frontMatterSyntaxOf, frontMatterYear, readFrontMatter, type FrontMatter } from './frontMatter';
import { frontMatterInstant, resolvedUpdateTime, statusPageTime, type FrontMatterInstant, type StatusPageTime } from './frontMatterTimes';
import { findConflicts, withoutConflictMarkers, type ConflictBlock } from './conflictMarkers';
import { findPastedReport, withoutFences, type PastedReport } from './pastedReport';

export interface RequirementStatus {
  spec: SectionSpec;
  present: boolean;
  /** First line of the section (or of its first part), when present. */
  line: number | null;
  missingParts: string[];
}

export interface IncidentPoint {
  axis: number;
  date: CalendarDate | null;
  zone: Zone | null;
  text: string;
  source: IncidentPointSource;
  /** The line it was read from: the summary's time, the timeline entry, the front matter's key. */
  line: number;
}

/** Where a point of the incident window was read; the front matter's `started`/`resolved` win over the rest. */
export type IncidentPointSource = 'summary' | 'timeline' | 'front-matter';

export interface Incident {
  start: IncidentPoint | null;
  end: IncidentPoint | null;
  durationMinutes: number | null;
  durationSource: IncidentPointSource | 'mixed' | null;
  statedDurationMinutes: number | null;
}

export interface PostmortemModel {
  /** The document as written (fixes edit it); the model reads it with a pasted report's fences blanked. */
  text: string;
  /** The fenced `markdown` block the report was pasted in, read as Markdown; null when there is none. */
  pastedReport: PastedReport | null;
  /** Git conflict blocks left in the document; their marker lines are read as blank. */
  conflicts: ConflictBlock[];
  lines: MarkdownLines;
  isPostmortem: boolean;
  profile: CompiledProfile;
  /** Why this profile: named in the front matter or the settings, chosen by the document's sections, or the default. */
  profileSource: ProfileSource;
  sections: Section[];
  otherHeadings: Header[];
  requirements: RequirementStatus[];
  summarySection: Section | null;
  /** The last line of the summary with the parts set apart from it that it reads (see summaryParts); null without a summary. */
  summaryEndLine: number | null;
  timelineSection: Section | null;
  summary: SummaryFacts | null;
  timeline: TimelineEntry[];
  incident: Incident;
  documentDate: CalendarDate | null;
  documentZone: Zone | null;
  /** The front matter's facts (YAML or TOML), or null when the document has none. */
  frontMatter: FrontMatter | null;
  actionItems: ActionItem[];
}

export interface ModelOptions {
  settings: Settings;
  /** The profile the settings name; null for `auto`, where the document's sections choose. */
  profile: Profile | null;
  /** The document's path, for the include globs; null for untitled documents. */
  path: string | null;
  /** Skip the postmortem check (the CLI lints what it is told to). */
  forcePostmortem?: boolean;
  /** What the analysis of the document's previous versions parsed, for re-analysis after an edit (the server's). */
  cache?: AnalysisCache;
}

function requirementStatus(spec: SectionSpec, sections: Section[]): RequirementStatus {
  const names = (id: string) => (section: Section) => section.id === id || section.also === id;
  const own = sections.find(names(spec.id));
  if (own) return { spec, present: true, line: own.line, missingParts: [] };
  const parts = spec.parts ?? [];
  const found = parts.map((part) => sections.find(names(part.id)));
  const present = parts.length > 0 && found.every(Boolean);
  const lines = found.filter((section): section is Section => Boolean(section)).map((section) => section.line);
  return {
    spec,
    present,
    line: lines.length ? Math.min(...lines) : null,
    missingParts: parts.filter((_part, i) => !found[i]).map((part) => part.id),
  };
}

/** "Due date: 18th December 2023", "Published: 2024-01-05": the date of the writing, not of the incident. */
const NOT_THE_INCIDENTS_DATE = /^[\s>*_-]*(?:due(?:\s+date)?|deadline|submitted|submission(?:\s+date)?|published|posted|updated|last\s+updated|written|revised|review(?:ed)?\s+(?:on|date))\b[^:\n]{0,20}:/i;

// A link's or an image's address, and an HTML attribute's value: "Screen-Shot-2019-03-06-at-12-33-42-PM.png"
// dates a screenshot, not the incident (a held-out ALX postmortem).
const ADDRESS = /(?:https?:\/\/|www\.)[^\s)'"<>]+|\b(?:src|href|alt|title)\s*=\s*(['"])[^'"]*\1/gi;

function withoutAddresses(text: string): string {
  return text.includes('://') || text.includes('www.') || text.includes('=') ? text.replace(ADDRESS, ' ') : text;
}

/** The first written date (and zone) up to the timeline's heading: the title's "November 5, 2023", the summary's. */
function documentFacts(lines: MarkdownLines, until: number, preambleEnd: number, order: DateOrder): { date: CalendarDate | null; zone: Zone | null } {
  let date: CalendarDate | null = null;
  let zone: Zone | null = null;
  for (let i = 0; i < Math.min(until, lines.index.lineCount); i++) {
    const kind = lines.info[i].kind;
    if (kind === 'fenced-code' || kind === 'blank' || kind === 'frontmatter') continue;
    const text = lines.index.lines[i].text;
    if (text.length > 2000) continue;
    if ((!date || date.year === null) && !NOT_THE_INCIDENTS_DATE.test(text)) {
      const words = withoutAddresses(text);
      const stamp: Stamp | undefined = findStamps(words, order).find((s) => s.date && s.date.year !== null) ?? (date ? undefined : findStamps(words, order).find((s) => s.date));
      if (stamp?.date) date = stamp.date;
    }
    // A zone stated for all times, or any zone in the preamble before the first section.
    if (!zone && (i < preambleEnd || /\b(?:all\s+times|times?\s+(?:are|in)|time\s*zone)\b/i.test(text))) zone = findZone(text)?.zone ?? null;
    if (date && date.year !== null && zone) break;
  }
  return { date, zone };
}

function pointFromSummary(index: LineIndex, time: SummaryTime, defaultYear: number, configZone: Zone | null, summaryZone: Zone | null, fallbackDate: CalendarDate | null): IncidentPoint {
  const zone = time.zone ?? summaryZone ?? configZone;
  const date = time.date ? { ...time.date, year: time.date.year ?? fallbackDate?.year ?? null } : fallbackDate;
  return { axis: axisMinutes(date, time.stamp, zone, defaultYear), date, zone, text: textOf(index, time), source: 'summary', line: index.lineAt(time.start) };
}

export function buildModel(text: string, options: ModelOptions): PostmortemModel {
  const pastedReport = findPastedReport(text);
  // Blanked fences and conflict markers keep every offset: positions found in `read` are positions in `text`.
  const unfenced = pastedReport ? withoutFences(text, pastedReport) : text;
  const conflicts = findConflicts(unfenced);
  const read = withoutConflictMarkers(unfenced, conflicts);
  const index = new LineIndex(read);
  const frontMatter = frontMatterOf(read);
  const fromFrontMatter = BUILT_IN_PROFILES[frontMatterProfile(frontMatter, frontMatterSyntaxOf(read)) ?? ''] ?? null;
  // Whether it is a postmortem needs only the path, the title and the front matter: a document that is
  // not one is never parsed, and gets an empty model (every feature answers nothing for it).
  const isPostmortem = options.forcePostmortem || isPostmortemDocument(options.path, read, frontMatter, options.settings.include);
  if (!isPostmortem) return emptyModel(text, index, compileProfile(fromFrontMatter ?? options.profile ?? BUILT_IN_PROFILES[DEFAULT_PROFILE]));
  const lines = analyzeLines(read, index, options.cache?.chunks);
  const { profile, source: profileSource, headers, sections: chosenSections } = chooseProfile(
    lines, fromFrontMatter ?? options.profile, fromFrontMatter ? 'front-matter' : 'settings', options.cache?.titles);
  const sections = chosenSections ?? buildSections(lines, headers, profile);
  const requirements = profile.sections.map((spec) => requirementStatus(spec, sections));
  const roleOf = (role: string) => {
    const spec = profile.sections.find((s) => s.role === role);
    // A section of another name written as the timeline is it too ("## How was it fixed" over timed lines).
    return spec ? sections.find((section) => section.specId === spec.id && section.id === spec.id) ?? sections.find((section) => section.also === spec.id) ?? null : null;
  };
  const summarySpec = profile.sections.find((spec) => spec.role === 'summary');
  const isSummary = (section: Section) => section.specId === summarySpec?.id && section.id === summarySpec?.id;
  // The first summary and those right after it: a closing "## Summary" after the measures is the write-up's conclusion.
  const firstSummary = sections.findIndex(isSummary);
  const summarySections: Section[] = [];
  for (let k = firstSummary; k !== -1 && k < sections.length && isSummary(sections[k]); k++) summarySections.push(sections[k]);
  const timelineSection = roleOf('timeline');
  const configZone = parseZoneSetting(options.settings.timeZone);
  // Numeric dates as the postmortem.dateOrder setting says; else day first where the document writes a
  // slash date only day first can read; else as written (the timeline's by its zone).
  const setOrder: DateOrder | null = options.settings.dateOrder === 'auto' ? slashOrderWritten(text) : options.settings.dateOrder;
  const firstSectionLine = sections[0]?.line ?? index.lineCount;
  // The timeline's own heading counts: "## Timeline - May 29, 2021" dates its entries.
  const facts = documentFacts(lines, timelineSection ? timelineSection.line + 1 : firstSectionLine, firstSectionLine, setOrder ?? 'usual');
  // The summary, or where there is none, the preamble before the first section.
  let summary: SummaryFacts | null = null;
  // A labelled paragraph ("**Summary**: Shakespeare Search down for 66 minutes") holds its text on its own
  // line; so does a heading that goes on past its name ("##### Issue Summary: Duration: 2 hours (9:00 AM - 11:00 AM, UTC)").
  const readSummarySection = (section: Section) => {
    const onItsLine = factsOnHeading(section, index);
    const from = section.style === 'labelled' || onItsLine !== null ? section.line : section.line + 1;
    return readSummary(lines, from, section.endLine, false, setOrder, onItsLine ?? 0);
  };
  // Two summaries ("## Overview" of the write-up, then the template's "## Issue Summary" with its labels):
  // the one that states the most is the summary, the other's facts fill in.
  let summarySection: Section | null = summarySections[0] ?? null;
  for (const section of summarySections) {
    const read = readSummarySection(section);
    if (!summary) summary = read;
    else if (read.fields.size > summary.fields.size) {
      summary = withFacts(read, summary);
      summarySection = section;
    } else summary = withFacts(summary, read);
  }
  if (!summarySection && firstSectionLine > 0) summary = readSummary(lines, 0, firstSectionLine - 1, false, setOrder);
  // "## Impact" with a table of "Customers Impacted | Incident Duration" above the summary: its facts
  // count; so do the SRE template's "**Date**: …␠␠" lines in the paragraph that "**Summary**: …" goes on.
  if (summary && summarySection && firstSectionLine === summarySection.line && firstSectionLine > 0) {
    summary = withFacts(summary, readSummary(lines, 0, firstSectionLine - 1, !summarySection.afterHardBreak, setOrder));
  }
  const intro = summarySection && introBeforeSummary(headers, summarySection);
  if (summary && intro) {
    const told = withoutRootCause(readSummary(lines, intro.from, intro.to, false, setOrder));
    summary = withFacts(summary, intro.adjacent ? withWholeWindow(told) : told);
  }
  let summaryEndLine = summarySection?.endLine ?? null;
  if (summary && summarySection) {
    for (const { from, to, column, impactSection, namesImpact } of summaryParts(lines, headers, summarySection)) {
      const part = readSummary(lines, from, to, false, setOrder, column);
      // What a part named Impact says is the impact, however it words it ("- Argo CD could not render …").
      if (namesImpact) part.fields.add('impact');
      summary = withFacts(summary, impactSection ? withoutWindow(part) : part);
      summaryEndLine = to;
    }
  }
  const written = readFrontMatter(index, lines.frontMatter);
  // The front matter's date gives the year where the text gives none (a post's "date: 2018-01-11" over
  // "Jan 9 17:09"): the year that puts the day nearest it ("Dec 30" in a post of January 5 is last year's).
  const posted = frontMatterDay(written);
  const documentDate = facts.date && facts.date.year === null && posted ? { ...facts.date, year: nearestYear(facts.date, posted) } : facts.date;
  const writtenYear = documentDate?.year ?? frontMatterYear(written);
  const defaultYear = writtenYear ?? PLACEHOLDER_YEAR;
  const summaryDate = summary?.start?.date ?? null;
  const timeline = timelineSection
    ? readTimeline(lines, timelineSection.line + 1, timelineSection.endLine, {
        headingText: `${index.lines[timelineSection.line].text}`,
        summaryZone: summary?.start?.zone ?? summary?.zone ?? null,
        summaryDate: summaryDate ? { ...summaryDate, year: summaryDate.year ?? writtenYear } : null,
        summaryLastDate: latestDate(lines, summarySection ? summarySection.line + 1 : 0, summarySection ? summarySection.endLine : firstSectionLine - 1, setOrder ?? 'usual'),
        documentZone: facts.zone,
        documentDate,
        configZone,
        defaultYear: writtenYear,
        dateOrder: setOrder ?? (writesMonthFirst(summary?.start?.zone ?? summary?.zone ?? facts.zone ?? firstZone(index, timelineSection.line, timelineSection.endLine) ?? configZone) ? 'us' : 'usual'),
      }, options.cache?.readings)
    : [];
  const incident = withFrontMatterTimes(incidentWindow(summary, timeline, defaultYear, configZone, documentDate, lines), written, index);
  const others = otherHeadings(headers);
  const actionItems = readActionItems(lines, { sections, otherHeadings: others, timelineSection, defaultYear: writtenYear, dateOrder: setOrder ?? 'usual' });
  return {
    text, pastedReport, conflicts, lines, isPostmortem, profile, profileSource, sections, otherHeadings: others, requirements,
    summarySection, summaryEndLine, timelineSection, summary, timeline, incident, documentDate, documentZone: facts.zone,
    frontMatter: written, actionItems,
  };
}

/**
 * The paragraphs under the title, before the summary: what the summary leaves out, the intro tells (but
 * its cause: see withoutRootCause). Other sections may come between them ("# postmortem", an intro with
 * "at approximately 06:00 West African Time (WAT) … an outage occurred", "## Debugging Process", then a
 * closing "## Summary" of the cause and the fix). When the summary follows the intro at once, only a
 * window the intro gives whole counts ("an outage lasting 1 hour and 48 minutes, from 16:58 to 18:46
 * UTC"): a time alone there is the report's ("The following incident was reported on August 5th 2022,
 * 18:00 GMT"). Null when there is no title, or nothing under it.
 */
function introBeforeSummary(headers: readonly Header[], summarySection: Section): { from: number; to: number; adjacent: boolean } | null {
  const headings = headers.filter((header) => header.style === 'atx' || header.style === 'setext' || header.style === 'html');
  const [title, next] = headings;
  if (!title || !next || title.depth !== 1 || title.id !== null || next.line > summarySection.line) return null;
  return next.line - title.line > 1 ? { from: title.line + 1, to: next.line - 1, adjacent: next.line === summarySection.line } : null;
}

/** An intro right above the summary: its window only when it gives both ends. */
function withWholeWindow(part: SummaryFacts): SummaryFacts {
  if (part.start && part.end) return part;
  const fields = new Set(part.fields);
  fields.delete('start');
  fields.delete('end');
  return { ...part, start: null, end: null, fields };
}

/** Headings that name one of the summary's facts: its duration, its impact, or its cause given on the heading's line. */
const SUMMARY_FACT_HEADING = /\b(?:duration|impact|root\s+cause)\b|影響|影响|влияние/i;
/** A part named Impact alone, in English, Japanese, Chinese or Russian: what it says is the impact. */
const IMPACT_NAME = /^(?:impact|影響|影响|влияние)$/;

/**
 * The column where a summary heading's (or a part's) own facts begin: past the colon after its name, when
 * text follows ("Issue Summary: Duration: 2 hours (…)"); null for a heading that is its name alone.
 */
function factsOnHeading(heading: Header, index: LineIndex): number | null {
  if (heading.style === 'labelled') return null;
  // The colon after its name's words: not one inside a time ("## Summary (10:00 - 11:00 UTC)").
  const name = /^[^:\d]*:/.exec(heading.title);
  if (!name || heading.title.slice(name[0].length).trim() === '') return null;
  return heading.titleStart + name[0].length - index.lines[heading.line].start;
}

/**
 * A profile's Impact section read as a part of the summary: its duration and impact, not its times,
 * which may be only some users' ("Between 1:46pm - 5:30pm" for the jobs that failed, corpus 110).
 */
function withoutWindow(part: SummaryFacts): SummaryFacts {
  const fields = new Set(part.fields);
  fields.delete('start');
  fields.delete('end');
  return { ...part, start: null, end: null, zone: null, fields };
}

/**
 * An intro's facts without a cause: ALX reports open on the assignment's own words ("to ensure that the
 * root cause(s) of the outage has been discovered"), which tell no cause of theirs.
 */
function withoutRootCause(part: SummaryFacts): SummaryFacts {
  const fields = new Set(part.fields);
  fields.delete('root-cause');
  return { ...part, rootCause: null, fields };
}

/**
 * Headings of no known section between the summary and the next section that name the outage's
 * duration or its impact ("## Detection and duration of the issue" under "## Issue Summary", corpus 048;
 * "##### Impact" right after "##### Issue Summary", or a profile's Impact section right after its Summary):
 * a part of the summary the writer set apart, whose window (not the Impact section's), duration and
 * impact count as the summary's.
 */
interface SummaryPart {
  from: number;
  to: number;
  /** Where its facts begin on its first line (past a heading's name and colon). */
  column: number;
  /** The profile's own Impact section: its times are not the window. */
  impactSection: boolean;
  /** Its heading is named Impact: what it says is the impact. */
  namesImpact: boolean;
}

function summaryParts(lines: MarkdownLines, headers: readonly Header[], summary: Section): SummaryPart[] {
  const parts: SummaryPart[] = [];
  // Past the summary's own lines: a labelled line inside it ("**Duration:**") is read with it already.
  // Not a plain list label ("+ Root Cause: …" among a part's facts): those stand for sections only in the SRE list.
  const after = headers.filter((header) => header.line > summary.endLine && !header.plainLabel);
  // The SRE templates' own "**Impact:**" section, right after the summary, is such a part too.
  for (let k = 0; k < after.length && (after[k].id === null || after[k].id === 'impact'); k++) {
    if (!SUMMARY_FACT_HEADING.test(after[k].title)) continue;
    // Its facts may stand on its own line, past its name: "#  Outage Duration: August 18, 2024, 01:00 AM - …".
    // A fact's label and its value ("# Root Cause: The issue stemmed from …") are read as a labelled line.
    const onItsLine = fieldOfLine(after[k].title) !== null ? 0 : factsOnHeading(after[k], lines.index);
    const from = onItsLine === null ? after[k].line + 1 : after[k].line;
    let to = (after[k + 1]?.line ?? lines.index.lineCount) - 1;
    while (to >= from && lines.index.lines[to].text.trim() === '') to--;
    if (to >= from) parts.push({ from, to, column: onItsLine ?? 0, impactSection: after[k].id !== null, namesImpact: onItsLine === null && IMPACT_NAME.test(after[k].words) });
  }
  return parts;
}

/** The latest date with a year written in lines `from`..`to` (the summary's), read as written. */
function latestDate(lines: MarkdownLines, from: number, to: number, order: DateOrder): CalendarDate | null {
  let latest: CalendarDate | null = null;
  const dayOf = (date: CalendarDate) => (date.year as number) * 10_000 + date.month * 100 + date.day;
  for (let i = Math.max(0, from); i <= Math.min(to, from + 40, lines.index.lineCount - 1); i++) {
    const text = lines.index.lines[i].text;
    if (text.length > 2000 || lines.info[i].kind === 'fenced-code') continue;
    for (const stamp of findStamps(text, order)) {
      if (stamp.date && stamp.date.year !== null && (!latest || dayOf(stamp.date) > dayOf(latest))) latest = stamp.date;
    }
  }
  return latest;
}

/** The first zone written in the first lines of a range (a timeline's heading or first entries). */
function firstZone(index: LineIndex, from: number, to: number): Zone | null {
  for (let i = from; i <= Math.min(to, from + 6); i++) {
    const text = index.lines[i].text;
    const zone = text.length < 500 ? findZone(text)?.zone : null;
    if (zone) return zone;
  }
  return null;
}

function emptyModel(text: string, index: LineIndex, profile: CompiledProfile): PostmortemModel {
  return {
    text, pastedReport: null, conflicts: [], lines: plainLines(index), isPostmortem: false, profile, profileSource: 'default', sections: [], otherHeadings: [],
    requirements: profile.sections.map((spec) => ({ spec, present: false, line: null, missingParts: [] })),
    summarySection: null, summaryEndLine: null, timelineSection: null, summary: null, timeline: [],
    incident: { start: null, end: null, durationMinutes: null, durationSource: null, statedDurationMinutes: null },
    documentDate: null, documentZone: null, frontMatter: null, actionItems: [],
  };
}

/**
 * Where a timeline entry sits on the time axis. The window's start or end entry sits where the window put it: an
 * "(outage ends)" written on the start's date but before it is the next morning's. So is an entry written
 * between the two on the start's date but before it (corpus 111: "[03-26 02:50] The outage is reported"
 * after "[03-26 23:04] … (outage starts)", the date not rolled), when the next morning is within the window.
 */
export function entryAxis(model: PostmortemModel, entry: TimelineEntry): number | null {
  const { start, end } = model.incident;
  for (const point of [start, end]) {
    if (point?.source === 'timeline' && point.line === entry.line) return point.axis;
  }
  if (entry.axis !== null && start?.source === 'timeline' && end?.source === 'timeline' && entry.line > start.line && entry.line < end.line
    && entry.axis < start.axis && entry.axis + 1440 <= end.axis && sameWrittenDay(entry.date, start.date)) return entry.axis + 1440;
  return entry.axis;
}

const sameWrittenDay = (a: CalendarDate | null, b: CalendarDate | null) => a !== null && b !== null && a.month === b.month && a.day === b.day;

function incidentWindow(summary: SummaryFacts | null, timeline: TimelineEntry[], defaultYear: number, configZone: Zone | null, documentDate: CalendarDate | null, lines: MarkdownLines): Incident {
  const { index } = lines;
  // One timed entry is a moment, not a window: the timeline spans nothing until it has two.
  const timed = timeline.filter((entry) => entry.axis !== null);
  const usable = timed.length >= 2 ? timed : [];
  const earliest = usable.reduce<TimelineEntry | null>((best, entry) => (!best || (entry.axis as number) < (best.axis as number) ? entry : best), null);
  const latest = beforeAftermath(usable, earliest, lines);
  // "14:54 OUTAGE BEGINS" … "16:00 OUTAGE ENDS": the writer's own marks outrank the timeline's ends.
  const marked = markedWindow(lines, usable);
  if (marked.start && marked.end && sameCalendarDay(marked.start.date, marked.end.date)) {
    // "[03-26 23:04] … (outage starts)" then "[03-26 08:10] … (outage ends)": an outage ends after it
    // begins, so within a day on one written date its end is the next morning (the date did not roll).
    const back = (marked.start.axis as number) - (marked.end.axis as number);
    if (back >= 0 && back < 1440) marked.end = { ...marked.end, axis: (marked.end.axis as number) + 1440 };
  }
  const first = marked.start && (!marked.end || (marked.end.axis as number) > (marked.start.axis as number)) ? marked.start : earliest;
  const last = marked.end && (marked.end.axis as number) > (first?.axis as number) ? marked.end : latest;
  const fromEntry = (entry: TimelineEntry | null): IncidentPoint | null =>
    entry && { axis: entry.axis as number, date: entry.date, zone: entry.zone, text: entry.timeText, source: 'timeline', line: entry.line };
  // "at midnight" in a summary that names no zone, beside a timeline all in PST: the writer's PST.
  const zones = new Set(timed.map((entry) => entry.zone?.label ?? null));
  const timelineZone = zones.size === 1 ? timed[0].zone : null;
  const summaryZone = summary?.zone ?? timelineZone;
  let start = summary?.start ? pointFromSummary(index, summary.start, defaultYear, configZone, summaryZone, documentDate ?? dayOfEntryAt(timed, summary.start)) : fromEntry(first);
  // The end's day, where it writes none, or its year: the start's as read ("From November 11, 4:02 PM UTC
  // to November 14, 3:02 PM UTC" in a document of 2025 is in 2025 at both ends).
  const endFallback = start?.source === 'summary' ? start.date : summary?.start?.date ?? documentDate;
  let end = summary?.end ? pointFromSummary(index, summary.end, defaultYear, configZone, summaryZone, endFallback) : fromEntry(last);
  // "From ~11 AM to 12:30 AM", "from 11:40 PM to 12:20 PM": twelve o'clock's half written the other way
  // when that makes a window of minutes or hours, where as written it would run half a day longer.
  if (start && end && end.source === 'summary' && summary?.end && twelveTheOtherWay(summary.end, start, end)) end = { ...end, axis: end.axis + 720 };
  // "from 1:10pm PST until 1:19 PST": an end with no AM or PM is in the start's afternoon when that is minutes later.
  if (start && end && end.source === 'summary' && start.source === 'summary' && summary?.end && summary.start && inTheStartsAfternoon(summary.start, summary.end, start, end)) end = { ...end, axis: end.axis + 720 };
  if (start && end && end.source === 'summary' && end.axis < start.axis && start.axis - end.axis < 1440 && sameCalendarDay(start.date, end.date)) {
    // "from 11 PM to 2 AM" (on one date): the end is on the next day.
    end = { ...end, axis: end.axis + 1440 };
  }
  // A dated end and an undated one ("December 10" against "2019-12-10") are not on one axis.
  const oneAxis = (a: IncidentPoint, b: IncidentPoint) => !a.date || !b.date || (a.date.year === null) === (b.date.year === null);
  if (start && end && (end.axis <= start.axis || !oneAxis(start, end)) && (start.source === 'summary' || end.source === 'summary')) {
    // A window of no or negative length ("Start: 10:00", "End: 10:00") is a slip: the timeline's ends say more.
    start = fromEntry(first);
    end = fromEntry(last);
  }
  const durationMinutes = start && end ? Math.round(end.axis - start.axis) : null;
  const durationSource = !start || !end ? null : start.source === end.source ? start.source : 'mixed';
  return { start, end, durationMinutes, durationSource, statedDurationMinutes: summary?.stated?.minutes ?? null };
}

/**
 * "The site was malfunctioning from 9:55 AM GMT+1 to 11:20 AM GMT+1" over a timeline of "05-02-2022 9:55
 * AM GMT+1 - …" (an ALX report, held-out set 12): a summary's time with no day, where nothing above the
 * timeline writes one, is on the day of the entry at that very clock time.
 */
function dayOfEntryAt(timed: readonly TimelineEntry[], time: SummaryTime): CalendarDate | null {
  const clock = time.stamp.time;
  if (time.date || !clock) return null;
  const entry = timed.find((candidate) => candidate.date !== null && candidate.stamp?.date && candidate.stamp.time?.hour === clock.hour && candidate.stamp.time.minute === clock.minute);
  return entry?.date ?? null;
}

// What ends an outage, told by its last entry: such an entry stays the window's end however late it comes.
const PUT_RIGHT = /\b(?:resolved|resolution|restored|recovered|recovery|fixed|patched|remediated|mitigated|closed|resumed|back\s+(?:up|online|to\s+normal)|(?:outage|incident)\s+end(?:s|ed)?)\b/i;

/**
 * The timeline's latest entry, unless it comes a day or more after the one before it, later than all the
 * rest span, and tells nothing put right: then it is the aftermath (a held-out report's "2023-01-18 09:53:
 * Wire received the incident report from the service provider", two weeks after a morning's outage), and
 * the window ends on the entry before it.
 */
function beforeAftermath(usable: readonly TimelineEntry[], earliest: TimelineEntry | null, lines: MarkdownLines): TimelineEntry | null {
  // The latest entry (the last written of equals) and the one before it, in one pass.
  let last: TimelineEntry | null = null;
  let previous: TimelineEntry | null = null;
  for (const entry of usable) {
    if (!last || (entry.axis as number) >= (last.axis as number)) [previous, last] = [last, entry];
    else if (!previous || (entry.axis as number) >= (previous.axis as number)) previous = entry;
  }
  if (!last || !previous || !earliest || usable.length < 3) return last;
  const gap = (last.axis as number) - (previous.axis as number);
  const span = (previous.axis as number) - (earliest.axis as number);
  return gap >= AFTERMATH_GAP && gap > span && !PUT_RIGHT.test(entryWords(lines, last)) ? previous : last;
}

/** Minutes between the last two entries from which the last may be the aftermath: a day. */
const AFTERMATH_GAP = 1440;

/** A window this short read the other way, and at least this long as written, says twelve o'clock was written the other way. */
const TWELVE_SLIP_WINDOW = 180;

/** Whether the summary's end, a twelve o'clock ("12:30 AM", "12:20 PM"), is the other half of the day: see incidentWindow. */
function twelveTheOtherWay(written: SummaryTime, start: IncidentPoint, end: IncidentPoint): boolean {
  const { stamp } = written;
  if (!stamp.meridiem || !stamp.time || (stamp.time.hour !== 0 && stamp.time.hour !== 12) || !sameCalendarDay(start.date, end.date)) return false;
  const asWritten = end.axis >= start.axis ? end.axis - start.axis : end.axis + 1440 - start.axis;
  const other = end.axis + 720 - start.axis;
  return other > 0 && other <= TWELVE_SLIP_WINDOW && asWritten >= 720;
}

/** Whether an end written with no AM or PM (1 to 11 o'clock) is in the afternoon of a start written PM, a short window then. */
function inTheStartsAfternoon(writtenStart: SummaryTime, writtenEnd: SummaryTime, start: IncidentPoint, end: IncidentPoint): boolean {
  const from = writtenStart.stamp;
  const to = writtenEnd.stamp;
  if (!from.meridiem || !from.time || from.time.hour < 12 || to.meridiem || !to.time || to.time.hour < 1 || to.time.hour > 11) return false;
  if (!sameCalendarDay(start.date, end.date)) return false;
  const afternoon = end.axis + 720 - start.axis;
  return afternoon >= 0 && afternoon < 720;
}

/** The same day of the year, or a day not known on either side. */
function sameCalendarDay(a: CalendarDate | null, b: CalendarDate | null): boolean {
  return !a || !b || (a.month === b.month && a.day === b.day);
}

/** The front matter's `started` and `resolved` override the window's ends (issue 17: the writer's explicit word). */
function withFrontMatterTimes(incident: Incident, frontMatter: FrontMatter | null, index: LineIndex): Incident {
  const point = (instant: FrontMatterInstant): IncidentPoint =>
    ({ axis: instant.axis, date: instant.date, zone: instant.zone, text: instant.text, source: 'front-matter', line: index.lineAt(instant.valueStart) });
  const pagePoint = (time: StatusPageTime): IncidentPoint =>
    ({ axis: time.axis, date: time.date, zone: time.zone, text: time.text, source: 'front-matter', line: index.lineAt(time.valueStart) });
  const started = frontMatterInstant(frontMatter, 'started');
  const resolved = frontMatterInstant(frontMatter, 'resolved');
  let pageStarted = started ? null : statusPageTime(frontMatter, 'started');
  let pageResolved = resolved ? null : statusPageTime(frontMatter, 'resolved') ?? resolvedUpdateTime(frontMatter, index.text);
  // Resolved when it was posted ("date" and "resolvedWhen" the same instant, a write-up posted afterwards): no window.
  if (pageStarted && pageResolved && pageResolved.axis <= pageStarted.axis) pageStarted = pageResolved = null;
  if (!started && !resolved && !pageStarted && !pageResolved) return incident;
  const start = started ? point(started) : pageStarted ? pagePoint(pageStarted) : incident.start;
  const end = resolved ? point(resolved) : pageResolved ? pagePoint(pageResolved) : incident.end;
  // A dated front matter time and an undated clock ("14:00") are not on one axis: no duration from them;
  // nor are a status page's time in its page's unwritten zone and a time with a zone.
  const zonesAgree = !(pageStarted || pageResolved) || (start?.zone === null) === (end?.zone === null);
  const comparable = start && end && (start.date?.year != null) === (end.date?.year != null) && zonesAgree && end.axis > start.axis;
  return {
    ...incident,
    start,
    end,
    durationMinutes: comparable ? Math.round(end.axis - start.axis) : null,
    durationSource: !comparable ? null : start.source === end.source ? start.source : 'mixed',
  };
}

function textOf(index: LineIndex, time: SummaryTime): string {
  return index.text.slice(time.start, time.end);
}
