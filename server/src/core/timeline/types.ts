// What the timeline reader gives the model, and what it is told about the document around the timeline.
import type { CalendarDate, DateOrder, Stamp, UnreadableTime } from '../time/timestamp';
import type { Zone } from '../time/zones';

export type ZoneSource = 'entry' | 'timeline-heading' | 'timeline-note' | 'date-line' | 'previous-entry' | 'summary' | 'document' | 'config' | 'none';
export type DateSource = 'entry' | 'date-line' | 'previous-entry' | 'timeline-heading' | 'summary' | 'document' | 'rollover' | 'slip' | 'none';
export type EntryKind = 'list-item' | 'table-row' | 'heading' | 'line';

export interface TimelineEntry {
  kind: EntryKind;
  /** First and last line of the entry with its nested content (inclusive). */
  line: number;
  lastLine: number;
  /** Document offsets of the written time. */
  timeStart: number;
  timeEnd: number;
  timeText: string;
  /** The entry's words after the time, plain. */
  text: string;
  stamp: Stamp | null;
  unreadable: UnreadableTime | null;
  zone: Zone | null;
  zoneSource: ZoneSource;
  date: CalendarDate | null;
  dateSource: DateSource;
  /** Minutes on the document's time axis (UTC when zones are known), or null when unreadable. */
  axis: number | null;
  /** Days added because the time went back past midnight. */
  rolledOver: boolean;
  /** "12:15 AM" read as 12:15 PM (or "12:20 PM" as the next day's 12:20 AM): twelve o'clock's half written the other way. */
  twelveSlip?: boolean;
  /** The date as written, when it was a slip read as the day of the entry above (dateSource 'slip'). */
  writtenDate?: CalendarDate;
}

export interface TimelineContext {
  headingText: string;
  summaryZone: Zone | null;
  summaryDate: CalendarDate | null;
  /** The latest full date the summary writes ("On 29 april 2022 - 30 April 2022"): how far the incident runs. */
  summaryLastDate?: CalendarDate | null;
  documentZone: Zone | null;
  documentDate: CalendarDate | null;
  configZone: Zone | null;
  defaultYear: number | null;
  /** How numeric dates are read (see DateOrder). */
  dateOrder: DateOrder;
}
