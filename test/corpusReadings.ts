// What a careful person reads in corpus documents (test/fixtures/corpus-expected.json) against what
// the model and its diagnostics say: one comparison for the corpus test and scripts/corpus-figures.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, analyze, clockOf, diagnosticsOf, readCorpus, settingsWith } from './helpers';
import { findStamps } from '../server/src/core/time/timestamp';
import { analyzeDocument } from '../server/src/core/analyze';
import { incidentLifecycle } from '../server/src/features/lifecycle';
import type { PostmortemModel } from '../server/src/core/model';

export interface ClockReading {
  date: string | null;
  time: string;
  zone: string | null;
}

/** The problems a person reading the document sees, in the rules' own terms. */
export interface RealProblems {
  /** Section titles as the profile names them ("Timeline", "Resolution and Recovery"). */
  'section-missing': string[];
  /** Summary fields: duration, start, end, impact, root-cause. */
  'summary-field-missing': string[];
}

export interface Expected {
  sections: string[];
  timelineEntries: number;
  firstEntry: string | null;
  lastEntry: string | null;
  start: ClockReading | null;
  end: ClockReading | null;
  durationMinutes: number | null;
  statedDurationMinutes: number | null;
  realProblems: RealProblems;
  crossesMidnight: boolean;
  outOfOrder: boolean;
  /** When it began, became known, was mitigated and resolved, as a reader takes them (1-based lines); read for 003-121. */
  lifecycle?: Partial<Record<'started' | 'detected' | 'mitigated' | 'resolved', { line: number; time: string } | null>>;
}

export const expectations: Record<string, Expected> = JSON.parse(readFileSync(join(FIXTURES, 'corpus-expected.json'), 'utf8'));

/** The same parts of a postmortem under each built-in profile's ids (the `auto` profile may choose any). */
export const toModelIds: Record<string, string[]> = {
  summary: ['summary', 'overview'],
  timeline: ['timeline'],
  'root-cause': ['root-cause', 'root-cause-and-resolution', 'root-causes', 'contributing-factors'],
  resolution: ['resolution', 'root-cause-and-resolution'],
  corrective: ['corrective-and-preventive-measures', 'action-items'],
};

/** The reading's section names (summary, timeline, root-cause, resolution, corrective) the model found, sorted. */
export function sectionsFound(model: PostmortemModel): string[] {
  const ids = new Set(model.sections.flatMap((section) => [section.id, section.also]));
  return Object.keys(toModelIds).filter((id) => toModelIds[id].some((modelId) => ids.has(modelId))).sort();
}

/** What the diagnostics report of one kind: missing section titles, or missing summary fields. */
export function reportedProblems(text: string): RealProblems & { outOfOrder: boolean } {
  const diagnostics = diagnosticsOf(text);
  const dataOf = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.data as Record<string, unknown>);
  return {
    'section-missing': dataOf('section-missing').map((data) => String(data.title)),
    'summary-field-missing': dataOf('summary-field-missing').map((data) => String(data.field)),
    outOfOrder: diagnostics.some((d) => d.code === 'timeline-out-of-order'),
  };
}

export type ProblemKind = keyof RealProblems;

/** "1:00 PM (WAT)" → "13:00": a moment's written clock, read as the timeline reads it, to compare with a reading's. */
function clockIn(text: string): string | null {
  return clockOf(findStamps(text).find((stamp) => stamp.time)?.time);
}

/** Reported but not real (false alarms), and real but not reported (misses). */
export function compareProblems(real: string[], reported: string[]): { falseAlarms: string[]; misses: string[] } {
  return {
    falseAlarms: reported.filter((name) => !real.includes(name)),
    misses: real.filter((name) => !reported.includes(name)),
  };
}

export interface Figure {
  name: string;
  met: number;
  of: number;
  /** One line per document that misses, saying how. */
  misses: string[];
}

/**
 * Every figure of issue 16's item 7 over the documents read. `foundByPath` says which documents are
 * taken for postmortems by their path and content alone (the CLI's folder mode); by default the model's
 * own check, given the file name as the corpus stores it.
 */
export function corpusFigures(foundByPath?: (file: string) => boolean): Figure[] {
  const figures = new Map<string, Figure>();
  const tally = (name: string, file: string, ok: boolean, how: string) => {
    const figure = figures.get(name) ?? { name, met: 0, of: 0, misses: [] };
    figure.of++;
    if (ok) figure.met++;
    else figure.misses.push(`${file}: ${how}`);
    figures.set(name, figure);
  };
  const isFound = foundByPath ?? ((file: string) => analyzeDocument(readCorpus(file), settingsWith(), `corpus/${file}`).isPostmortem);
  for (const [file, expected] of Object.entries(expectations)) {
    const text = readCorpus(file);
    const model = analyze(text);
    const found = sectionsFound(model);
    const want = [...expected.sections].sort();
    tally('sections found', file, found.join() === want.join(), `found [${found.join(', ')}], read [${want.join(', ')}]`);
    tally('timeline entry counts', file, model.timeline.length === expected.timelineEntries, `${model.timeline.length} entries, read ${expected.timelineEntries}`);
    const { durationMinutes, statedDurationMinutes } = model.incident;
    tally('durations', file, durationMinutes === expected.durationMinutes, `${durationMinutes} min, read ${expected.durationMinutes}`);
    tally('stated durations', file, statedDurationMinutes === expected.statedDurationMinutes, `${statedDurationMinutes} min, read ${expected.statedDurationMinutes}`);
    const reported = reportedProblems(text);
    for (const kind of ['section-missing', 'summary-field-missing'] as const) {
      const { falseAlarms, misses } = compareProblems(expected.realProblems[kind], reported[kind]);
      tally(`no false ${kind}`, file, falseAlarms.length === 0, `false: ${falseAlarms.join(', ')}`);
      tally(`every real ${kind} reported`, file, misses.length === 0, `not reported: ${misses.join(', ')}`);
    }
    tally('no false timeline-out-of-order', file, !reported.outOfOrder || expected.outOfOrder, 'reported on entries in order');
    if (expected.lifecycle) {
      const found = incidentLifecycle(model, settingsWith()).lifecycle;
      for (const moment of ['detected', 'mitigated', 'resolved'] as const) {
        const want = expected.lifecycle[moment] ?? null;
        const got = found.find((point) => point.moment === moment) ?? null;
        // The same line, or the same clock time read elsewhere (the summary's end, the timeline's last entry).
        const same = want === null ? got === null : got !== null && ((got.line !== null && got.line + 1 === want.line) || clockIn(got.text) === want.time);
        tally(`lifecycle: ${moment}`, file, same, `${got ? `line ${(got.line ?? -1) + 1} "${got.text}"` : 'none'}, read ${want ? `line ${want.line} ${want.time}` : 'none'}`);
      }
    }
    tally('found as a postmortem', file, isFound(file), 'not taken for a postmortem');
  }
  return [...figures.values()];
}
