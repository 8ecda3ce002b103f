// The preview's incident card and timeline, from the model: start and end with their zone, the
// computed and stated durations, impact, root cause, the response milestones, and where each of
// them was read. The preview only draws these; every number is worked out here.
import { cardActions } from './actionItems';
import type { IncidentPoint, PostmortemModel } from '../core/model';
import type { Settings } from '../core/config';
import type { SummaryText } from '../core/summary';
import { plainText, skipLinePrefix } from '../core/inline';
import { formatDuration } from '../core/time/duration';
import { offsetMinutesAt } from '../core/time/zones';
import { hoursAndMinutes, isoOf, localClock } from '../core/time/format';
import { durationContradicts, toleranceFor } from '../rules/durationMismatch';
import { findMilestones, type MilestoneMatch } from './milestones';
import { incidentLifecycle } from './lifecycle';
import { namesPostmortem } from '../core/detect';
import type { CardMetric, CardMilestone, CardPoint, FactSource, IncidentCard, MetricFigure, PreviewTimelineEntry, PreviewTimelineMarks } from '../protocol';

const MAX_FACT_LENGTH = 400;
const IMPACT_SECTIONS = ['impact'];
const ROOT_CAUSE_SECTIONS = ['root-cause', 'root-causes', 'root-cause-and-resolution', 'contributing-factors'];

function clip(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_FACT_LENGTH ? `${clean.slice(0, MAX_FACT_LENGTH - 1)}…` : clean;
}

function lineWords(model: PostmortemModel, line: number): string {
  // A byte order mark stays in the first line's text: it is no part of the title ("\ufeff# Postmortem").
  const raw = model.lines.index.lines[line].text.replace(/^\ufeff/, '');
  return plainText(raw.slice(skipLinePrefix(raw)));
}

/** A line that names nothing: no letter ("?", a badge image), or only a link's address. */
const NAMES_NOTHING = (words: string) => !/\p{L}/u.test(words) || /^<?(?:https?:\/\/|www\.)\S*>?$/i.test(words);
/** A line its sentence goes on from: the next line of the paragraph starts in lower case. */
const GOES_ON = /^\s*\p{Ll}/u;
/** Words that read as a sentence, not a title: they end like one, or run too long for one. */
const SENTENCE = (words: string) => /[.!?]$/.test(words) || words.length > 120;
/** A line of the document's particulars ("Status: final<br> Owners: @Hixie", Flutter's), which names nothing. */
const PARTICULARS = /^(?:status|owners?|authors?|written\s+by|date|last\s+updated|published|reviewers?|approvers?|severity|version|id)\s*:/i;

/**
 * The document's title, plain: its front matter's `title`, else what comes before the profile's first
 * section: its first heading that names something, else its first line of words, past lines that name
 * nothing (a badge image, a link's address) or are the document's particulars ("Status: final"). None when nothing comes before the first section (a
 * postmortem that starts at "Issue Summary:" has no title, and the index names it by its file), or when
 * the first words are prose: a sentence, or a line the sentence goes on from.
 */
export function titleOf(model: PostmortemModel): string | null {
  if (model.frontMatter?.title) return clip(model.frontMatter.title);
  const { info } = model.lines;
  const end = model.sections.find((section) => section.specId !== null)?.line ?? info.length;
  let firstText: { words: string; prose: boolean } | null = null;
  for (let line = 0; line < end; line++) {
    const kind = info[line].kind;
    // Once a line of words is found, only a heading can come before it as the title.
    if (kind === 'blank' || kind === 'frontmatter' || kind === 'heading-underline' || (firstText !== null && kind !== 'heading')) continue;
    const words = lineWords(model, line);
    if (NAMES_NOTHING(words) || (kind !== 'heading' && PARTICULARS.test(words))) continue;
    if (kind === 'heading') return clip(words);
    const goesOn = kind === 'paragraph' && line + 1 < end && info[line + 1].kind === 'paragraph' && GOES_ON.test(model.lines.index.lines[line + 1].text);
    firstText = { words, prose: goesOn || SENTENCE(words) };
    // "Keitumetse Molefe" over "Post-mortem outage - 0x19": an author's name, then the line that says what it is.
    if (!firstText.prose && !namesPostmortem(words)) {
      for (let next = line + 1; next < Math.min(end, line + 3) && info[next].kind === 'paragraph'; next++) {
        const nextWords = lineWords(model, next);
        if (namesPostmortem(nextWords) && !SENTENCE(nextWords)) {
          firstText = { words: nextWords, prose: false };
          break;
        }
      }
    }
  }
  return firstText === null || firstText.prose ? null : clip(firstText.words);
}

/** Where an incident point was read: the front matter's time, the summary's written time, or the timeline entry it came from. */
function pointSource(point: IncidentPoint, key: 'started' | 'resolved'): FactSource {
  if (point.source === 'front-matter') return { from: 'front-matter', line: point.line, text: `${key}: ${point.text}` };
  return { from: point.source, line: point.line, text: point.text };
}

function cardPoint(point: IncidentPoint | null, key: 'started' | 'resolved'): CardPoint | null {
  if (!point) return null;
  return {
    iso: isoOf(point.axis, point.date, point.zone !== null),
    clock: localClock(point),
    zone: point.zone?.label ?? null,
    source: pointSource(point, key),
  };
}

/** Impact or root cause: the summary's labelled line, else the first line of words in its own section. */
function fact(model: PostmortemModel, fromSummary: SummaryText | null, sectionIds: string[]): FactSource | null {
  if (fromSummary) return { from: 'summary', line: fromSummary.line, text: clip(plainText(fromSummary.text)) };
  const section = model.sections.find((s) => s.id !== null && sectionIds.includes(s.id));
  if (!section) return null;
  for (let line = section.line + 1; line <= section.endLine; line++) {
    const kind = model.lines.info[line].kind;
    if (kind === 'blank' || kind === 'heading' || kind === 'heading-underline' || kind === 'rule' || kind === 'fenced-code' || kind === 'table-delimiter') continue;
    const text = lineWords(model, line);
    if (text) return { from: 'section', line, text };
  }
  return null;
}

function cardMilestone(model: PostmortemModel, match: MilestoneMatch): CardMilestone {
  const entry = model.timeline[match.entryIndex];
  return {
    kind: match.kind,
    entryIndex: match.entryIndex,
    line: entry.line,
    word: match.word,
    timeText: entry.timeText,
    minutesFromStart: match.minutesFromStart,
    durationText: match.minutesFromStart === null ? null : formatDuration(match.minutesFromStart),
  };
}

function cardMetric(figure: MetricFigure | undefined): CardMetric | null {
  if (!figure) return null;
  return { ...figure, durationText: formatDuration(figure.minutes), ...(figure.early === undefined ? {} : { earlyText: formatDuration(figure.early) }) };
}

export function incidentCard(model: PostmortemModel, settings: Settings, now: Date = new Date()): IncidentCard {
  const { incident, summary } = model;
  const found = findMilestones(model);
  const { metrics } = incidentLifecycle(model, settings);
  const stated = summary?.stated ?? null;
  return {
    title: titleOf(model),
    start: cardPoint(incident.start, 'started'),
    end: cardPoint(incident.end, 'resolved'),
    computed: incident.durationMinutes === null || incident.durationSource === null ? null : {
      minutes: incident.durationMinutes,
      text: formatDuration(incident.durationMinutes),
      source: incident.durationSource,
    },
    stated: stated && {
      minutes: stated.minutes,
      text: stated.text,
      bound: stated.bound,
      approximate: stated.approximate,
      source: { from: 'summary', line: stated.line, text: stated.text },
    },
    mismatch: durationContradicts(model, settings.durationTolerance),
    toleranceMinutes: stated ? toleranceFor(stated, settings.durationTolerance) : settings.durationTolerance,
    impact: fact(model, summary?.impact ?? null, IMPACT_SECTIONS),
    rootCause: fact(model, summary?.rootCause ?? null, ROOT_CAUSE_SECTIONS),
    milestones: found.milestones.map((match) => cardMilestone(model, match)),
    timeToDetect: cardMetric(metrics.timeToDetect),
    timeToMitigate: cardMetric(metrics.timeToMitigate),
    timeToResolve: cardMetric(metrics.timeToResolve),
    actions: cardActions(model, now),
  };
}

/** The timeline as the preview draws it: minutes from the earliest entry, local clock and day, order. */
export function previewTimeline(model: PostmortemModel): PreviewTimelineEntry[] {
  const milestoneOf = new Map<number, CardMilestone['kind']>();
  for (const match of findMilestones(model).milestones) if (!milestoneOf.has(match.entryIndex)) milestoneOf.set(match.entryIndex, match.kind);
  const timed = model.timeline.filter((entry) => entry.axis !== null);
  const origin = timed.length ? Math.min(...timed.map((entry) => entry.axis as number)) : 0;
  const localMinutes = (axis: number, entry: (typeof model.timeline)[number]) => axis + (entry.zone ? offsetMinutesAt(entry.zone, axis * 60_000) : 0);
  const firstDay = timed.length ? Math.min(...timed.map((entry) => Math.floor(localMinutes(entry.axis as number, entry) / 1440))) : 0;
  let previousAxis: number | null = null;
  return model.timeline.map((entry, entryIndex) => {
    const axis = entry.axis;
    // The timeline-out-of-order rule: earlier than the timed entry before it.
    const outOfOrder = axis !== null && previousAxis !== null && axis < previousAxis;
    if (axis !== null) previousAxis = axis;
    const local = axis === null ? null : localMinutes(axis, entry);
    const dayMinutes = local === null ? null : ((Math.floor(local) % 1440) + 1440) % 1440;
    return {
      entryIndex,
      line: entry.line,
      lastLine: entry.lastLine,
      timeText: entry.timeText,
      text: clip(entry.text),
      minutes: axis === null ? null : Math.round(axis - origin),
      clock: dayMinutes === null ? null : hoursAndMinutes(Math.floor(dayMinutes / 60), dayMinutes % 60),
      day: local === null ? null : Math.floor(local / 1440) - firstDay,
      outOfOrder,
      milestone: milestoneOf.get(entryIndex) ?? null,
      offsetText: axis === null ? null : `+${formatDuration(axis - origin)}`,
    };
  });
}

/** A stretch without entries this long (and at least this share of the span) shows as a gap. */
const GAP_MINUTES = 60;
const GAP_SHARE = 0.2;

/** Midnights and long gaps along the drawn timeline; null when fewer than two entries have a time. */
export function previewTimelineMarks(entries: PreviewTimelineEntry[]): PreviewTimelineMarks | null {
  const timed = entries
    .filter((entry): entry is PreviewTimelineEntry & { minutes: number; day: number; clock: string } => entry.minutes !== null && entry.day !== null && entry.clock !== null)
    .sort((a, b) => a.minutes - b.minutes);
  if (timed.length < 2) return null;
  const spanMinutes = timed[timed.length - 1].minutes - timed[0].minutes;
  const midnights: PreviewTimelineMarks['midnights'] = [];
  const gaps: PreviewTimelineMarks['gaps'] = [];
  for (let i = 1; i < timed.length; i++) {
    const before = timed[i - 1];
    const after = timed[i];
    const [hours, minutes] = after.clock.split(':').map(Number);
    const midnightOfAfter = after.minutes - (hours * 60 + minutes);
    for (let day = before.day + 1; day <= after.day; day++) {
      midnights.push({ minutes: midnightOfAfter - (after.day - day) * 1440, day });
    }
    const quiet = after.minutes - before.minutes;
    if (quiet >= GAP_MINUTES && quiet >= spanMinutes * GAP_SHARE) {
      gaps.push({ fromMinutes: before.minutes, toMinutes: after.minutes, text: formatDuration(quiet) });
    }
  }
  return { spanMinutes, spanText: formatDuration(spanMinutes), midnights, gaps };
}
