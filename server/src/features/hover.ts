// Hover on a timeline time: the instant in UTC and in the document's zone, its offset from the
// incident start, and how its zone and date were decided. On a stated duration: the computed one. On an
// action item or a front matter key: see actionItemHover.ts.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { statedWithinLeadUp } from '../core/leadUp';
import { entryAxis, type PostmortemModel } from '../core/model';
import type { DateSource, TimelineEntry, ZoneSource } from '../core/timeline';
import { formatDuration, formatOffset } from '../core/time/duration';
import { offsetMinutesAt } from '../core/time/zones';
import { hoursAndMinutes, localClock, localDateTime } from '../core/time/format';
import { DEFAULT_SEVERITIES, DEFAULT_STATUSES } from '../core/frontMatter';
import type { FrontMatterLists } from '../core/frontMatterSchema';
import { actionItemHover } from './actionItemHover';
import { PROFILE_SOURCE_WORDS } from '../protocol';

const DEFAULT_LISTS: FrontMatterLists = { severities: DEFAULT_SEVERITIES, statuses: DEFAULT_STATUSES };

const ZONE_SOURCES: Record<ZoneSource, string> = {
  entry: 'written on the entry',
  'timeline-heading': 'from the Timeline heading',
  'timeline-note': 'from a note in the Timeline ("all times …")',
  'date-line': 'from the date line above',
  'previous-entry': 'from an earlier entry',
  summary: 'from the summary',
  document: 'from the document',
  config: 'from the postmortem.timeZone setting',
  none: 'none written, inherited or configured',
};

const DATE_SOURCES: Record<DateSource, string> = {
  entry: 'written on the entry',
  'date-line': 'from the date line above',
  'previous-entry': 'from an earlier entry',
  'timeline-heading': 'from the Timeline heading',
  summary: 'from the summary',
  document: 'from the document',
  rollover: 'the next day: the time went back past midnight',
  slip: 'a slip of the date written: read as the day the entries around it (and the summary) say',
  none: 'not written anywhere',
};

function utcText(axis: number): string {
  const when = new Date(Math.round(axis * 60_000));
  return `${hoursAndMinutes(when.getUTCHours(), when.getUTCMinutes())} UTC`;
}

function entryHover(model: PostmortemModel, entry: TimelineEntry): string {
  const axis = entryAxis(model, entry);
  if (axis === null) return `**${entry.timeText}**: this time cannot be read.`;
  const lines = [`**${entry.timeText}**`, ''];
  const start = model.incident.start;
  if (start) lines.push(`- **${formatOffset(axis - start.axis).replace(/^T\+0:00$/, 'T+0:00')}** since the incident start (${localClock(start)})`);
  if (entry.zone) {
    const utcDay = entry.date?.year ? localDateTime({ axis, zone: { label: 'UTC', offsetMinutes: 0 }, date: entry.date }).slice(0, 10) : '';
    // In UTC already, only the day is news.
    if (offsetMinutesAt(entry.zone, axis * 60_000) !== 0) lines.push(`- ${utcText(axis)}${utcDay ? ` on ${utcDay}` : ''}`);
    else if (utcDay) lines.push(`- On ${utcDay}`);
    const documentZone = start?.zone;
    if (documentZone && documentZone.label !== entry.zone.label) {
      lines.push(`- ${localClock({ axis, zone: documentZone })} in the incident's zone`);
    } else if (entry.zone.label !== 'UTC') {
      const offset = offsetMinutesAt(entry.zone, axis * 60_000);
      lines.push(`- ${entry.zone.label} is UTC${offset >= 0 ? '+' : '-'}${formatDuration(Math.abs(offset)).replace(/ /g, '')}`);
    }
  }
  lines.push(`- Zone: ${entry.zone ? `${entry.zone.label}, ` : ''}${ZONE_SOURCES[entry.zoneSource]}`);
  lines.push(`- Date: ${entry.date ? `${entry.date.year ?? '(year unknown)'}-${String(entry.date.month).padStart(2, '0')}-${String(entry.date.day).padStart(2, '0')}, ` : ''}${DATE_SOURCES[entry.dateSource]}`);
  return lines.join('\n');
}

function durationHover(model: PostmortemModel): string {
  const { incident } = model;
  const stated = model.summary?.stated;
  const lines = [`**Stated:** ${stated?.text} (${formatDuration(stated?.minutes ?? 0)})`];
  if (incident.durationMinutes === null || !incident.start || !incident.end) {
    lines.push('', 'No duration can be computed: the summary and the timeline do not give a start and an end.');
  } else {
    const mixedWithFrontMatter = incident.start.source === 'front-matter' || incident.end.source === 'front-matter';
    const from = incident.durationSource === 'summary' ? "the summary's start and end"
      : incident.durationSource === 'timeline' ? 'the first and last timeline entries'
        : incident.durationSource === 'front-matter' ? "the front matter's `started` and `resolved`"
          : mixedWithFrontMatter ? 'the front matter and the document' : 'the summary and the timeline';
    lines.push(`**Computed:** ${formatDuration(incident.durationMinutes)}, from ${from}: ${localDateTime(incident.start)} → ${localDateTime(incident.end)}`);
    if (statedWithinLeadUp(model)) {
      lines.push(`The timeline opens on a lead-up (line ${incident.start.line + 1}), before the outage: its span only bounds the outage, so the stated length is the one the incident index and the response figures use.`);
    }
  }
  return lines.join('\n\n');
}

/** The title: the first heading, when no section comes before it. */
function titleHeader(model: PostmortemModel) {
  const first = model.otherHeadings[0];
  return first && (model.sections.length === 0 || first.line < model.sections[0].line) ? first : null;
}

function profileHover(model: PostmortemModel): string {
  const { profile } = model;
  return `**Profile:** ${profile.name} (${PROFILE_SOURCE_WORDS[model.profileSource]})\n\n${profile.description}`;
}

export function hover(model: PostmortemModel, position: Position, now: Date = new Date(), lists: FrontMatterLists = DEFAULT_LISTS): Hover | null {
  const index = model.lines.index;
  const offset = index.offsetAt(position);
  const own = actionItemHover(model, offset, now, lists);
  if (own) return own;
  const entry = model.timeline.find((e) => offset >= e.timeStart && offset <= e.timeEnd && e.timeEnd > e.timeStart);
  if (entry) return { contents: { kind: MarkupKind.Markdown, value: entryHover(model, entry) }, range: index.range(entry.timeStart, entry.timeEnd) };
  const stated = model.summary?.stated;
  if (stated && offset >= stated.offset && offset <= stated.offset + stated.text.length) {
    return { contents: { kind: MarkupKind.Markdown, value: durationHover(model) }, range: index.range(stated.offset, stated.offset + stated.text.length) };
  }
  const title = model.isPostmortem ? titleHeader(model) : null;
  if (title && offset >= title.titleStart && offset <= title.titleEnd) {
    return { contents: { kind: MarkupKind.Markdown, value: profileHover(model) }, range: index.range(title.titleStart, title.titleEnd) };
  }
  return null;
}
