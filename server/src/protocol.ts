// Every wire format between the client and the server, typed once: custom requests, diagnostic
// codes and the `data` each diagnostic carries for its quick fixes.
export const DIAGNOSTIC_SOURCE = 'postmortem';

export const DIAGNOSTIC_CODES = [
  'section-missing',
  'section-order',
  'summary-field-missing',
  'timeline-out-of-order',
  'timeline-missing-timezone',
  'timeline-unparsed-time',
  'duration-mismatch',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';
export const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];

export const DEFAULT_SEVERITY: Readonly<Record<DiagnosticCode, SeverityName>> = {
  'section-missing': 'warning',
  'section-order': 'warning',
  'summary-field-missing': 'warning',
  'timeline-out-of-order': 'error',
  'timeline-missing-timezone': 'warning',
  'timeline-unparsed-time': 'error',
  'duration-mismatch': 'error',
};

export interface SectionMissingData {
  code: 'section-missing';
  sectionId: string;
  title: string;
  /** Where the section belongs: after this line (0-based), keeping the profile's order. */
  insertAfterLine: number;
  /** Parts already present when a combined section is missing only some of them. */
  missingParts?: string[];
}
export interface SectionOrderData {
  code: 'section-order';
  sectionId: string;
  /** The section this one should follow. */
  expectedAfter: string;
}
export interface SummaryFieldMissingData {
  code: 'summary-field-missing';
  field: 'duration' | 'start' | 'end' | 'impact' | 'root-cause';
  summaryLine: number;
}
export interface TimelineOutOfOrderData {
  code: 'timeline-out-of-order';
  entryIndex: number;
  /** The entry this one should precede, and its line. */
  shouldPrecedeIndex: number;
  shouldPrecedeLine: number;
}
export interface TimelineMissingTimezoneData {
  code: 'timeline-missing-timezone';
  /** 'timeline' when no entry has a zone (one diagnostic on the heading); else this entry only. */
  scope: 'timeline' | 'entry';
  entryIndexes: number[];
  /** The zone the document uses elsewhere, if any. */
  suggestedZone: string | null;
}
export interface TimelineUnparsedTimeData {
  code: 'timeline-unparsed-time';
  entryIndex: number;
  text: string;
  reason: 'out-of-range' | 'conflicting-meridiem' | 'incomplete';
}
export interface DurationMismatchData {
  code: 'duration-mismatch';
  statedMinutes: number;
  computedMinutes: number;
  statedText: string;
}
export type DiagnosticData =
  | SectionMissingData
  | SectionOrderData
  | SummaryFieldMissingData
  | TimelineOutOfOrderData
  | TimelineMissingTimezoneData
  | TimelineUnparsedTimeData
  | DurationMismatchData;

export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface AnalysisParams {
  textDocument: { uri: string };
}

export interface AnalysisSection {
  id: string;
  title: string;
  range: WireRange;
}

export interface AnalysisTimelineEntry {
  range: WireRange;
  text: string;
  timeText: string;
  /** ISO-8601: an instant (with Z) when date and zone are known; a local date-time when the zone is not; null without a year. */
  time: string | null;
  offsetMinutes: number | null;
  zone: string | null;
  zoneSource: string;
  dateSource: string;
}

export interface AnalysisIncident {
  start: string | null;
  end: string | null;
  /** Clock times as written, for documents without a date ("14:00 UTC"). */
  startText: string | null;
  endText: string | null;
  durationMinutes: number | null;
  durationSource: 'summary' | 'timeline' | 'mixed' | null;
  statedDurationMinutes: number | null;
}

export interface AnalysisResult {
  isPostmortem: boolean;
  profile: string;
  sections: AnalysisSection[];
  timeline: AnalysisTimelineEntry[];
  incident: AnalysisIncident;
}

/** `postmortem/analysis`: params AnalysisParams, result AnalysisResult. Plain method names, so that the
 * client's and the server's copies of the protocol library need not be the same version. */
export const ANALYSIS_METHOD = 'postmortem/analysis';
