// The model for clients (the preview, the status bar): `postmortem/analysis`.
import type { IncidentPoint, PostmortemModel } from '../core/model';
import type { CalendarDate } from '../core/time/timestamp';
import { formatDuration } from '../core/time/duration';
import { offsetMinutesAt } from '../core/time/zones';
import type { AnalysisResult } from '../protocol';

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** ISO-8601 for a point on the axis: an instant with Z when the zone is known, local time when not, null without a year. */
export function isoOf(axis: number, date: CalendarDate | null, hasZone: boolean): string | null {
  if (!date || date.year === null) return null;
  const when = new Date(Math.round(axis * 60_000));
  const text = `${pad(when.getUTCFullYear(), 4)}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}T${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}:${pad(when.getUTCSeconds())}`;
  return hasZone ? `${text}Z` : text;
}

/** The local clock of a point in its own zone ("14:00 UTC"). */
export function localClock(point: { axis: number; zone: IncidentPoint['zone'] }): string {
  const offset = point.zone ? offsetMinutesAt(point.zone, point.axis * 60_000) : 0;
  const local = (((point.axis + offset) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(local / 60))}:${pad(Math.floor(local % 60))}${point.zone ? ' ' + point.zone.label : ''}`;
}

/** The local date and clock of a point ("2024-04-10 14:00 UTC"); the clock alone when the year is unknown. */
export function localDateTime(point: { axis: number; zone: IncidentPoint['zone']; date: CalendarDate | null }): string {
  if (!point.date || point.date.year === null) return localClock(point);
  const offset = point.zone ? offsetMinutesAt(point.zone, point.axis * 60_000) : 0;
  const local = new Date(Math.round((point.axis + offset) * 60_000));
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${localClock(point)}`;
}

/** The incident's window and duration, as clients and the CLI's JSON report show them. */
export function incidentResult(model: PostmortemModel): AnalysisResult['incident'] {
  const { incident } = model;
  const start = incident.start;
  return {
    start: start ? isoOf(start.axis, start.date, start.zone !== null) : null,
    end: incident.end ? isoOf(incident.end.axis, incident.end.date, incident.end.zone !== null) : null,
    startText: start ? localClock(start) : null,
    endText: incident.end ? localClock(incident.end) : null,
    durationMinutes: incident.durationMinutes,
    durationSource: incident.durationSource,
    statedDurationMinutes: incident.statedDurationMinutes,
    durationText: incident.durationMinutes === null ? null : formatDuration(incident.durationMinutes),
  };
}

export function analysisResult(model: PostmortemModel): AnalysisResult {
  const index = model.lines.index;
  const start = model.incident.start;
  return {
    isPostmortem: model.isPostmortem,
    profile: model.profile.name,
    sections: model.sections.map((section) => ({
      id: section.id ?? 'unknown',
      title: section.title,
      range: index.lineRange(section.line, section.endLine),
    })),
    timeline: model.timeline.map((entry) => ({
      range: index.lineRange(entry.line, entry.lastLine),
      text: entry.text,
      timeText: entry.timeText,
      time: entry.axis === null ? null : isoOf(entry.axis, entry.date, entry.zone !== null),
      offsetMinutes: entry.axis === null || !start ? null : Math.round(entry.axis - start.axis),
      zone: entry.zone?.label ?? null,
      zoneSource: entry.zoneSource,
      dateSource: entry.dateSource,
    })),
    incident: incidentResult(model),
  };
}
