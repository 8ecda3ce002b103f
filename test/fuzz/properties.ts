// The properties every document must keep, whatever it holds: the core never throws; every range
// lies inside the document and on UTF-16 boundaries; every code action's edits apply cleanly and do
// not overlap; no fix deletes the writer's text; fix-all is idempotent; the incremental model equals
// the full one. Each check throws an AssertionError that says what broke, for fast-check to shrink.
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentSymbol, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { analyzeDocument } from '../../server/src/core/analyze';
import { AnalysisCache } from '../../server/src/core/incremental';
import type { Settings } from '../../server/src/core/config';
import type { PostmortemModel } from '../../server/src/core/model';
import { markerLines } from '../../server/src/core/conflictMarkers';
import { LineIndex } from '../../server/src/core/text';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { codeActions } from '../../server/src/features/codeActions';
import { applyEdits } from '../../server/src/features/fixAll';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/foldingRanges';
import { inlayHints } from '../../server/src/features/inlayHints';
import { incidentLifecycle } from '../../server/src/features/lifecycle';
import { actionItemLenses } from '../../server/src/features/actionItemLenses';
import { hover } from '../../server/src/features/hover';
import { analysisResult } from '../../server/src/features/analysis';
import { listGroup, listToTableEdit, markDoneEdits, placeholderEdits } from '../../server/src/rules/fixes/actionItemEdits';
import { FIX_ALL_KIND, type DiagnosticData } from '../../server/src/protocol';

export const URI = 'file:///fuzz/doc-postmortem.md';

/** Counts shared by every property, printed at the end: cases run, inputs (texts) analysed, failures. */
export const counts = { cases: 0, inputs: 0, failures: 0 };

export function analyzeCounted(text: string, settings: Settings, cache?: AnalysisCache): PostmortemModel {
  counts.inputs++;
  return analyzeDocument(text, settings, null, true, cache);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The position is on an existing line, within its text, and not between the halves of a surrogate pair. */
export function checkPosition(index: LineIndex, position: Position, what: string): void {
  assert.ok(Number.isInteger(position.line) && Number.isInteger(position.character), `${what}: non-integer position ${JSON.stringify(position)}`);
  assert.ok(position.line >= 0 && position.line < index.lineCount, `${what}: line ${position.line} outside 0..${index.lineCount - 1}`);
  const line = index.lines[position.line];
  assert.ok(position.character >= 0 && position.character <= line.end - line.start, `${what}: character ${position.character} outside line ${position.line} (length ${line.end - line.start})`);
  const at = line.start + position.character;
  if (position.character > 0 && at < line.end) {
    assert.ok(!(isLowSurrogate(index.text.charCodeAt(at)) && isHighSurrogate(index.text.charCodeAt(at - 1))), `${what}: position ${JSON.stringify(position)} splits a surrogate pair`);
  }
}

export function checkRange(index: LineIndex, range: Range, what: string): void {
  checkPosition(index, range.start, `${what} start`);
  checkPosition(index, range.end, `${what} end`);
  assert.ok(index.offsetAt(range.start) <= index.offsetAt(range.end), `${what}: range ends before it starts ${JSON.stringify(range)}`);
}

function checkSymbols(index: LineIndex, symbols: DocumentSymbol[], path = 'symbol'): void {
  for (const symbol of symbols) {
    checkRange(index, symbol.range, `${path} "${symbol.name}" range`);
    checkRange(index, symbol.selectionRange, `${path} "${symbol.name}" selectionRange`);
    checkSymbols(index, symbol.children ?? [], `${path} > ${symbol.name}`);
  }
}

/** Whether `small` is a subsequence of `big`: every character kept, in order. */
export function isSubsequence(small: string, big: string): boolean {
  let i = 0;
  for (let j = 0; j < big.length && i < small.length; j++) if (big.charCodeAt(j) === small.charCodeAt(i)) i++;
  return i === small.length;
}

const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

/** Whether every line of `small` appears in `big`, as many times (a sub-multiset). */
function linesKept(small: string, big: string, elsewhere: (line: string) => boolean = () => false): string | null {
  const available = new Map<string, number>();
  for (const line of linesOf(big)) available.set(line, (available.get(line) ?? 0) + 1);
  for (const line of linesOf(small)) {
    const left = available.get(line) ?? 0;
    if (left === 0 && elsewhere(line)) continue;
    if (left === 0) return line;
    available.set(line, left - 1);
  }
  return null;
}

/** Whether `line`, an empty label ("Impact:", "- **Duration:** "), is in `text` with its value filled in after it. */
function filledIn(text: string): (line: string) => boolean {
  const lines = linesOf(text);
  return (line) => /:\s*(?:\*\*|__)?\s*$/.test(line) && lines.some((candidate) => candidate.length > line.length && candidate.startsWith(line));
}

/**
 * Whether `line` is in `text` split in lines of its own (a timeline-entries-run-on fix): lines that,
 * with a list marker a part taken off, hold it from its start to its end, in pieces between its spaces.
 * Anywhere in the text: the timeline sort may have moved them apart since.
 */
function splitIn(text: string): (line: string) => boolean {
  const lines = linesOf(text).filter((candidate) => candidate.trim() !== '');
  const unmarked = (candidate: string) => candidate.replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/, '');
  return (line) => {
    const used = new Set<number>();
    let rest = line;
    let parts = 0;
    while (rest !== '') {
      let best = -1;
      let bestBody = '';
      lines.forEach((candidate, i) => {
        if (used.has(i) || candidate === line) return;
        for (const body of parts === 0 ? [candidate] : [candidate.trimStart(), unmarked(candidate)]) {
          if (body.trim() !== '' && body.length > bestBody.length && rest.startsWith(body)) {
            best = i;
            bestBody = body;
          }
        }
      });
      if (best < 0) return false;
      used.add(best);
      parts++;
      rest = rest.slice(bestBody.length).replace(/^[ \t]+/, '');
    }
    return parts >= 2;
  };
}

/** The edits are inside the document and none overlaps another (two insertions at one point count as overlapping: their order is undefined). */
export function checkEdits(index: LineIndex, edits: TextEdit[], what: string): void {
  edits.forEach((edit, i) => checkRange(index, edit.range, `${what} edit ${i}`));
  const spans = edits.map((edit) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end) })).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    const previous = spans[i - 1];
    const next = spans[i];
    assert.ok(next.start >= previous.end && !(next.start === previous.start && previous.start === previous.end), `${what}: edits overlap at offsets ${previous.start}-${previous.end} and ${next.start}-${next.end}`);
  }
}

function editsOf(action: CodeAction): TextEdit[] {
  const changes = action.edit?.changes ?? {};
  assert.deepEqual(Object.keys(changes), [URI], `"${action.title}" edits another document`);
  return changes[URI];
}

const MERIDIEM_CLOCK = /^\d{1,2}(?:\s?[:.]\s?\d{2}(?::\d{2})?|:)\s?[ap]\.?\s?m\.?$/i;

/** A quick fix keeps every character the writer wrote, except what it is meant to rewrite. */
function checkNoLoss(text: string, fixed: string, diagnostic: Diagnostic, edits: TextEdit[], index: LineIndex, model: PostmortemModel, where: string): void {
  const data = diagnostic.data as DiagnosticData;
  if (data.code === 'timeline-out-of-order' && data.twelve) {
    // AM and PM turned: each edit one meridiem letter, for the other half of the day's.
    for (const edit of edits) {
      const replaced = text.slice(index.offsetAt(edit.range.start), index.offsetAt(edit.range.end));
      assert.ok(/^[AaPp]$/.test(replaced) && /^[AaPp]$/.test(edit.newText) && replaced.toLowerCase() !== edit.newText.toLowerCase(), `${where}: rewrote ${JSON.stringify(replaced)} as ${JSON.stringify(edit.newText)}`);
    }
    return;
  }
  if (data.code === 'timeline-out-of-order') {
    // The sort: each edit's new text is a permutation of whole entries of the text it replaces.
    for (const edit of edits) {
      const start = index.offsetAt(edit.range.start);
      const end = index.offsetAt(edit.range.end);
      const replaced = text.slice(start, end);
      assert.deepEqual(linesOf(edit.newText).sort(), linesOf(replaced).sort(), `${where}: the sort changed lines, not only their order`);
      for (const entry of model.timeline) {
        const entryStart = index.lines[entry.line].start;
        const entryEnd = index.lines[entry.lastLine].end;
        if (entryStart >= start && entryEnd <= end) assert.ok(edit.newText.includes(text.slice(entryStart, entryEnd)), `${where}: the entry at line ${entry.line + 1} was split`);
      }
    }
    return;
  }
  if (data.code === 'duration-mismatch' || data.code === 'timeline-unparsed-time') {
    // These rewrite one written value (the stated duration, "13:20PM"), and nothing else.
    assert.equal(edits.length, 1, `${where}: one edit`);
    const start = index.offsetAt(edits[0].range.start);
    const end = index.offsetAt(edits[0].range.end);
    const replaced = text.slice(start, end);
    if (data.code === 'duration-mismatch') assert.equal(replaced, data.statedText, `${where}: rewrote something other than the stated duration`);
    else assert.match(replaced, MERIDIEM_CLOCK, `${where}: rewrote something other than the clock`);
    assert.ok(isSubsequence(text.slice(0, start) + text.slice(end), fixed), `${where} deleted text besides the value it rewrites`);
    return;
  }
  if (data.code === 'action-item-overdue' || data.code === 'frontmatter-invalid') {
    // "Mark done" and a value's right spelling rewrite one short value (a box, a status cell, "sev1"), nothing else.
    for (const edit of edits) {
      const replaced = text.slice(index.offsetAt(edit.range.start), index.offsetAt(edit.range.end));
      assert.ok(replaced.length <= 40 && !/[\r\n]/.test(replaced), `${where} rewrote more than a value: ${JSON.stringify(replaced)}`);
    }
    return;
  }
  if (data.code === 'merge-conflict') {
    // Keeping a side removes whole lines of the conflict block (its markers, the other side), nothing else.
    const blockStart = data.openLine > 0 ? index.lines[data.openLine - 1].end : 0;
    const blockEnd = index.lines[data.closeLine + 1]?.start ?? text.length;
    for (const edit of edits) {
      assert.equal(edit.newText, '', `${where} wrote text`);
      assert.ok(index.offsetAt(edit.range.start) >= blockStart && index.offsetAt(edit.range.end) <= blockEnd, `${where} removed text outside the conflict`);
    }
    return;
  }
  if (data.code === 'timeline-entries-run-on') {
    // Line breaks for the spaces between entries, and a list marker where an entry had none: nothing else.
    for (const edit of edits) assert.match(text.slice(index.offsetAt(edit.range.start), index.offsetAt(edit.range.end)), /^[ \t]+$/, `${where} replaced more than spaces`);
    assert.ok(isSubsequence(text.replace(/\s/g, ''), fixed.replace(/\s/g, '')), `${where} deleted text`);
    return;
  }
  if (data.code === 'action-item-owner-missing' || data.code === 'action-item-due-missing') {
    // Placeholders only add; the list-to-table rewrite drops list marks and boxes, keeps every other character.
    const kept = (value: string) => value.replace(/^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, '').replace(/[|\\\s]/g, '');
    assert.ok(isSubsequence(kept(text), kept(fixed)), `${where} deleted text`);
    return;
  }
  assert.ok(isSubsequence(text, fixed), `${where} deleted text`);
}

/** Action items and front matter: ranges inside the text and the item; their fixes keep every character and are idempotent. */
export function checkActionItems(model: PostmortemModel, settings: Settings, withFixes: boolean): void {
  const { index } = model.lines;
  const text = index.text;
  const inside = (start: number, end: number, what: string) => assert.ok(start >= 0 && start <= end && end <= text.length, `${what}: ${start}-${end} of ${text.length}`);
  if (model.frontMatter) {
    inside(model.frontMatter.start, model.frontMatter.end, 'front matter');
    for (const field of model.frontMatter.fields) inside(field.keyStart, field.valueEnd, `front matter ${field.key}`);
    for (const error of model.frontMatter.errors) inside(error.start, error.end, 'front matter error');
  }
  for (const lens of actionItemLenses(model, URI, 1, new Date())) checkRange(index, lens.range, 'action item lens');
  for (const item of model.actionItems) {
    inside(item.start, item.end, 'action item');
    inside(item.words.start, item.words.end, 'action item words');
    assert.ok(item.line <= item.lastLine && item.lastLine < index.lineCount, `action item lines ${item.line}-${item.lastLine}`);
    for (const field of [item.owner, item.due, item.ticket, item.type, item.status, item.checkbox]) {
      if (field) assert.ok(field.start >= index.lines[item.line].start && field.end <= index.lines[item.lastLine].end, `an action item's field ${JSON.stringify(field.text)} lies inside the item`);
    }
  }
  if (!withFixes) return;
  for (const item of model.actionItems.slice(0, 10)) {
    for (const slot of ['owner', 'due'] as const) {
      const edits = placeholderEdits(model, item, slot);
      checkEdits(index, edits, `${slot} placeholder`);
      const fixed = applyEdits(text, edits);
      assert.ok(isSubsequence(text, fixed), `the ${slot} placeholder only adds text`);
      const after = analyzeCounted(fixed, settings);
      const again = after.actionItems.find((other) => other.line === item.line);
      if (again) assert.deepEqual(placeholderEdits(after, again, slot), [], `the ${slot} placeholder is idempotent`);
    }
    const done = markDoneEdits(model, item);
    checkEdits(index, done, 'mark done');
    const table = listToTableEdit(model, listGroup(model, item));
    if (table) {
      checkEdits(index, [table], 'list to table');
      const fixed = applyEdits(text, [table]);
      const words = (value: string) => value.replace(/^[ \t>]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, '').replace(/[|\\\s]/g, '');
      assert.ok(isSubsequence(words(text.slice(index.lines[item.line].start, index.lines[item.lastLine].end)), words(fixed)), 'list to table keeps every character of the items');
    }
  }
}

/** The lifecycle: moments on real lines, in no particular order, and every figure forward in time. */
export function checkLifecycle(model: PostmortemModel, settings: Settings): void {
  const { lifecycle, metrics } = incidentLifecycle(model, settings);
  for (const point of lifecycle) assert.ok(point.line === null || (point.line >= 0 && point.line < model.lines.index.lineCount), `lifecycle ${point.moment} on line ${point.line}`);
  for (const [name, figure] of Object.entries(metrics)) assert.ok(Number.isFinite(figure.minutes) && figure.minutes >= 0, `${name}: ${figure.minutes}`);
}

export interface CheckOptions {
  /** Apply every quick fix and fix-all (costly on big documents). */
  fixes?: boolean;
  /** A previous version of the document: analysing it then this one with one cache must equal a fresh analysis. */
  previous?: string;
}

/**
 * The text the model reads is the document's, but for the lines it reads as blank: a pasted report's
 * fences and Git's conflict markers (diff3's base with them), blanked to spaces so every offset stays.
 */
function checkReadText(model: PostmortemModel, text: string): void {
  const { index } = model.lines;
  assert.equal(index.text.length, text.length, 'the text read keeps every offset');
  const blanked = new Set<number>();
  if (model.pastedReport) {
    blanked.add(model.pastedReport.openLine);
    if (model.pastedReport.closeLine !== null) blanked.add(model.pastedReport.closeLine);
  }
  for (const line of model.conflicts.flatMap(markerLines)) blanked.add(line);
  for (const line of index.lines) {
    const written = text.slice(line.start, line.end);
    if (blanked.has(line.index)) assert.equal(line.text, ' '.repeat(written.length), `line ${line.index + 1} is read blank`);
    else assert.equal(line.text, written, `line ${line.index + 1} is read as written`);
  }
  assert.equal(index.text.replace(/[^\r\n]/g, ''), text.replace(/[^\r\n]/g, ''), 'the same line breaks');
}

/** Every property, on one document. Returns the model. */
export function checkDocument(text: string, settings: Settings, options: CheckOptions = {}): PostmortemModel {
  const model = analyzeCounted(text, settings);
  const index = model.lines.index;
  checkReadText(model, text);
  const diagnostics = computeDiagnostics(model, settings);
  diagnostics.forEach((d) => checkRange(index, d.range, `diagnostic ${d.code}`));
  checkSymbols(index, documentSymbols(model));
  for (const fold of foldingRanges(model)) {
    assert.ok(fold.startLine >= 0 && fold.startLine <= fold.endLine && fold.endLine < index.lineCount, `folding range ${fold.startLine}-${fold.endLine} of ${index.lineCount} lines`);
  }
  const whole = { start: { line: 0, character: 0 }, end: index.positionAt(text.length) };
  for (const hint of inlayHints(model, whole)) checkPosition(index, hint.position, 'inlay hint');
  for (const entry of model.timeline.slice(0, 20)) {
    const found = hover(model, index.positionAt(entry.timeStart));
    if (found?.range) checkRange(index, found.range, 'hover');
  }
  JSON.stringify(analysisResult(model));
  checkLifecycle(model, settings);
  checkActionItems(model, settings, options.fixes === true);

  if (options.previous !== undefined) {
    const cache = new AnalysisCache();
    analyzeCounted(options.previous, settings, cache);
    const incremental = analyzeCounted(text, settings, cache);
    assert.deepEqual(incremental, model, 'the incremental model differs from a full analysis');
  }

  if (options.fixes) {
    for (const diagnostic of diagnostics) {
      for (const action of codeActions(model, URI, [diagnostic], settings, null)) {
        const where = `"${action.title}" for ${diagnostic.code} at line ${diagnostic.range.start.line + 1}`;
        const edits = editsOf(action);
        checkEdits(index, edits, where);
        const fixed = applyEdits(text, edits);
        checkNoLoss(text, fixed, diagnostic, edits, index, model, where);
        const after = analyzeCounted(fixed, settings);
        computeDiagnostics(after, settings);
      }
    }
    const [fixAll, ...more] = codeActions(model, URI, [], settings, null, [FIX_ALL_KIND]);
    assert.equal(more.length, 0, 'one fix-all action');
    if (fixAll) {
      const edits = editsOf(fixAll);
      checkEdits(index, edits, 'fix-all');
      const once = applyEdits(text, edits);
      const split = splitIn(once);
      const filled = filledIn(once);
      const lost = linesKept(text, once, (line) => split(line) || filled(line));
      assert.equal(lost, null, `fix-all lost the line ${JSON.stringify(lost)}`);
      const again = codeActions(analyzeCounted(once, settings), URI, [], settings, null, [FIX_ALL_KIND]);
      assert.deepEqual(again.map((a) => applyEdits(once, editsOf(a))), [], 'fix-all is not idempotent: a second run changes the text');
    }
  }
  return model;
}
