// The model for clients (the preview, the status bar): `postmortem/analysis`.
import { entryAxis, type PostmortemModel } from '../core/model';
import { formatDuration } from '../core/time/duration';
import { isoOf, knownIsoOf, localClock } from '../core/time/format';
import type { AnalysisResult } from '../protocol';

/** The incident's window and duration, as clients and the CLI's JSON report show them. */
export function incidentResult(model: PostmortemModel): AnalysisResult['incident'] {
  const { incident } = model;
  const start = incident.start;
  return {
    start: start ? knownIsoOf(start) : null,
    end: incident.end ? knownIsoOf(incident.end) : null,
    startZone: start?.zone?.label ?? null,
    endZone: incident.end?.zone?.label ?? null,
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
    profileSource: model.profileSource,
    sections: model.sections.map((section) => ({
      id: section.id ?? 'unknown',
      title: section.title,
      range: index.lineRange(section.line, section.endLine),
    })),
    timeline: model.timeline.map((entry) => {
      const axis = entryAxis(model, entry);
      return {
        range: index.lineRange(entry.line, entry.lastLine),
        text: entry.text,
        timeText: entry.timeText,
        time: axis === null ? null : isoOf(axis, entry.date, entry.zone !== null),
        offsetMinutes: axis === null || !start ? null : Math.round(axis - start.axis),
        zone: entry.zone?.label ?? null,
        zoneSource: entry.zoneSource,
        dateSource: entry.dateSource,
      };
    }),
    incident: incidentResult(model),
  };
}
