// What a rule is: one diagnostic code with its default severity, a one-line description, a check that
// reads the model, and the fixes for what it finds. Rules know nothing of LSP diagnostics: a check
// returns problems as offsets into the text; the engine (./index.ts) names their code and severity, and
// features/diagnostics.ts turns findings into LSP diagnostics at the edge.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Settings, SeverityName } from '../core/config';
import type { PostmortemModel } from '../core/model';

/** A severity a finding can have: every name but 'off' (an 'off' rule is not run). */
export type ReportedSeverity = Exclude<SeverityName, 'off'>;

/** The payload every diagnostic carries for its fixes, tagged with its code. */
export interface RuleData<Code extends string = string> {
  code: Code;
}

/** What a check hands back: where the problem is (offsets into the text), what to say, what a fix needs. */
export interface Problem<Data extends RuleData> {
  start: number;
  end: number;
  message: string;
  data: Data;
}

/** A problem as reported: with its rule's code and the severity the settings give it. */
export interface Finding<Data extends RuleData = RuleData> extends Problem<Data> {
  code: Data['code'];
  severity: ReportedSeverity;
}

export interface RuleContext {
  model: PostmortemModel;
  settings: Settings;
  /** The document's title line, where whole-document problems sit. */
  titleLine: number;
  /** "Today", for due dates: the document service's clock, the CLI's run. */
  now: Date;
  /** A line's text without its indentation, as offsets. */
  lineSpan(line: number): [start: number, end: number];
}

/** How fix-all applies a fix: one problem at a time, the document re-analysed in between. */
export interface FixAllPolicy<Data> {
  /** What the fix is for ("section-missing summary"); a fix whose problem stays is not tried again. */
  key(data: Data): string;
  /** Whether the problem is gone from the re-analysed document (default: no finding with the same key). */
  solved?(model: PostmortemModel): boolean;
  /**
   * Changes what the timeline reads (entries put on lines of their own, or in another order): applied
   * before the fixes that copy from it, so that a summary fact filled in comes from the timeline as it
   * will be read.
   */
  first?: boolean;
}

export interface Fix<Data> {
  title(data: Data): string;
  /** Shown first (the editor's preferred fix); default true. */
  preferred?(data: Data): boolean;
  /**
   * Whether fix-all may apply this fix on its own: only fixes that add what is missing, reorder, or
   * break a line without changing a word. A fix that asserts a fact (a zone, a duration) is left to
   * the writer: false.
   */
  fixAll: FixAllPolicy<Data> | false;
  /**
   * The edits; none when the fix does not apply to the document as it is now. Found from `data`, never
   * from the diagnostic's range: some clients (Neovim) send ranges back in bytes, not UTF-16.
   */
  edits(model: PostmortemModel, data: Data): TextEdit[];
}

export interface Rule<Data extends RuleData = RuleData> {
  code: Data['code'];
  defaultSeverity: SeverityName;
  /** One line: reported when … (the README's table says the same, at more length). */
  description: string;
  /** Where the README explains the rule at length (diagnostics link to it); optional. */
  documentation?: string;
  check(context: RuleContext): Array<Problem<Data>>;
  fixes: ReadonlyArray<Fix<Data>>;
}

/** A rule, typed by its data (whose `code` names the rule); `defineRule` only checks the shape. */
export function defineRule<Data extends RuleData>(rule: Rule<Data>): Rule<Data> {
  return rule;
}

/** Edits that may be null (a fix builder that found nothing to do) as a list. */
export function editsOf(...edits: Array<TextEdit | null>): TextEdit[] {
  return edits.filter((edit): edit is TextEdit => edit !== null);
}
