// An incident's life and its response figures. Each moment (started, detected, acknowledged, mitigated,
// resolved) is read from the strongest place that gives it: the front matter's explicit time, else an
// explicit timeline marker ("OUTAGE BEGINS", "[detected]"), else the words of an entry ("Alert fired",
// "rolled back"), else, for every moment but the start, a sentence that states it with its time ("first
// noticed at 12:10 pm", "Acknowledged: 14:08 UTC"), else, for the start and the end, the incident window (the summary's or the timeline's
// ends; a window that opens on a lead-up and spans more than the length the document states starts that
// length before its end). Each figure measures between the two moments `postmortem.metrics` names, and
// says which it used.
// The preview's card and the incident index both read this, so they never disagree.
import type { Settings } from '../core/config';
import { LIFECYCLE_KEYS, type LifecycleKey } from '../core/frontMatter';
import { frontMatterInstant } from '../core/frontMatterTimes';
import { statedWithinLeadUp } from '../core/leadUp';
import { METRIC_NAMES } from '../core/metricsSetting';
import { entryAxis, type IncidentPoint, type PostmortemModel } from '../core/model';
import { entryMarker, type MarkedMoment } from '../core/timeline';
import { isoOf } from '../core/time/format';
import type { LifecycleMoment, LifecyclePoint, MetricFigure, MetricName } from '../protocol';
import { ACKNOWLEDGED_WORDS, firstSaying, hasYear, inTimeOrder, MAX_SPAN_MINUTES, MILESTONE_WORDS } from './milestones';
import { proseMoment } from './proseMoments';

export interface IncidentLifecycle {
  /** The moments found, in life order (a moment nothing gives is left out). */
  lifecycle: LifecyclePoint[];
  metrics: Partial<Record<MetricName, MetricFigure>>;
}

// The core names the moments and the metrics; the wire types must be the same names.
const SAME_MOMENTS: [LifecycleKey, LifecycleMoment] extends [LifecycleMoment, LifecycleKey] ? true : never = true;
const SAME_METRICS: [(typeof METRIC_NAMES)[number], MetricName] extends [MetricName, (typeof METRIC_NAMES)[number]] ? true : never = true;
void SAME_MOMENTS;
void SAME_METRICS;

/** A moment with where it sits on the document's time axis. */
interface Moment {
  point: LifecyclePoint;
  axis: number;
  /** Whether its date has a year: a dated and an undated moment are not on one axis. */
  dated: boolean;
}

/** Which timeline markers mark each moment, the outage's before the incident's. */
const MARKERS: Record<LifecycleKey, readonly MarkedMoment[]> = {
  started: ['outage-begins', 'incident-begins'],
  detected: ['detected'],
  acknowledged: ['acknowledged'],
  mitigated: ['outage-mitigated', 'mitigated'],
  resolved: ['outage-ends', 'incident-ends', 'resolved'],
};

function fromFrontMatter(model: PostmortemModel, key: LifecycleKey): Moment | null {
  const instant = frontMatterInstant(model.frontMatter, key);
  if (!instant) return null;
  return {
    point: { moment: key, iso: isoOf(instant.axis, instant.date, true), source: 'front-matter', line: model.lines.index.lineAt(instant.valueStart), text: `${key}: ${instant.text}` },
    axis: instant.axis,
    dated: true,
  };
}

function fromEntry(model: PostmortemModel, key: LifecycleKey, entryIndex: number, source: 'marker' | 'words' | 'timeline', text: string): Moment | null {
  const entry = model.timeline[entryIndex];
  const axis = entryAxis(model, entry);
  if (axis === null) return null;
  return {
    point: { moment: key, iso: isoOf(axis, entry.date, entry.zone !== null), source, line: entry.line, text },
    axis,
    dated: hasYear(entry.date),
  };
}

/** A timed entry's marker, in time order. */
interface MarkedEntry {
  entryIndex: number;
  marker: { moment: MarkedMoment; words: string };
}

/** The timed entries with a marker, in time order: read once for every moment. */
function markedEntries(model: PostmortemModel, order: readonly number[]): MarkedEntry[] {
  const marked: MarkedEntry[] = [];
  for (const entryIndex of order) {
    if (model.timeline[entryIndex].axis === null) continue;
    const marker = entryMarker(model.lines, model.timeline[entryIndex]);
    if (marker) marked.push({ entryIndex, marker });
  }
  return marked;
}

/** The first timed entry (in time order) with a marker of `key`, preferring the markers listed first. */
function fromMarker(model: PostmortemModel, key: LifecycleKey, marked: readonly MarkedEntry[]): Moment | null {
  for (const wanted of MARKERS[key]) {
    const found = marked.find(({ marker }) => marker.moment === wanted);
    if (found) return fromEntry(model, key, found.entryIndex, 'marker', found.marker.words);
  }
  return null;
}

/** The words that say a moment; the start has none of its own (the window and the markers give it). */
function wordsOf(kind: 'detected' | 'mitigated' | 'resolved'): RegExp {
  const found = MILESTONE_WORDS.find((words) => words.kind === kind);
  if (!found) throw new Error(`no milestone words for ${kind}`);
  return found.pattern;
}
const RESOLVED_WORDS = wordsOf('resolved');
const MOMENT_WORDS: ReadonlyMap<LifecycleKey, RegExp> = new Map([
  ['detected', wordsOf('detected')], ['acknowledged', ACKNOWLEDGED_WORDS], ['mitigated', wordsOf('mitigated')], ['resolved', RESOLVED_WORDS],
]);

function fromWords(model: PostmortemModel, key: LifecycleKey, order: readonly number[], leadUpEnds: number | null): Moment | null {
  const pattern = MOMENT_WORDS.get(key);
  if (key === 'started' || !pattern) return null;
  // Only entries with a time can place a moment, and none of a lead-up ("Karpenter noticed a new version", 070).
  const timed = order.filter((entryIndex) => model.timeline[entryIndex].axis !== null
    && (leadUpEnds === null || (entryAxis(model, model.timeline[entryIndex]) ?? leadUpEnds) >= leadUpEnds));
  // The first entry opens the story: "Monitoring workloads were restored after planned maintenance" is
  // where the outage began, not its resolution (a homelab's Prometheus report), when entries follow.
  const after = (key === 'mitigated' || key === 'resolved') && timed.length > 1 ? timed.slice(1) : timed;
  const found = firstSaying(model, after, key, pattern);
  return found ? fromEntry(model, key, found.entryIndex, 'words', found.word) : null;
}

/** A moment a sentence states with its time, when no timeline entry does (see proseMoments.ts); not the start, which the window gives. */
function fromProse(model: PostmortemModel, settings: Settings, key: LifecycleKey): Moment | null {
  const pattern = MOMENT_WORDS.get(key);
  if (key === 'started' || !pattern) return null;
  const found = proseMoment(model, settings, key, pattern);
  if (!found) return null;
  return {
    point: { moment: key, iso: isoOf(found.axis, found.date, found.zone !== null), source: 'prose', line: found.line, text: found.word },
    axis: found.axis,
    dated: hasYear(found.date),
  };
}

/**
 * A window that opens on a lead-up, where the document states a shorter length exactly: the outage began
 * that long before the window's end (corpus 070: 3h 45m before 09:15, not the PR merged eight days before).
 */
function outageStartAfterLeadUp(model: PostmortemModel): Moment | null {
  const end = model.incident.end;
  const stated = statedWithinLeadUp(model);
  if (!end || !stated || stated.bound !== 'exact') return null;
  const axis = end.axis - stated.minutes;
  return { point: { moment: 'started', iso: isoOf(axis, end.date, end.zone !== null), source: 'summary', line: stated.line, text: stated.text }, axis, dated: hasYear(end.date) };
}

/** The incident window's start or end (the summary's stated time, or the timeline's first or last entry). */
function fromWindow(model: PostmortemModel, key: LifecycleKey): Moment | null {
  const point: IncidentPoint | null = key === 'started' ? model.incident.start : key === 'resolved' ? model.incident.end : null;
  if (!point || point.source === 'front-matter') return null;
  return {
    point: { moment: key, iso: isoOf(point.axis, point.date, point.zone !== null), source: point.source, line: point.line, text: point.text },
    axis: point.axis,
    dated: hasYear(point.date),
  };
}

/** `leadUpEnds`: where the outage began after a lead-up (see outageStartAfterLeadUp); null when the window is the outage's. */
function momentOf(model: PostmortemModel, settings: Settings, key: LifecycleKey, order: readonly number[], marked: readonly MarkedEntry[], leadUpEnds: Moment | null): Moment | null {
  if (key === 'started' && leadUpEnds) return fromFrontMatter(model, key) ?? fromMarker(model, key, marked) ?? leadUpEnds;
  return fromFrontMatter(model, key) ?? fromMarker(model, key, marked) ?? fromWords(model, key, order, leadUpEnds?.axis ?? null) ?? fromProse(model, settings, key) ?? fromWindow(model, key);
}

/**
 * A resolution the words put before the mitigation ("09:50 traffic routing was restored", then "10:00
 * services began recovering", then "10:15 full service was restored", a held-out ALX report) was of a
 * part: the incident's is the first said at or after the mitigation, else the window's end when it is.
 */
function resolvedAfterMitigation(model: PostmortemModel, order: readonly number[], moments: ReadonlyMap<LifecycleKey, Moment>): Moment | null {
  const resolved = moments.get('resolved');
  const mitigated = moments.get('mitigated');
  if (!resolved || !mitigated || resolved.point.source !== 'words' || mitigated.dated !== resolved.dated || mitigated.axis <= resolved.axis) return null;
  const later = order.filter((entryIndex) => (entryAxis(model, model.timeline[entryIndex]) ?? -Infinity) >= mitigated.axis);
  const found = firstSaying(model, later, 'resolved', RESOLVED_WORDS);
  const moment = found ? fromEntry(model, 'resolved', found.entryIndex, 'words', found.word) : fromWindow(model, 'resolved');
  return moment && moment.dated === mitigated.dated && moment.axis >= mitigated.axis ? moment : null;
}

/** The lifecycle of a postmortem and its response figures, as `settings.metrics` defines them. */
export function incidentLifecycle(model: PostmortemModel, settings: Settings): IncidentLifecycle {
  if (!model.isPostmortem) return { lifecycle: [], metrics: {} };
  const order = inTimeOrder(model);
  const marked = markedEntries(model, order);
  const moments = new Map<LifecycleKey, Moment>();
  const leadUpEnds = outageStartAfterLeadUp(model);
  for (const key of LIFECYCLE_KEYS) {
    const moment = momentOf(model, settings, key, order, marked, leadUpEnds);
    if (moment) moments.set(key, moment);
  }
  const settled = resolvedAfterMitigation(model, order, moments);
  if (settled) moments.set('resolved', settled);
  const metrics: Partial<Record<MetricName, MetricFigure>> = {};
  for (const name of METRIC_NAMES) {
    const { from, to } = settings.metrics[name];
    const start = moments.get(from);
    const end = moments.get(to);
    if (!start || !end || start.dated !== end.dated) continue;
    const minutes = Math.round(end.axis - start.axis);
    if (minutes > MAX_SPAN_MINUTES) continue;
    if (minutes >= 0) metrics[name] = { minutes, from: start.point, to: end.point };
    else if (signBeforeStart(moments, from, to, -minutes)) metrics[name] = { minutes: 0, from: start.point, to: end.point, early: -minutes };
  }
  return { lifecycle: [...moments.values()].map((moment) => moment.point), metrics };
}

/**
 * An alert or a report before the start the document gives (corpus 003: alerts at 10:45 for an outage
 * "from 11:00 AM"; 040, 083) was the first sign of it: known from the start. Only as far before it as
 * the outage itself lasted: further back is a slip of the date (a day written for the next, where
 * entryAxis cannot tell it) or a document at odds with itself (042's May and June), not a sign.
 */
function signBeforeStart(moments: ReadonlyMap<LifecycleKey, Moment>, from: LifecycleKey, to: LifecycleKey, early: number): boolean {
  const started = moments.get('started');
  const resolved = moments.get('resolved');
  if (from !== 'started' || (to !== 'detected' && to !== 'acknowledged') || !started || !resolved || started.dated !== resolved.dated) return false;
  return early <= resolved.axis - started.axis;
}
