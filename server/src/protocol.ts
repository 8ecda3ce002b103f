// Every wire format between the client and the server, typed once: custom requests, diagnostic
// codes and the `data` each diagnostic carries for its quick fixes.
export const DIAGNOSTIC_SOURCE = 'postmortem';

/** The code action kind of fix-all, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.postmortem';

/**
 * Diagnostic codes and the `data` each diagnostic carries for its quick fixes: each rule types its own
 * (server/src/rules/<rule>.ts), and the index makes these unions of them.
 */
export type { DiagnosticCode, DiagnosticData } from './rules/index';
import type { ReportedSeverity } from './rules/rule';

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

/**
 * The incident's window. `start`/`end` are ISO-8601, null only when there is no such point: with a year
 * and a zone an instant in UTC (`2024-03-14T14:05:00Z`); with a year and no zone the local date-time
 * (`2024-03-14T14:05:00`); without a year what is known, local to the zone written: the date-time
 * without the year (`--03-14T14:05`) or, with no date at all, the time (`T14:05`). `startZone`/`endZone`
 * name that zone as written ("PST", "GMT+1"), or null.
 */
export interface AnalysisIncident {
  start: string | null;
  end: string | null;
  startZone: string | null;
  endZone: string | null;
  /** Clock times as written, for documents without a date ("14:00 UTC"). */
  startText: string | null;
  endText: string | null;
  durationMinutes: number | null;
  /** Where start and end were read; 'front-matter' when the front matter's `started` and `resolved` gave both. */
  durationSource: 'summary' | 'timeline' | 'front-matter' | 'mixed' | null;
  statedDurationMinutes: number | null;
  /** The computed duration written compactly ("2h 15m"), for the status bar; null without one. */
  durationText: string | null;
}

/** Where the profile in use came from: the front matter, the settings, the document's own sections (`auto`), or the default. */
export type ProfileSourceName = 'front-matter' | 'settings' | 'document' | 'default';

/** Why the profile is in use, as the hover, the status bar and the preview's card say it. */
export const PROFILE_SOURCE_WORDS: Readonly<Record<ProfileSourceName, string>> = {
  'front-matter': 'named in the front matter',
  settings: 'named in the settings',
  document: "chosen by the document's own sections",
  default: 'the default: the document names no sections that tell',
};

export interface AnalysisResult {
  isPostmortem: boolean;
  profile: string;
  profileSource: ProfileSourceName;
  sections: AnalysisSection[];
  timeline: AnalysisTimelineEntry[];
  incident: AnalysisIncident;
}

/** `postmortem/analysis`: params AnalysisParams, result AnalysisResult. Plain method names, so that the
 * client's and the server's copies of the protocol library need not be the same version. */
export const ANALYSIS_METHOD = 'postmortem/analysis';

// The preview (`postmortem/render`): the document rendered to sanitized HTML, the analysis, the
// incident card and the timeline as the preview draws them. Every number is the server's.

export interface RenderParams {
  textDocument: { uri: string };
}

export type MilestoneKind = 'detected' | 'escalated' | 'root-cause-identified' | 'mitigated' | 'resolved';

/** Where a fact of the incident card comes from: the line (0-based) and the words as written. */
export interface FactSource {
  from: 'summary' | 'timeline' | 'section' | 'front-matter';
  line: number;
  text: string;
}

export interface CardPoint {
  /** ISO-8601 as in AnalysisIncident (instant with Z, local time, or null without a year). */
  iso: string | null;
  /** The local clock with its zone ("14:00 UTC"). */
  clock: string;
  zone: string | null;
  source: FactSource | null;
}

export interface CardMilestone {
  kind: MilestoneKind;
  entryIndex: number;
  line: number;
  /** The words that marked it ("Alert", "resolved"). */
  word: string;
  timeText: string;
  /** Minutes from the incident's start, and the same written compactly; null when either time is unknown. */
  minutesFromStart: number | null;
  durationText: string | null;
}

/** A response time on the card: a lifecycle figure, written compactly ("2h 15m"). */
export interface CardMetric extends MetricFigure {
  durationText: string;
  /** `early` written the same way ("15m"), when set. */
  earlyText?: string;
}

export interface IncidentCard {
  title: string | null;
  start: CardPoint | null;
  end: CardPoint | null;
  /** Computed from start and end: where both come from ('summary', 'timeline', 'front-matter' or 'mixed'). */
  computed: { minutes: number; text: string; source: 'summary' | 'timeline' | 'front-matter' | 'mixed' } | null;
  /** `approximate`: written as "~2hrs", "about 3 hours"; checked with a wider tolerance. */
  stated: { minutes: number; text: string; bound: 'exact' | 'at-most' | 'at-least'; approximate: boolean; source: FactSource } | null;
  /** True when stated and computed disagree beyond `postmortem.durationTolerance` (the duration-mismatch rule). */
  mismatch: boolean;
  toleranceMinutes: number;
  impact: FactSource | null;
  rootCause: FactSource | null;
  milestones: CardMilestone[];
  /** The lifecycle's figures (features/lifecycle.ts, as the incident index has them), with the moments they measure between. */
  timeToDetect: CardMetric | null;
  timeToMitigate: CardMetric | null;
  timeToResolve: CardMetric | null;
  /** The action items, and their counts as the card's summary line says them ("5 items: 2 open, 1 overdue"). */
  actions: { items: WireActionItem[]; open: number; overdue: number; summary: string } | null;
}

export interface PreviewTimelineEntry {
  entryIndex: number;
  /** First and last line (0-based) of the entry. */
  line: number;
  lastLine: number;
  timeText: string;
  text: string;
  /** Minutes after the earliest timed entry (the timeline's own origin); null when unreadable. */
  minutes: number | null;
  /** The local clock ("23:50") and the local day counted from the first timed entry's (0, 1 …). */
  clock: string | null;
  day: number | null;
  /** Earlier than the timed entry before it (the timeline-out-of-order rule). */
  outOfOrder: boolean;
  milestone: MilestoneKind | null;
  /** `minutes` written as an offset ("+1h 5m"). */
  offsetText: string | null;
}

/** What the timeline drawing marks besides its entries, in the entries' `minutes`. */
export interface PreviewTimelineMarks {
  spanMinutes: number;
  spanText: string;
  /** Local midnights between entries (in the first timed entry's zone), and the day that begins. */
  midnights: Array<{ minutes: number; day: number }>;
  /** Long quiet stretches between consecutive entries in time. */
  gaps: Array<{ fromMinutes: number; toMinutes: number; text: string }>;
}

/** A review question's answer, read from the document alone: met, not met, or cannot tell. */
export type ChecklistMark = 'met' | 'not-met' | 'unknown';
export type ChecklistQuestionId = 'summary' | 'impact' | 'timeline' | 'root-cause' | 'action-items' | 'blameless';

export interface ChecklistItem {
  id: ChecklistQuestionId;
  /** The question as a reviewer asks it ("Is the impact quantified?"). */
  question: string;
  mark: ChecklistMark;
  /** Why it is marked so, in a sentence ("No owner on 2 of 5 action items."). */
  detail: string;
  /** The lines that decide it, 1-based as a person reads them (the preview reveals them on click). */
  lines: number[];
}

/** The review checklist (SRE book style), computed from the model: nothing is sent anywhere. */
export interface ReviewChecklist {
  items: ChecklistItem[];
}

export interface RenderResult {
  uri: string;
  /** The document version rendered, so that a client can drop answers older than what it shows. */
  version: number;
  isPostmortem: boolean;
  /** The document as sanitized HTML; block elements carry `data-line` (0-based source line). */
  html: string;
  card: IncidentCard;
  timeline: PreviewTimelineEntry[];
  /** Null when fewer than two entries have a time. */
  marks: PreviewTimelineMarks | null;
  analysis: AnalysisResult;
  checklist: ReviewChecklist;
}

/** `postmortem/render`: params RenderParams, result RenderResult (null for a document the server does not have). */
export const RENDER_METHOD = 'postmortem/render';

export interface WireTextEdit {
  range: WireRange;
  newText: string;
}

/** `postmortem/sortTimeline`: the edits that put the timeline in time order (empty when it is). */
export const SORT_TIMELINE_METHOD = 'postmortem/sortTimeline';
export type SortTimelineParams = AnalysisParams;
export type SortTimelineResult = WireTextEdit[];

/** `postmortem/newTimelineEntry`: an entry stamped `now` (ISO-8601), in the document's format, after the last entry. */
export const NEW_TIMELINE_ENTRY_METHOD = 'postmortem/newTimelineEntry';
export interface NewTimelineEntryParams extends AnalysisParams {
  now: string;
}
export type NewTimelineEntryResult = { edit: WireTextEdit; cursor: { line: number; character: number } } | null;

/** `postmortem/template`: a new postmortem for a profile. */
export const TEMPLATE_METHOD = 'postmortem/template';
export interface TemplateParams {
  profile: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
}
export type TemplateResult = string;

/** `postmortem/profiles`: the built-in profiles a user can choose, for pickers (no params). */
export const PROFILES_METHOD = 'postmortem/profiles';
export interface ProfileChoice {
  name: string;
  /** One line: the sections it asks for. */
  description: string;
}
export type ProfilesResult = ProfileChoice[];


/**
 * The server's one command (`workspace/executeCommand`), run by the action items' code lenses: give the
 * item at `line` an owner or due placeholder (the quick fix's edit), applied by the server with
 * `workspace/applyEdit`. `version` is the document's when the lens was made: a stale lens does nothing.
 */
export const FILL_ACTION_ITEM_COMMAND = 'postmortem.server.fillActionItem';
export interface FillActionItemArgs {
  uri: string;
  version: number;
  line: number;
  slot: 'owner' | 'due';
}

/**
 * Every custom request, its method paired with its params and result: the client sends and the server
 * answers through this map (client/src/requests.ts, server/src/customRequests.ts), so neither side can
 * name a method with the other's types.
 */
export interface CustomRequests {
  [ANALYSIS_METHOD]: { params: AnalysisParams; result: AnalysisResult };
  [RENDER_METHOD]: { params: RenderParams; result: RenderResult | null };
  [SORT_TIMELINE_METHOD]: { params: SortTimelineParams; result: SortTimelineResult };
  [NEW_TIMELINE_ENTRY_METHOD]: { params: NewTimelineEntryParams; result: NewTimelineEntryResult };
  [TEMPLATE_METHOD]: { params: TemplateParams; result: TemplateResult };
  [PROFILES_METHOD]: { params: null; result: ProfilesResult };
  [INDEX_METHOD]: { params: IndexParams; result: IndexResult };
  [INDEX_DETAILS_METHOD]: { params: IndexParams; result: IndexDetailsResult };
  [INDEX_STATS_METHOD]: { params: IndexFolderParams; result: IncidentStats };
}
export type CustomRequestMethod = keyof CustomRequests;
export type RequestParams<M extends CustomRequestMethod> = CustomRequests[M]['params'];
export type RequestResult<M extends CustomRequestMethod> = CustomRequests[M]['result'];

// postmortem-lint's JSON output (`--format json`): an array of FileReport, one a postmortem.

/** A finding as the CLI reports it: 1-based lines and columns (columns in UTF-16 code units, as LSP counts). */
export interface ReportRow {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: ReportedSeverity;
  code: string;
  message: string;
}

export interface FileReport {
  /** Relative to the working directory. */
  file: string;
  diagnostics: ReportRow[];
  /** In JSON reports only (text reports do not show it). */
  incident?: AnalysisIncident;
  /** In JSON reports only: the review checklist. */
  checklist?: ReviewChecklist;
  /** In JSON reports only: the profile the file was checked against, and why. */
  profile?: { name: string; source: ProfileSourceName };
  /** In JSON reports and for --actions: the front matter's facts (null: none). */
  frontMatter?: WireFrontMatter | null;
  actionItems?: WireActionItem[];
}

/** The front matter's facts (the keys the schema knows; other keys are listed by name). */
export interface WireFrontMatter {
  keys: string[];
  title: string | null;
  date: string | null;
  severity: string | null;
  status: string | null;
  authors: string[];
  owner: string | null;
  services: string[];
  tags: string[];
  incidentId: string | null;
  /** Explicit lifecycle times (started, detected, acknowledged, mitigated, resolved) as written. */
  lifecycle: Partial<Record<LifecycleMoment, string>>;
  /** YAML or TOML syntax errors: the front matter could not be read in full. */
  malformed: boolean;
}

/** An action item: 0-based lines; fields as written, the due date as YYYY-MM-DD (MM-DD without a year). */
export interface WireActionItem {
  /** 'html': an `<li>` of an HTML list; 'line': a plain line of its own under "Tasks:". */
  kind: 'table' | 'task' | 'bullet' | 'html' | 'line';
  text: string;
  line: number;
  lastLine: number;
  /** The title of the section holding it, if any. */
  section: string | null;
  owner: string | null;
  due: string | null;
  ticket: string | null;
  type: string | null;
  status: string | null;
  done: boolean;
  /** Open with its due date passed ("today" is the server's or the CLI's clock). */
  overdue: boolean;
}

// The incident index (`postmortem/index`): every postmortem in the workspace folders, its lifecycle
// figures and its problem counts, for the Incidents and Action Items views, the dashboard, the CLI's
// `report` subcommand and `workspace/symbol`.

/** The moments of an incident's life, in the order they happen. */
export type LifecycleMoment = 'started' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved';

/**
 * Where a moment was read: the front matter's explicit time, an explicit timeline marker
 * (`OUTAGE BEGINS`, `[detected]`), the words of a timeline entry ("alerted", "rolled back"), a
 * sentence elsewhere that states the moment with its time ("first noticed at 12:10 pm"), the summary's window, or the timeline's first or last entry.
 */
export type MomentSource = 'front-matter' | 'marker' | 'words' | 'prose' | 'summary' | 'timeline';

export interface LifecyclePoint {
  moment: LifecycleMoment;
  /** ISO-8601 as in AnalysisIncident (instant with Z, local time, or null without a year). */
  iso: string | null;
  source: MomentSource;
  /** 0-based line it was read from; null when it has none. */
  line: number | null;
  /** The words as written ("OUTAGE BEGINS", "detected: 2024-03-14T14:05Z"). */
  text: string;
}

/** The figures the index and the dashboard show; which moments each uses is the `postmortem.metrics` setting. */
export type MetricName = 'timeToDetect' | 'timeToAcknowledge' | 'timeToMitigate' | 'timeToResolve';

export interface MetricFigure {
  minutes: number;
  /** The two moments it measures between and where each was read: every figure says which it used. */
  from: LifecyclePoint;
  to: LifecyclePoint;
  /**
   * Set when the first sign came before the start the document gives (an alert at 10:45 for an outage
   * "from 11:00"): how many minutes before. `minutes` is then 0: it was known from the start.
   */
  early?: number;
}

/**
 * A figure of the index: its minutes and the two moments it measures between, each found in the
 * entry's `lifecycle` with where it was read (named, not copied: an index holds thousands of entries).
 */
export interface IndexMetric {
  minutes: number;
  from: LifecycleMoment;
  to: LifecycleMoment;
  /** As MetricFigure's: minutes the sign came before the start, when it did. */
  early?: number;
}

/**
 * An action item as the index holds it: what the Action Items view, the dashboard and the report
 * show (the editor's WireActionItem has more: its kind, last line, section and type).
 */
export type IndexActionItem = Pick<WireActionItem, 'text' | 'line' | 'owner' | 'due' | 'ticket' | 'status' | 'done' | 'overdue'>;

export type IndexDurationSource = 'window' | 'stated';

export interface IncidentIndexEntry {
  uri: string;
  /** Relative to its workspace folder (or to the working directory, in the CLI). */
  path: string;
  title: string | null;
  /** The incident's date as YYYY-MM-DD (front matter's `date`, else the start's), or null. */
  date: string | null;
  severity: string | null;
  status: string | null;
  start: string | null;
  end: string | null;
  durationMinutes: number | null;
  /**
   * Where `durationMinutes` comes from: 'window', from `start` to `end`; 'stated', the length the
   * document states, when it gives no window, or when its window opens on a lead-up (the change merged
   * days before the outage) and so spans more than the outage, which the stated length is shorter than.
   */
  durationFrom: IndexDurationSource | null;
  lifecycle: LifecyclePoint[];
  metrics: Partial<Record<MetricName, IndexMetric>>;
  actionItems: IndexActionItem[];
  openItems: number;
  overdueItems: number;
  problems: { errors: number; warnings: number; information: number };
  /** The file's modification time (ms) when it was read: a persisted index re-reads only what changed. */
  mtime: number;
}

/** Which folder's incidents (`postmortem/indexStats` asks no more than this). */
export interface IndexFolderParams {
  /** A workspace folder's URI; absent: every folder. */
  folder?: string;
}

/**
 * The index's version: `"<instance>:<n>"`, the server process's random instance id and a counter bumped
 * by each change to what the index holds. Opaque to clients: they only send back one they were given.
 * The instance makes a version from a restarted server (or another one) unknown, never a wrong base.
 */
export type IndexVersion = string;

export interface IndexParams extends IndexFolderParams {
  /**
   * A `version` from an earlier answer: answer only what changed since. Absent, unknown (another
   * instance, from the future, older than the server tracks, not a string): the whole index.
   */
  since?: IndexVersion;
}

/**
 * What `postmortem/index` lists of a postmortem: its entry without the lifecycle's moments and the
 * action items (their counts and the metrics stay), which `postmortem/indexDetails` gives. Most of an
 * entry's bytes are those two: a reopened workspace's views list every incident without them.
 */
export type IncidentIndexRow = Omit<IncidentIndexEntry, 'lifecycle' | 'actionItems'>;

/** What `postmortem/indexDetails` gives of a postmortem: where each moment was read, and its action items. */
export type IncidentIndexDetails = Pick<IncidentIndexEntry, 'uri' | 'lifecycle' | 'actionItems'>;

/**
 * Empty params get the whole index. With `since`, a delta when the server can answer one: apply
 * `removed`, then put each entry by its `uri`; with `complete`, replace everything. Sort the copy with
 * shared/newestFirst.ts. `postmortem/index` and `postmortem/indexDetails` answer alike, each from the
 * same versions: a client keeps one copy of each, joined by URI.
 */
export interface IndexDelta<T> {
  /** Complete: the whole index, newest first. Otherwise: the entries added or changed after `since`. */
  entries: T[];
  /** URIs gone from the index after `since` (deleted, renamed away, no longer postmortems); empty when complete. */
  removed: string[];
  /** True when `entries` is the whole index (no `since`, or one the server could not answer incrementally). */
  complete: boolean;
  /** The index's version as of this answer: the next request's `since`. */
  version: IndexVersion;
  /** True while the first scan is still running (the entries are the ones read so far). */
  scanning: boolean;
}

export type IndexResult = IndexDelta<IncidentIndexRow>;
export type IndexDetailsResult = IndexDelta<IncidentIndexDetails>;

export const INDEX_METHOD = 'postmortem/index';
export const INDEX_DETAILS_METHOD = 'postmortem/indexDetails';
/** Server → client notification, no params: the index changed; views ask again (with `since`). */
export const INDEX_CHANGED_NOTIFICATION = 'postmortem/indexChanged';

/**
 * The client's `initializationOptions` beyond settings: `indexStoragePath` is a folder the server may
 * write the persisted index to (VS Code's workspace storage); without it the index lives in memory only.
 */
export interface ServerInitializationOptions {
  indexStoragePath?: string;
}

// The figures across incidents (`postmortem/indexStats`), for the dashboard and the CLI's `report`:
// computed once by the server (service/incidentStats.ts), drawn by the client.

/** Median and worst of a figure over a set of incidents; null when none of them has it. */
export interface Spread {
  median: number | null;
  worst: number | null;
  /** How many incidents had the figure. */
  count: number;
}

export interface MonthFigures {
  /** YYYY-MM. */
  month: string;
  incidents: number;
  durationMinutes: Spread;
  timeToDetect: Spread;
  timeToResolve: Spread;
}

export interface OwnerItems {
  /** null: items with no owner. */
  owner: string | null;
  open: number;
  overdue: number;
}

export interface IncidentStats {
  /** Oldest first, every month from the first incident's to the last's (quiet ones with 0); incidents without a date are counted in `undated`. */
  months: MonthFigures[];
  undated: number;
  severities: Array<{ severity: string | null; count: number }>;
  /** The longest incidents, longest first (at most 10). */
  longest: Array<{ uri: string; path: string; title: string | null; durationMinutes: number; durationFrom: IndexDurationSource | null }>;
  /** Owners with open items, most overdue first. */
  owners: OwnerItems[];
  totals: { incidents: number; openItems: number; overdueItems: number };
}

export const INDEX_STATS_METHOD = 'postmortem/indexStats';
