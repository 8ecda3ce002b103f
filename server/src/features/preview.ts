// `postmortem/render`: what the preview shows, in one answer: the document as sanitized HTML, the
// incident card, the timeline as drawn, and the analysis they come from.
import type { PostmortemModel } from '../core/model';
import type { Settings } from '../core/config';
import type { RenderResult } from '../protocol';
import { analysisResult } from './analysis';
import { incidentCard, previewTimeline, previewTimelineMarks } from './incidentCard';
import { renderHtml } from './renderHtml';
import { reviewChecklist } from './reviewChecklist';
import { findingsOf } from '../rules/findings';

/**
 * `html` is the document rendered by renderHtml (the server renders large ones on another thread), as the
 * model reads it: a report pasted in a ```markdown block shows as the report (`model.lines.index.text`).
 */
export function renderResult(model: PostmortemModel, settings: Settings, uri: string, version: number, html = renderHtml(model.lines.index.text), now: Date = new Date()): RenderResult {
  const timeline = previewTimeline(model);
  return {
    uri,
    version,
    isPostmortem: model.isPostmortem,
    html,
    card: incidentCard(model, settings, now),
    timeline,
    marks: previewTimelineMarks(timeline),
    analysis: analysisResult(model),
    checklist: reviewChecklist(model, settings, findingsOf(model, settings)),
  };
}
