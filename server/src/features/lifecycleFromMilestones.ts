// A stand-in for features/lifecycle.ts (`incidentLifecycle`, being written on another branch): the
// incident's moments and metrics read from what the preview's card already knows (its start and end,
// and the milestones the timeline's words mark). Same signature, so the index swaps it in one line.
import type { Settings } from '../core/config';
import type { IncidentPoint, PostmortemModel } from '../core/model';
import { isoOf } from '../core/time/format';
import type { LifecycleMoment, LifecyclePoint, MetricFigure, MetricName } from '../protocol';
import { findMilestones, type MilestoneMatch } from './milestones';

export interface IncidentLifecycle {
  lifecycle: LifecyclePoint[];
  metrics: Partial<Record<MetricName, MetricFigure>>;
}

function incidentPoint(model: PostmortemModel, moment: LifecycleMoment, point: IncidentPoint): LifecyclePoint {
  const entry = point.source === 'timeline' ? model.timeline.find((e) => e.axis === point.axis && e.timeText === point.text) : undefined;
  return { moment, iso: isoOf(point.axis, point.date, point.zone !== null), source: point.source, line: entry?.line ?? null, text: point.text };
}

function milestonePoint(model: PostmortemModel, moment: LifecycleMoment, match: MilestoneMatch): LifecyclePoint {
  const entry = model.timeline[match.entryIndex];
  return {
    moment,
    iso: entry.axis === null ? null : isoOf(entry.axis, entry.date, entry.zone !== null),
    source: 'words',
    line: entry.line,
    text: match.word,
  };
}

/** The card's milestones as lifecycle points; `_settings` is there for `postmortem.metrics`, which only the real reader knows. */
export function lifecycleFromMilestones(model: PostmortemModel, _settings: Settings): IncidentLifecycle {
  const { incident } = model;
  const found = findMilestones(model);
  const lifecycle: LifecyclePoint[] = [];
  const metrics: IncidentLifecycle['metrics'] = {};
  const started = incident.start ? incidentPoint(model, 'started', incident.start) : null;
  if (started) lifecycle.push(started);
  const measured: Array<[LifecycleMoment, MilestoneMatch | null, MetricName]> = [
    ['detected', found.timeToDetect, 'timeToDetect'],
    ['mitigated', found.timeToMitigate, 'timeToMitigate'],
    ['resolved', found.timeToResolve, 'timeToResolve'],
  ];
  for (const [moment, match, metric] of measured) {
    const point = match ? milestonePoint(model, moment, match) : null;
    if (!point || !match) continue;
    lifecycle.push(point);
    if (started && match.minutesFromStart !== null) metrics[metric] = { minutes: match.minutesFromStart, from: started, to: point };
  }
  // Without a word that says so, the incident's end is when it was resolved.
  if (!found.timeToResolve && incident.end && started && incident.durationMinutes !== null) {
    const resolved = incidentPoint(model, 'resolved', incident.end);
    lifecycle.push(resolved);
    metrics.timeToResolve = { minutes: incident.durationMinutes, from: started, to: resolved };
  }
  return { lifecycle, metrics };
}
