// Nothing in the summary or the timeline (or a Detection section) says how the incident was detected:
// an alert, monitoring, a customer's report. Time to detect is where most outages are won or lost.
import { readDetection } from '../core/writing/detection';
import { looksEnglish } from '../core/writing/english';
import { writingGuide } from '../core/writing/phrases';
import { defineRule, type Problem } from './rule';

export interface DetectionMissingData {
  code: 'detection-missing';
  line: number;
}

export const detectionMissing = defineRule<DetectionMissingData>({
  code: 'detection-missing',
  defaultSeverity: 'information',
  description: 'Nothing in the timeline or summary says how the incident was detected (an alert, monitoring, a customer report).',
  documentation: writingGuide('detection-missing'),
  check({ model, settings, lineSpan }): Array<Problem<DetectionMissingData>> {
    if (!looksEnglish(model)) return [];
    const reading = readDetection(model, settings.writing);
    if (!reading.checked || reading.line !== null || reading.anchorLine === null) return [];
    const [start, end] = lineSpan(reading.anchorLine);
    return [{
      start, end,
      message: 'Nothing here says how the incident was detected. Add when and how it was noticed: which alert fired, which dashboard showed it, or who reported it.',
      data: { code: 'detection-missing', line: reading.anchorLine },
    }];
  },
  fixes: [],
});
