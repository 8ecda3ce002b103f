// Diagnostics: pure, from the model to LSP diagnostics, each with a stable code and `data` for its fix.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { PostmortemModel, RequirementStatus } from '../core/model';
import type { Settings } from '../core/config';
import type { SummaryField } from '../core/profiles';
import type { TimelineEntry } from '../core/timeline';
import { formatDuration } from '../core/time/duration';
import {
  DIAGNOSTIC_SOURCE, type DiagnosticCode, type DiagnosticData, type SeverityName,
} from '../protocol';

const SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const FIELD_NAMES: Record<SummaryField, string> = {
  duration: 'the outage duration',
  start: 'the start time',
  end: 'the end time',
  impact: 'the impact',
  'root-cause': 'the root cause',
};

export function computeDiagnostics(model: PostmortemModel, settings: Settings): Diagnostic[] {
  if (!model.isPostmortem) return [];
  const out: Diagnostic[] = [];
  const index = model.lines.index;
  const add = (code: DiagnosticCode, startOffset: number, endOffset: number, message: string, data: DiagnosticData) => {
    const level = settings.severity[code];
    if (level === 'off') return;
    out.push({ range: index.range(startOffset, endOffset), severity: SEVERITY[level], source: DIAGNOSTIC_SOURCE, code, message, data });
  };
  const lineSpan = (line: number): [number, number] => {
    const source = index.lines[line];
    const indent = source.text.length - source.text.trimStart().length;
    return [source.start + indent, source.end];
  };
  const titleLine = firstTitleLine(model);

  // Markdown the parser gave up on (nested thousands of levels deep): said once, on the title; the
  // structure of what it could not parse is read line by line, and everything else still works.
  const reason = model.lines.parseError;
  if (reason !== null) {
    const [start, end] = lineSpan(titleLine);
    add('document-too-deep', start, end, `Part of this document is nested too deeply to read as Markdown (${reason}); its lines are read one by one.`, {
      code: 'document-too-deep', reason,
    });
  }

  // Sections: missing, then out of order.
  for (const status of model.requirements) {
    if (!status.spec.required || status.present) continue;
    const partial = status.line !== null && status.missingParts.length > 0;
    const missingTitles = partial
      ? status.spec.parts!.filter((part) => status.missingParts.includes(part.id)).map((part) => part.title)
      : [status.spec.title];
    const message = partial
      ? `Missing section "${missingTitles.join('", "')}" (part of "${status.spec.title}").`
      : `Missing section "${status.spec.title}".`;
    const [start, end] = lineSpan(titleLine);
    add('section-missing', start, end, message, {
      code: 'section-missing',
      sectionId: partial ? status.missingParts[0] : status.spec.id,
      title: missingTitles[0],
      insertAfterLine: insertionLine(model, status),
      ...(partial ? { missingParts: status.missingParts } : {}),
    });
  }
  let furthest: RequirementStatus | null = null;
  for (const status of model.requirements) {
    if (!status.present || status.line === null) continue;
    if (furthest && furthest.line !== null && status.line < furthest.line) {
      const [start, end] = lineSpan(status.line);
      add('section-order', start, end, `"${status.spec.title}" should come after "${furthest.spec.title}".`, {
        code: 'section-order', sectionId: status.spec.id, expectedAfter: furthest.spec.id,
      });
    } else {
      furthest = status;
    }
  }

  // Summary facts.
  const summarySpec = model.summarySection && model.profile.sections.find((spec) => spec.id === model.summarySection?.specId);
  if (model.summarySection && model.summary && summarySpec?.fields) {
    for (const field of summarySpec.fields) {
      if (model.summary.fields.has(field)) continue;
      const [start, end] = lineSpan(model.summarySection.line);
      add('summary-field-missing', start, end, `The summary does not state ${FIELD_NAMES[field]}.`, {
        code: 'summary-field-missing', field, summaryLine: model.summarySection.line,
      });
    }
  }

  // Timeline.
  const entries = model.timeline;
  entries.forEach((entry, i) => {
    if (!entry.unreadable) return;
    const readAs = entry.stamp?.time ? ` Read as ${clock(entry)}; write "${clock(entry)}" or use a 12-hour time.` : '';
    const why = entry.unreadable.reason === 'conflicting-meridiem' ? 'mixes a 24-hour clock with AM/PM'
      : entry.unreadable.reason === 'out-of-range' ? 'is not a valid time of day' : 'is incomplete';
    add('timeline-unparsed-time', entry.timeStart, entry.timeEnd, `The time "${entry.unreadable.text}" ${why}.${readAs}`, {
      code: 'timeline-unparsed-time', entryIndex: i, text: entry.unreadable.text, reason: entry.unreadable.reason,
    });
  });
  let previous: { entry: TimelineEntry; index: number } | null = null;
  entries.forEach((entry, i) => {
    if (entry.axis === null) return;
    if (previous && previous.entry.axis !== null && entry.axis < previous.entry.axis) {
      const target = entries.findIndex((other) => other.axis !== null && other.axis > (entry.axis as number));
      const before = entries[target];
      add('timeline-out-of-order', entry.timeStart, entry.timeEnd,
        `"${entry.timeText}" is earlier than the entry before it; it should come before "${before.timeText}" (line ${before.line + 1}).`, {
          code: 'timeline-out-of-order', entryIndex: i, shouldPrecedeIndex: target, shouldPrecedeLine: before.line,
        });
    }
    previous = { entry, index: i };
  });
  const timed = entries.map((entry, i) => ({ entry, i })).filter(({ entry }) => entry.stamp?.time);
  const zoneless = timed.filter(({ entry }) => entry.zoneSource === 'none');
  const suggestedZone = timed.find(({ entry }) => entry.zone)?.entry.zone?.label ?? model.summary?.zone?.label ?? null;
  if (zoneless.length && zoneless.length === timed.length && model.timelineSection) {
    const [start, end] = lineSpan(model.timelineSection.line);
    add('timeline-missing-timezone', start, end, 'No time zone is written for the timeline, in its heading, the summary or the settings.', {
      code: 'timeline-missing-timezone', scope: 'timeline', entryIndexes: zoneless.map(({ i }) => i), suggestedZone,
    });
  } else {
    for (const { entry, i } of zoneless) {
      add('timeline-missing-timezone', entry.timeStart, entry.timeEnd, `"${entry.timeText}" has no time zone.`, {
        code: 'timeline-missing-timezone', scope: 'entry', entryIndexes: [i], suggestedZone,
      });
    }
  }

  // Stated duration against the computed one.
  const stated = model.summary?.stated;
  const computed = model.incident.durationMinutes;
  if (stated && computed !== null && durationContradicts(model, settings.durationTolerance)) {
    add('duration-mismatch', stated.offset, stated.offset + stated.text.length,
      `The summary says ${stated.text} (${formatDuration(stated.minutes)}), but ${model.incident.durationSource === 'timeline' ? 'the timeline spans' : 'the stated start and end span'} ${formatDuration(computed)}.`, {
        code: 'duration-mismatch', statedMinutes: stated.minutes, computedMinutes: computed, statedText: stated.text,
      });
  }
  return out;
}

/** The stated duration disagrees with the computed one by more than `tolerance` minutes ("under 3 hours" is a bound). */
export function durationContradicts(model: PostmortemModel, tolerance: number): boolean {
  const stated = model.summary?.stated;
  const computed = model.incident.durationMinutes;
  if (!stated || computed === null) return false;
  return stated.bound === 'at-most' ? computed > stated.minutes + tolerance
    : stated.bound === 'at-least' ? computed < stated.minutes - tolerance
      : Math.abs(stated.minutes - computed) > tolerance;
}

function clock(entry: TimelineEntry): string {
  const time = entry.stamp?.time;
  if (!time) return '';
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** The document's title line (first heading, else the first non-blank line), where whole-document problems sit. */
export function firstTitleLine(model: PostmortemModel): number {
  const { info } = model.lines;
  const heading = info.findIndex((line) => line.kind === 'heading');
  if (heading >= 0 && (model.sections.length === 0 || heading <= model.sections[0].line)) return heading;
  const firstText = info.findIndex((line) => line.kind !== 'blank' && line.kind !== 'frontmatter');
  return firstText >= 0 ? firstText : 0;
}

/** After which line a missing section goes so that the profile's order is kept. */
export function insertionLine(model: PostmortemModel, missing: RequirementStatus): number {
  const order = model.requirements;
  const at = order.indexOf(missing);
  const endOf = (status: RequirementStatus): number => {
    const ids = new Set<string>([status.spec.id, ...(status.spec.parts ?? []).map((part) => part.id)]);
    return Math.max(...model.sections.filter((section) => section.id !== null && ids.has(section.id)).map((section) => section.endLine));
  };
  // A missing part ("Resolution" beside "Root Cause") goes right after the part that is there.
  if (missing.line !== null) return endOf(missing);
  for (let i = at - 1; i >= 0; i--) {
    if (order[i].line !== null) return endOf(order[i]);
  }
  for (let i = at + 1; i < order.length; i++) {
    const line = order[i].line;
    if (line !== null) return line - 1;
  }
  return model.lines.index.lineCount - 1;
}
