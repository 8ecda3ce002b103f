// The preview's content as HTML, from the server's render result: the incident card, the timeline
// drawn to scale (SVG and a list), and the rendered document (sanitized by the server). Pure: no
// vscode, no DOM; every text is escaped here, every number was worked out by the server.
import { escapeHtml } from '../../../server/src/shared/html';
import { PROFILE_SOURCE_WORDS, type CardMetric, type CardPoint, type ChecklistMark, type FactSource, type IncidentCard, type LifecyclePoint, type MilestoneKind, type MomentSource, type PreviewTimelineEntry, type RenderResult } from '../../../server/src/protocol';

const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  detected: 'Detected',
  escalated: 'Escalated',
  'root-cause-identified': 'Root cause identified',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

const num = (value: number) => String(Math.round(Number(value) * 10) / 10);

const FACT_PLACES: Record<FactSource['from'], string> = {
  summary: 'the summary',
  timeline: 'the timeline',
  section: 'its section',
  'front-matter': 'front matter',
};

const MOMENT_PLACES: Record<MomentSource, string> = {
  'front-matter': 'front matter',
  marker: 'a timeline marker',
  words: 'the timeline\'s words',
  prose: 'a sentence',
  summary: 'the summary',
  timeline: 'the timeline\'s ends',
};

/** A clickable "line 5" that reveals the source line in the editor. */
function sourceLink(source: FactSource | null, what: string): string {
  if (!source) return '';
  const where = FACT_PLACES[source.from] ?? 'the document';
  return `<button type="button" class="pm-source" data-reveal data-line="${num(source.line)}" title="${escapeHtml(`${what}: "${source.text}"`)}">from ${where}, line ${num(source.line + 1)}</button>`;
}

function point(label: string, value: CardPoint | null): string {
  if (!value) return `<div class="pm-fact"><dt>${label}</dt><dd class="pm-missing">not stated</dd></div>`;
  const iso = value.iso ? `<span class="pm-iso">${escapeHtml(value.iso)}</span>` : '';
  const zone = value.zone ? '' : ' <span class="pm-badge pm-warn">no time zone</span>';
  return `<div class="pm-fact"><dt>${label}</dt><dd><span class="pm-clock">${escapeHtml(value.clock)}</span>${zone} ${iso} ${sourceLink(value.source, label)}</dd></div>`;
}

function textFact(label: string, value: FactSource | null): string {
  if (!value) return `<div class="pm-fact pm-wide"><dt>${label}</dt><dd class="pm-missing">not stated</dd></div>`;
  return `<div class="pm-fact pm-wide"><dt>${label}</dt><dd>${escapeHtml(value.text)} ${sourceLink(value, label)}</dd></div>`;
}

/** A milestone's time from the start ("+15m"; "-5m" for an alert before it), else its clock. */
function chipTime(milestone: IncidentCard['milestones'][number]): string {
  if (milestone.durationText === null) return milestone.timeText;
  return (milestone.minutesFromStart ?? 0) < 0 ? milestone.durationText : `+${milestone.durationText}`;
}

/** "detected (from a timeline marker, "[detected]")": a moment and where it was read. */
function momentText(point: LifecyclePoint): string {
  return `${point.moment} (from ${MOMENT_PLACES[point.source] ?? 'the document'}, "${point.text}")`;
}

function responseTime(label: string, metric: CardMetric | null): string {
  if (!metric) {
    return `<div class="pm-metric pm-metric-missing"><span class="pm-metric-label">${label}</span><span class="pm-metric-value">—</span></div>`;
  }
  const early = metric.earlyText === undefined ? '' : `${metric.to.moment} ${metric.earlyText} before the start: `;
  const title = `${early}${momentText(metric.from)} → ${momentText(metric.to)}`;
  const line = metric.to.line;
  const reveal = line === null ? '' : ` data-reveal data-line="${num(line)}"`;
  return `<div class="pm-metric"><span class="pm-metric-label">${label}</span><span class="pm-metric-value">${escapeHtml(metric.durationText)}</span>`
    + (metric.earlyText === undefined ? '' : `<span class="pm-metric-early">${escapeHtml(metric.earlyText)} before the start</span>`)
    + `<button type="button" class="pm-source"${reveal} title="${escapeHtml(title)}">${escapeHtml(metric.from.moment)} → ${escapeHtml(metric.to.moment)}, from ${escapeHtml(MOMENT_PLACES[metric.to.source] ?? 'the document')}${line === null ? '' : `, line ${num(line + 1)}`}</button></div>`;
}

/** The action items: "5 items: 2 open, 1 overdue" and a table (each row reveals its line). */
function actionTable(actions: IncidentCard['actions']): string {
  if (!actions) return '';
  const rows = actions.items.map((item) => {
    const state = item.done ? '<span class="pm-badge pm-ok">done</span>' : item.overdue ? '<span class="pm-badge pm-error">overdue</span>' : '<span class="pm-badge">open</span>';
    const cell = (value: string | null) => (value ? escapeHtml(value) : '<span class="pm-missing">—</span>');
    return `<tr><td><button type="button" class="pm-source" data-reveal data-line="${num(item.line)}">${escapeHtml(item.text)}</button></td><td>${cell(item.owner)}</td><td>${cell(item.due)}</td><td>${cell(item.ticket)}</td><td>${state}</td></tr>`;
  }).join('');
  return `<div class="pm-actions"><p class="pm-actions-summary" data-testid="action-summary">${escapeHtml(actions.summary)}</p>
<table class="pm-action-table"><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Ticket</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Where the computed duration's start and end were read ("front matter's start and end", "the summary's start and the timeline's end"). */
function computedFrom(card: IncidentCard): string {
  const place = (point: CardPoint | null) => (point?.source ? FACT_PLACES[point.source.from] ?? 'the document' : 'the document');
  const source = card.computed?.source;
  if (source && source !== 'mixed') return `${FACT_PLACES[source]}'s start and end`;
  return `${place(card.start)}'s start and ${place(card.end)}'s end`;
}

/** Which template the document is checked against, and why ("google-sre, chosen by the document's own sections"). */
function profileLine({ analysis }: RenderResult): string {
  if (!analysis.profile) return '';
  return `<p class="pm-profile" data-testid="profile">Profile <b>${escapeHtml(analysis.profile)}</b>, ${escapeHtml(PROFILE_SOURCE_WORDS[analysis.profileSource])}</p>`;
}

export function renderCard(result: RenderResult): string {
  const { card } = result;
  const computed = card.computed
    ? `<span class="pm-duration" data-testid="computed-duration">${escapeHtml(card.computed.text)}</span> <span class="pm-note">computed from ${computedFrom(card)}</span>`
    : '<span class="pm-missing">no start and end to compute it from</span>';
  const bound = card.stated?.bound === 'at-most' ? ' (at most)' : card.stated?.bound === 'at-least' ? ' (at least)' : card.stated?.approximate ? ' (approximate)' : '';
  const stated = card.stated
    ? `<span class="pm-stated">${escapeHtml(card.stated.text)}${bound}</span> ${card.mismatch
      ? `<span class="pm-badge pm-error" data-testid="mismatch" title="Differs from the computed duration by more than ${num(card.toleranceMinutes)} min">mismatch</span>`
      : '<span class="pm-badge pm-ok">agrees</span>'} ${sourceLink(card.stated.source, 'Stated duration')}`
    : '<span class="pm-missing">not stated</span>';
  const milestones = card.milestones.length
    ? `<p class="pm-milestones">${card.milestones.map((m) => `<button type="button" class="pm-chip pm-m-${m.kind}" data-reveal data-line="${num(m.line)}" title="${escapeHtml(`"${m.word}" at ${m.timeText}`)}">${MILESTONE_LABELS[m.kind]} ${escapeHtml(chipTime(m))}</button>`).join(' ')}</p>`
    : '';
  return `<section id="pm-card" class="pm-card" aria-label="Incident">
<h1 class="pm-title">${escapeHtml(card.title ?? 'Postmortem')}</h1>
${profileLine(result)}
<dl class="pm-facts">
${point('Start', card.start)}
${point('End', card.end)}
<div class="pm-fact"><dt>Outage duration</dt><dd>${computed}</dd></div>
<div class="pm-fact"><dt>Stated duration</dt><dd>${stated}</dd></div>
${textFact('Impact', card.impact)}
${textFact('Root cause', card.rootCause)}
</dl>
<div class="pm-metrics">${responseTime('Time to detect', card.timeToDetect)}${responseTime('Time to mitigate', card.timeToMitigate)}${responseTime('Time to resolve', card.timeToResolve)}</div>
${milestones}
${actionTable(card.actions)}
</section>`;
}

// The drawing: a track from x 40 to 960 in a 1000-wide box; entries in proportion to their minutes.
const LEFT = 40;
const RIGHT = 960;
const TRACK_Y = 46;
const LANE = 14;

function entryClasses(entry: PreviewTimelineEntry): string {
  return [entry.outOfOrder ? 'pm-out-of-order' : '', entry.milestone ? `pm-m-${entry.milestone}` : ''].filter(Boolean).join(' ');
}

function drawTimeline(result: RenderResult): string {
  const marks = result.marks;
  const timed = result.timeline.filter((entry) => entry.minutes !== null);
  if (!marks || timed.length < 2) return '';
  const span = Math.max(marks.spanMinutes, 1);
  const x = (minutes: number) => LEFT + ((RIGHT - LEFT) * minutes) / span;
  const lanes: number[] = [];
  const dots = [...timed].sort((a, b) => (a.minutes as number) - (b.minutes as number)).map((entry) => {
    const cx = x(entry.minutes as number);
    // Entries closer than a dot's width stack in lanes below the track.
    let lane = lanes.findIndex((lastX) => cx - lastX >= 12);
    if (lane < 0) lane = lanes.length;
    lanes[lane] = cx;
    const cy = TRACK_Y + lane * LANE;
    const label = `${entry.clock ?? entry.timeText} ${entry.offsetText ?? ''} ${entry.outOfOrder ? '(out of order) ' : ''}${entry.milestone ? `[${MILESTONE_LABELS[entry.milestone]}] ` : ''}${entry.text}`;
    return `<g class="pm-dot ${entryClasses(entry)}" data-reveal data-entry="${num(entry.entryIndex)}" data-line="${num(entry.line)}" data-last-line="${num(entry.lastLine)}" tabindex="0" role="button" aria-label="${escapeHtml(label)}">`
      + `<title>${escapeHtml(label)}</title>${lane ? `<line class="pm-stem" x1="${num(cx)}" y1="${TRACK_Y}" x2="${num(cx)}" y2="${num(cy)}"></line>` : ''}`
      + `<circle cx="${num(cx)}" cy="${num(cy)}" r="6"></circle>${entry.outOfOrder ? `<text class="pm-dot-flag" x="${num(cx)}" y="${num(cy - 10)}">!</text>` : ''}</g>`;
  }).join('');
  const height = TRACK_Y + Math.max(lanes.length, 1) * LANE + 30;
  const gaps = marks.gaps.map((gap) => `<g class="pm-gap"><rect x="${num(x(gap.fromMinutes) + 8)}" y="${TRACK_Y - 9}" width="${num(Math.max(x(gap.toMinutes) - x(gap.fromMinutes) - 16, 1))}" height="18"></rect>`
    + `<text x="${num((x(gap.fromMinutes) + x(gap.toMinutes)) / 2)}" y="${TRACK_Y - 14}">${escapeHtml(gap.text)} without entries</text></g>`).join('');
  const midnights = marks.midnights.map((m) => `<g class="pm-midnight"><line x1="${num(x(m.minutes))}" y1="12" x2="${num(x(m.minutes))}" y2="${height - 20}"></line>`
    + `<text x="${num(x(m.minutes))}" y="10">midnight · day ${num(m.day + 1)}</text></g>`).join('');
  const first = timed.reduce((a, b) => ((a.minutes as number) <= (b.minutes as number) ? a : b));
  const last = timed.reduce((a, b) => ((a.minutes as number) >= (b.minutes as number) ? a : b));
  return `<svg class="pm-track" viewBox="0 0 1000 ${height}" role="img" aria-label="Timeline to scale, ${escapeHtml(marks.spanText)}" preserveAspectRatio="xMidYMid meet">`
    + `<line class="pm-axis" x1="${LEFT}" y1="${TRACK_Y}" x2="${RIGHT}" y2="${TRACK_Y}"></line>${gaps}${midnights}${dots}`
    + `<text class="pm-axis-label pm-start" x="${LEFT}" y="${height - 4}">${escapeHtml(first.clock ?? '')}</text>`
    + `<text class="pm-axis-label pm-middle" x="500" y="${height - 4}">${escapeHtml(marks.spanText)}</text>`
    + `<text class="pm-axis-label pm-end" x="${RIGHT}" y="${height - 4}">${escapeHtml(last.clock ?? '')}</text></svg>`;
}

function entryList(result: RenderResult): string {
  const marks = result.marks;
  const items: string[] = [];
  let previous: PreviewTimelineEntry | null = null;
  for (const entry of result.timeline) {
    if (previous && entry.day !== null && previous.day !== null && entry.day > previous.day) {
      items.push(`<li class="pm-separator pm-midnight-row" aria-hidden="true">midnight · day ${num(entry.day + 1)}</li>`);
    }
    const gap = previous && marks?.gaps.find((g) => g.fromMinutes === previous?.minutes && g.toMinutes === entry.minutes);
    if (gap) items.push(`<li class="pm-separator pm-gap-row" aria-hidden="true">${escapeHtml(gap.text)} without entries</li>`);
    const badges = [
      entry.outOfOrder ? '<span class="pm-badge pm-error">out of order</span>' : '',
      entry.minutes === null ? '<span class="pm-badge pm-warn">time not read</span>' : '',
      entry.milestone ? `<span class="pm-badge pm-m-${entry.milestone}">${MILESTONE_LABELS[entry.milestone]}</span>` : '',
    ].join('');
    items.push(`<li class="pm-entry ${entryClasses(entry)}" data-reveal data-entry="${num(entry.entryIndex)}" data-line="${num(entry.line)}" data-last-line="${num(entry.lastLine)}" tabindex="0">`
      + `<span class="pm-entry-time">${escapeHtml(entry.clock ?? entry.timeText)}</span><span class="pm-entry-offset">${escapeHtml(entry.offsetText ?? '')}</span>`
      + `<span class="pm-entry-text">${escapeHtml(entry.text)} ${badges}</span></li>`);
    if (entry.minutes !== null) previous = entry;
  }
  return `<ol class="pm-entries">${items.join('')}</ol>`;
}

const MARKS: Record<ChecklistMark, { symbol: string; label: string }> = {
  met: { symbol: '✓', label: 'met' },
  'not-met': { symbol: '✗', label: 'not met' },
  unknown: { symbol: '?', label: 'cannot tell' },
};

/**
 * The review checklist beside the card: a collapsible panel (open at first; the page keeps what the
 * reader chose across updates). Each question with its mark, why, and the lines that decide it.
 */
export function renderChecklist(result: RenderResult): string {
  const items = result.checklist.items.map((item) => {
    const mark = MARKS[item.mark];
    const links = item.lines.map((line) => `<button type="button" class="pm-source" data-reveal data-line="${num(line - 1)}">line ${num(line)}</button>`).join(' ');
    return `<li class="pm-check pm-check-${item.mark}" data-testid="check-${escapeHtml(item.id)}" data-mark="${item.mark}">`
      + `<span class="pm-mark" role="img" aria-label="${mark.label}" title="${mark.label}">${mark.symbol}</span>`
      + `<span class="pm-check-text"><span class="pm-question">${escapeHtml(item.question)}</span> <span class="pm-note">${escapeHtml(item.detail)}</span> ${links}</span></li>`;
  }).join('');
  const met = result.checklist.items.filter((item) => item.mark === 'met').length;
  return `<details id="pm-checklist" class="pm-checklist" open><summary>Review checklist <span class="pm-note">${met} of ${result.checklist.items.length} met</span></summary><ul>${items}</ul></details>`;
}

export function renderTimeline(result: RenderResult): string {
  if (result.timeline.length === 0) return '<section id="pm-timeline" class="pm-timeline"><h2>Timeline</h2><p class="pm-missing">No timeline entries with a time.</p></section>';
  return `<section id="pm-timeline" class="pm-timeline" aria-label="Timeline"><h2>Timeline</h2>${drawTimeline(result)}${entryList(result)}</section>`;
}

/** Everything below the page's head: card, timeline, document. The webview replaces it in place. */
export function renderBody(result: RenderResult): string {
  if (!result.isPostmortem) {
    return `<section id="pm-card" class="pm-card"><p class="pm-missing">This document is not a postmortem.</p></section><section id="pm-timeline"></section><article id="pm-document" class="pm-document">${result.html}</article>`;
  }
  return `<div id="pm-top" class="pm-top">${renderCard(result)}\n${renderChecklist(result)}</div>\n${renderTimeline(result)}\n<article id="pm-document" class="pm-document">${result.html}</article>`;
}
