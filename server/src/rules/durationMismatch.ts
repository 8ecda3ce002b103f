// The stated outage duration and the computed one (from the stated window or the timeline) differ by
// more than postmortem.durationTolerance; "under 3 hours" is a bound. The fix writes the computed one
// in, a fact the writer should confirm: fix-all leaves it alone.
import { statedWithinLeadUp } from '../core/leadUp';
import type { PostmortemModel } from '../core/model';
import { formatDuration, type StatedDuration } from '../core/time/duration';
import { durationEdit } from './fixes/replaceDuration';
import { defineRule, editsOf } from './rule';
import { runOnSplits } from './shared/runOnEntries';

export interface DurationMismatchData {
  code: 'duration-mismatch';
  statedMinutes: number;
  computedMinutes: number;
  statedText: string;
}

/** Minutes in a day: a duration told in whole days ("for 5 days") is told to the nearest day. */
const DAY = 1440;

/**
 * An approximate figure ("~1hr", "about 3 hours") allows a quarter of itself, or half its unit, whichever
 * is larger; a figure in whole days ("a halt of 5 days" for 5d 6h), half a day; in whole weeks ("for a
 * week"), half a week.
 */
export function toleranceFor(stated: StatedDuration, tolerance: number): number {
  if (stated.approximate) return Math.max(tolerance, stated.minutes * 0.25, stated.unitMinutes / 2);
  return stated.unitMinutes >= DAY && stated.minutes % stated.unitMinutes === 0 ? Math.max(tolerance, stated.unitMinutes / 2) : tolerance;
}

/** The stated duration disagrees with the computed one by more than `tolerance` minutes ("under 3 hours" is a bound). */
export function durationContradicts(model: PostmortemModel, settingsTolerance: number): boolean {
  const stated = model.summary?.stated;
  const computed = model.incident.durationMinutes;
  if (!stated || computed === null) return false;
  const tolerance = toleranceFor(stated, settingsTolerance);
  // A window that opens on a lead-up bounds the outage from above only.
  if (statedWithinLeadUp(model)) return false;
  // "Incident Start:" and "Incident End:" an hour apart, then "a ~70% drop in request throughput for
  // approximately 30 minutes" in the prose (Appwrite's report): a rough figure told in passing, within
  // the window the labels give, is how long a part of the incident lasted.
  const summary = model.summary;
  if (stated.approximate && !stated.labelled && summary?.start?.labelled && summary.end?.labelled && model.incident.durationSource === 'summary'
    && computed >= stated.minutes - tolerance) return false;
  const contradicts = stated.bound === 'at-most' ? computed > stated.minutes + tolerance
    : stated.bound === 'at-least' ? computed < stated.minutes - tolerance
      : Math.abs(stated.minutes - computed) > tolerance;
  return contradicts && !measuredOnRunOnTimeline(model);
}

/**
 * A window read from a timeline whose entries run on ("(Internal ID 560528920.)<br> 21:14 - DNS
 * configuration changes take effect. **<START OF OUTAGE>**", flutter/flutter's postmortems) misses
 * the entries read as words, and the marks among them: a mismatch measured on it is the misreading's.
 * timeline-entries-run-on says what to mend, and once mended the window is measured on every entry.
 */
function measuredOnRunOnTimeline(model: PostmortemModel): boolean {
  const { start, end } = model.incident;
  if (start?.source !== 'timeline' && end?.source !== 'timeline') return false;
  return model.timeline.some((entry) => runOnSplits(model, entry).length > 0);
}

export const durationMismatch = defineRule<DurationMismatchData>({
  code: 'duration-mismatch',
  defaultSeverity: 'error',
  description: 'The stated duration and the computed one differ by more than postmortem.durationTolerance.',
  check({ model, settings }) {
    const stated = model.summary?.stated;
    const computed = model.incident.durationMinutes;
    if (!stated || computed === null || !durationContradicts(model, settings.durationTolerance)) return [];
    const spans = model.incident.durationSource === 'timeline' ? 'the timeline spans'
      : model.incident.durationSource === 'front-matter' ? "the front matter's started and resolved span" : 'the stated start and end span';
    return [{
      start: stated.offset,
      end: stated.offset + stated.text.length,
      message: `The summary says ${stated.text} (${formatDuration(stated.minutes)}), but ${spans} ${formatDuration(computed)}.`,
      data: { code: 'duration-mismatch', statedMinutes: stated.minutes, computedMinutes: computed, statedText: stated.text },
    }];
  },
  fixes: [{
    title: () => 'Replace the stated duration with the computed one',
    fixAll: false,
    edits: (model, data) => editsOf(durationEdit(model, data)),
  }],
});
