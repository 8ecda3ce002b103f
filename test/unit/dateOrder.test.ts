// postmortem.dateOrder: how numeric dates are read when either number could be the month, in the
// summary, the timeline, the document's date and action items' due dates; "auto" reads them as written
// (slashes month first, dashes and dots day first, month first under a US zone), or all day first in a
// document that writes a date only day first can read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, joinLines } from '../helpers';
import { readSettings } from '../../server/src/rules/settings';

const postmortem = (summary: string, entries: string[], items: string[] = []) => joinLines(
  '# Postmortem: API latency', '', '## Summary', summary, '',
  '## Timeline', ...entries, '',
  '## Root Cause and Resolution', 'An N+1 query; reverted.', '',
  '## Corrective and Preventive Measures', ...(items.length ? items : ['- Add an index']), '',
);

const day = (date: { year: number | null; month: number; day: number } | null | undefined) =>
  date ? `${date.year ?? '----'}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}` : null;

test('day-first: slashes too, in the summary, the timeline and due dates', () => {
  const text = postmortem('From 05/06/2026 17:30 UTC to 05/06/2026 18:00 UTC the API was slow for 40% of requests, caused by an N+1 query.',
    ['- 05/06/2026 17:30 UTC: deploy', '- 05/06/2026 18:00 UTC: rolled back'], ['- Add an index (owner: @ana, due 03/07/2026)']);
  const auto = analyze(text);
  const dayFirst = analyze(text, { dateOrder: 'day-first' });
  assert.deepEqual([day(auto.summary?.start?.date), day(auto.timeline[0].date), day(auto.actionItems[0].due?.date)], ['2026-05-06', '2026-05-06', '2026-03-07']);
  assert.deepEqual([day(dayFirst.summary?.start?.date), day(dayFirst.timeline[0].date), day(dayFirst.actionItems[0].due?.date)], ['2026-06-05', '2026-06-05', '2026-07-03']);
  assert.equal(dayFirst.incident.durationMinutes, 30);
});

test('month-first: dashes and dots too, where "auto" reads them day first', () => {
  const text = postmortem('On 05-06-2026 the API was slow for 40% of requests, caused by an N+1 query.', ['- 05-06-2026 17:30 UTC: deploy', '- 05.06 18:00 UTC: rolled back']);
  const auto = analyze(text);
  const monthFirst = analyze(text, { dateOrder: 'month-first' });
  assert.deepEqual([day(auto.documentDate), day(auto.timeline[0].date), day(auto.timeline[1].date)], ['2026-06-05', '2026-06-05', '2026-06-05']);
  assert.deepEqual([day(monthFirst.documentDate), day(monthFirst.timeline[0].date), day(monthFirst.timeline[1].date)], ['2026-05-06', '2026-05-06', '2026-05-06']);
});

test('a date only one order makes is read so whatever the setting; a set order is not second-guessed by the window', () => {
  const unambiguous = postmortem('From 25/06/2026 17:30 UTC to 25/06/2026 18:00 UTC the API was slow for 40% of requests, caused by an N+1 query.', ['- 17:30 UTC: deploy', '- 18:00 UTC: rolled back']);
  for (const dateOrder of ['auto', 'day-first', 'month-first']) assert.equal(day(analyze(unambiguous, { dateOrder }).summary?.start?.date), '2026-06-25', dateOrder);
  // Month first, this window runs backwards; "auto" reads both ends day first (corpus 020), "month-first" keeps what it was told.
  const backwards = postmortem('From 02/02/2022 3:00 AM UTC to 08/02/2022 5:00 PM UTC the API was slow for 40% of requests, caused by an N+1 query.', ['- 10:00 UTC: alert']);
  assert.equal(day(analyze(backwards).summary?.end?.date), '2022-02-08');
  assert.equal(day(analyze(backwards, { dateOrder: 'month-first' }).summary?.end?.date), '2022-08-02');
});

test('a dateOrder that is none of auto, day-first and month-first is reported and the default kept', () => {
  const { settings, problems } = readSettings({ dateOrder: 'dd/mm' });
  assert.equal(settings.dateOrder, 'auto');
  assert.deepEqual(problems, ['settings: dateOrder "dd/mm" must be auto, day-first, month-first']);
  assert.equal(readSettings({ dateOrder: 'day-first' }).settings.dateOrder, 'day-first');
});

test('auto reads slash dates day first where the document writes one only day first can read ("25/06/2026"), unless it also writes one only month first can', () => {
  const summary = 'From 05/06/2026 17:30 UTC to 05/06/2026 18:00 UTC the API was slow for 40% of requests, caused by an N+1 query.';
  const entries = ['- 17:30 UTC: deploy', '- 18:00 UTC: rolled back'];
  const withDayFirst = postmortem(summary, entries, ['- Add an index (due 25/06/2026)', '- Review the queries (due 03/07/2026)']);
  const model = analyze(withDayFirst);
  assert.deepEqual([day(model.summary?.start?.date), ...model.actionItems.map((item) => day(item.due?.date))], ['2026-06-05', '2026-06-25', '2026-07-03']);
  // "6/13/2026" can only be month first: the document's dates disagree, and slashes stay month first.
  const mixed = postmortem(summary, entries, ['- Add an index (due 25/06/2026)', '- Review the queries (due 6/13/2026)']);
  assert.equal(day(analyze(mixed).summary?.start?.date), '2026-05-06');
  assert.equal(day(analyze(postmortem(summary, entries)).summary?.start?.date), '2026-05-06', 'nothing unambiguous: month first, as before');
  assert.equal(day(analyze(withDayFirst, { dateOrder: 'month-first' }).summary?.start?.date), '2026-05-06', 'the setting wins');
});
