import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findStamps, isUnreadable, readStampAt, readStampWithChrono, readTimeAt, type Stamp } from '../../server/src/core/time/timestamp';
import { findZone, offsetMinutesAt, readZoneAt } from '../../server/src/core/time/zones';
import { findDurations, formatDuration, formatDurationLike, formatOffset } from '../../server/src/core/time/duration';
import { clockOf } from '../helpers';

function stampOf(text: string) {
  const stamp = readStampAt(text, 0);
  assert.ok(stamp && !isUnreadable(stamp), `no stamp in ${JSON.stringify(text)}`);
  return stamp;
}

const clock = (text: string) => {
  const time = stampOf(text).time;
  return time && `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
};

test('reads 12- and 24-hour clocks, with seconds, p.m. and military times', () => {
  assert.equal(clock('14:00 UTC: deploy'), '14:00');
  assert.equal(clock('2:00 PM: alert'), '14:00');
  assert.equal(clock('12:30 AM'), '00:30');
  assert.equal(clock('12:05 PM'), '12:05');
  assert.equal(clock('9:17am the fix'), '09:17');
  assert.equal(clock('3:00 p.m. rollback'), '15:00');
  assert.equal(clock('6 PM – engineers'), '18:00');
  assert.equal(clock('13:00:56 - alert'), '13:00');
  assert.equal(clock('2100hrs WAT the server'), '21:00');
  assert.equal(clock('2305HRS EAT an outage'), '23:05', 'the hours mark in capitals');
  assert.equal(clock('1430 UTC: paged'), '14:30');
  assert.equal(clock('15.25 PST 29 april 2022'), '15:25');
  assert.equal(clock('4: 45 am PST ]'), '04:45');
  assert.equal(clock('At 3:15 PM Eastern time, support'), '15:15');
});

test('reports times that cannot be read, and reads "13:20PM" as 13:20 and "3:AM" as 03:00 with a warning', () => {
  const outOfRange = readTimeAt('25:10 storage team joins', 0);
  assert.ok(isUnreadable(outOfRange) && outOfRange.reason === 'out-of-range');
  const conflicting = readStampAt('13:30 PM deploy', 0);
  assert.ok(conflicting && !isUnreadable(conflicting));
  assert.equal(conflicting.warning, 'conflicting-meridiem');
  assert.equal(conflicting.time?.hour, 13);
  const impossible = readTimeAt('13:30 AM', 0);
  assert.ok(isUnreadable(impossible) && impossible.reason === 'conflicting-meridiem');
  const incomplete = readTimeAt('3:', 0);
  assert.ok(isUnreadable(incomplete) && incomplete.reason === 'incomplete');
  // "3:AM" (corpus 020): an hour with its colon and no minutes, read as 3 AM with a warning.
  const noMinutes = readStampAt('3:AM', 0);
  assert.ok(noMinutes && !isUnreadable(noMinutes));
  assert.deepEqual([noMinutes.time?.hour, noMinutes.time?.minute, noMinutes.warning, noMinutes.end], [3, 0, 'incomplete', 4]);
  assert.equal(clock('5:pm: paged'), '17:00');
  // Not a colon before a word: "step 3: am I …", "3: AM" with a space.
  assert.deepEqual(findStamps('step 3: am I right?'), []);
  assert.deepEqual(findStamps('item 3: AM radio'), []);
  assert.equal(readTimeAt('100% of users', 0), null);
  assert.equal(readTimeAt('1.5 hours later', 0), null);
});

test('reads dates in words and numbers, before or after the time', () => {
  assert.deepEqual(stampOf('April 10th, 2024 at 10:00 AM').date, { year: 2024, month: 4, day: 10 });
  assert.deepEqual(stampOf('Nov 2, 2023 14:00').date, { year: 2023, month: 11, day: 2 });
  assert.deepEqual(stampOf('2024-01-12 09:00').date, { year: 2024, month: 1, day: 12 });
  assert.deepEqual(stampOf('13:15 PST 29 april 2022 - customer').date, { year: 2022, month: 4, day: 29 });
  assert.deepEqual(stampOf('10:00 AM UTC, April 10th').date, { year: null, month: 4, day: 10 });
  assert.deepEqual(stampOf('June 7th, 2024, 13:00 (UTC): alert').date, { year: 2024, month: 6, day: 7 });
  assert.deepEqual(stampOf('24-10-2024 04:00 - nodes').date, { year: 2024, month: 10, day: 24 });
  assert.deepEqual(stampOf('02-15-2022 7:00 am').date, { year: 2022, month: 2, day: 15 });
  assert.deepEqual(stampOf('19. April, 11:00').date, { year: null, month: 4, day: 19 });
  assert.deepEqual(stampOf('Thursday, May 9, 2024').date, { year: 2024, month: 5, day: 9 });
  assert.equal(stampOf('May 20:').time, null);
});

test('reads a rough time after its day: "2025-01-09 ~16:00 UTC", "May 3, 2024 around 14:00"; a tilde before a count is no time', () => {
  const read = (text: string) => findStamps(text).map((stamp) => [stamp.date?.day ?? null, stamp.time?.hour ?? null, stamp.zone?.label ?? null]);
  assert.deepEqual(read('- **2025-01-09 ~16:00 UTC**: Last successful embeddings generated'), [[9, 16, 'UTC']]);
  assert.deepEqual(read('On May 3, 2024 around 14:00 the API failed'), [[3, 14, null]]);
  assert.deepEqual(read('On 2024-05-03 ~40 users saw errors'), [[3, null, null]]);
});

test('reads an ordinal raised in HTML and a comma after an abbreviated month (corpus 095, 094)', () => {
  const dateIn = (text: string) => findStamps(text).find((stamp) => stamp.date)?.date ?? null;
  assert.deepEqual(dateIn('the database overload that occurred on May 5<sup>th</sup>, 2023.'), { year: 2023, month: 5, day: 5 });
  assert.deepEqual(dateIn('restored from the 3<sup>rd</sup> May 2023 backup'), { year: 2023, month: 5, day: 3 });
  assert.deepEqual(dateIn('broke out at 5:00am(PST) On Feb., 20th, 2017 for 1 hours'), { year: 2017, month: 2, day: 20 });
  // A comma after a month's full name is a pause, not a date's: "in May, 12 engineers".
  assert.equal(dateIn('in May, 12 engineers were on call'), null);
  assert.equal(dateIn('raised to the 5<sup>th</sup> power'), null);
});

test('reads zones: abbreviations, offsets, spelled names, IANA names', () => {
  const zoneOf = (text: string) => stampOf(text).zone?.label;
  assert.equal(zoneOf('10:45 AM (UTC): detected'), 'UTC');
  assert.equal(zoneOf('16:15 GMT+1: alert'), 'GMT+1');
  assert.equal(zoneOf('12:00 CAT — italic'), 'CAT');
  assert.equal(zoneOf('3:00:01pm -PST'), 'PST');
  assert.equal(zoneOf('7:00 am (UTC−05:00)'), 'UTC-5');
  assert.equal(zoneOf('3:15 PM Eastern time, support'), 'Eastern time');
  assert.equal(zoneOf('10:00 AM (SAST): alert'), 'SAST');
  assert.equal(findZone('Timeline (GMT+ 1)')?.zone.offsetMinutes, 60);
  assert.equal(findZone('Timeline(all times in UTC)')?.zone.label, 'UTC');
  assert.equal(findZone('## Timeline (All in Greenwich Mean Time)')?.zone.offsetMinutes, 0);
  assert.equal(findZone('(in 24-hour clock, West Central Africa Standard Timezone)')?.zone.offsetMinutes, 60);
  assert.equal(findZone('*(All times US/Pacific, 24-hour clock.)*')?.zone.iana, 'America/Los_Angeles');
  assert.equal(findZone('Our team was at the office'), null);
  assert.equal(readZoneAt('WAT', 0)?.zone.offsetMinutes, 60);
  // Daylight saving resolves through the date.
  const pacific = findZone('Pacific time')!.zone;
  assert.equal(offsetMinutesAt(pacific, Date.UTC(2024, 6, 1)), -420);
  assert.equal(offsetMinutesAt(pacific, Date.UTC(2024, 0, 1)), -480);
  // "all times in PST/PDT" (Flutter's timelines): whichever of the two the date has, not PST in August.
  for (const [written, iana] of [['## Timeline (all times in PST/PDT)', 'America/Los_Angeles'], ['Times are EDT / EST', 'America/New_York']]) {
    const both = findZone(written)!.zone;
    assert.equal(both.iana, iana, written);
    assert.equal(offsetMinutesAt(both, Date.UTC(2023, 7, 26)) - offsetMinutesAt(both, Date.UTC(2023, 0, 26)), 60, written);
  }
  assert.equal(findZone('(PST)')?.zone.offsetMinutes, -480);
});

test('reads a city as its zone: right after a time before punctuation, or with "time" (Jenkins status, held out)', () => {
  const zoneOf = (text: string) => stampOf(text).zone;
  assert.equal(zoneOf('16:37 Denver - Mark Waite updated plugins')?.iana, 'America/Denver');
  assert.equal(zoneOf('20:09 DEnver - Outage resolved')?.iana, 'America/Denver');
  assert.equal(zoneOf('09:00 Sao Paulo: deploy')?.iana, 'America/Sao_Paulo');
  assert.equal(zoneOf('10:00 New York time, alert')?.iana, 'America/New_York');
  assert.equal(zoneOf('10:00 Bengaluru')?.iana, 'Asia/Kolkata');
  // Daylight saving through the date: 16:37 in Denver on 29 May 2021 is 22:37 UTC.
  assert.equal(offsetMinutesAt(zoneOf('16:37 Denver -')!, Date.UTC(2021, 4, 29)), -360);
  // Not a city followed by words, a deployment's "Canary", nor a person's name unless bracketed.
  assert.equal(zoneOf('14:02 Paris restarted the job'), null);
  assert.equal(zoneOf('10:00 Canary - rollout to 5%'), null);
  assert.equal(zoneOf('14:02 Sofia: seeing errors'), null);
  assert.equal(zoneOf('14:02 (Sofia) seeing errors')?.iana, 'Europe/Sofia');
  // In a heading or a note, only with "time".
  assert.equal(findZone('## Timeline (all times Berlin time)')?.zone.iana, 'Europe/Berlin');
  assert.equal(findZone('## Timeline of the Denver migration'), null);
});

test('interchain\'s retros and an ALX summary: "Feb 7 1506 UTC" is a day and a time, "2025-Feb-07" a date, and "3:15 PM UTC - 5:00 PM UTC" two times, not the offset UTC-5 (held out)', () => {
  const feb7 = readStampAt('Feb 7 1506 UTC: Hypha and ICL agree to release a patch', 0) as Stamp;
  assert.deepEqual([feb7.date, clockOf(feb7.time), feb7.zone?.label], [{ year: null, month: 2, day: 7 }, '15:06', 'UTC']);
  assert.deepEqual((readStampAt('7 Feb 1506 UTC', 0) as Stamp).date, { year: null, month: 2, day: 7 });
  assert.deepEqual((readStampAt('May 3 2023', 0) as Stamp).date, { year: 2023, month: 5, day: 3 });
  assert.deepEqual((readStampAt('2025-Feb-07', 0) as Stamp).date, { year: 2025, month: 2, day: 7 });
  const range = readStampAt('3:15 PM UTC - 5:00 PM UTC', 0) as Stamp;
  assert.deepEqual([clockOf(range.time), range.zone?.label], ['15:15', 'UTC']);
  assert.equal(readZoneAt('UTC-5 outage', 0)?.zone.offsetMinutes, -300);
  // A range's second time with its zone after it is no offset ("(01:41 UTC - 11:15 UTC)", a held-out report), nor is a quarter past the hour.
  const hyphened = readStampAt('01:41 UTC - 11:15 UTC', 0) as Stamp;
  assert.deepEqual([clockOf(hyphened.time), hyphened.zone?.label], ['01:41', 'UTC']);
  assert.equal(readZoneAt('UTC+5:15', 0)?.zone.label, 'UTC');
  assert.deepEqual(['UTC+5:30', 'UTC+5:45', 'GMT-3'].map((text) => readZoneAt(text, 0)?.zone.offsetMinutes), [330, 345, -180]);
  // An offset's sign after a space is no dash before the zone (vulpine.club's "2018-11-08 16:55:00 -0500"); a range's dash is.
  assert.equal((readStampAt('2018-11-08 16:55:00 -0500', 0) as Stamp).zone?.offsetMinutes, -300);
  assert.equal((readStampAt('00:37-00:41 pihole restarted', 0) as Stamp).zone, null);
});

test('finds every time in prose, but not version numbers', () => {
  const stamps = findStamps('lasted for 2 hours, starting at 14:00 UTC and ending at 16:00 UTC after nginx 1.18 restarted');
  assert.deepEqual(stamps.map((s) => s.time?.hour), [14, 16]);
  const range = findStamps('from April 10th, 2024 (10:00 AM UTC) to April 11th, 2024 (2:00 AM UTC)');
  assert.deepEqual(range.filter((s) => s.time).map((s) => s.time?.hour), [10, 2]);
});

test('reads stated durations and writes them back', () => {
  const minutes = (text: string) => findDurations(text)[0]?.minutes;
  assert.equal(minutes('2 hours'), 120);
  assert.equal(minutes('2 hours and 15 minutes'), 135);
  assert.equal(minutes('approximately 3 hours'), 180);
  assert.equal(minutes('45 min'), 45);
  assert.equal(minutes('1.5 hours'), 90);
  assert.equal(minutes('2h 15m'), 135);
  assert.equal(minutes('one day'), 1440);
  assert.equal(minutes('an hour and a half'), 90);
  // Weeks: "persisted for a week before it was caught" (EDGI), "an outage for approximately 2 weeks" (Plex).
  assert.equal(minutes('persisted for a week before'), 7 * 1440);
  assert.equal(minutes('approximately 2 weeks'), 14 * 1440);
  assert.equal(minutes('1 wk 2 days'), 9 * 1440);
  assert.deepEqual(findDurations('the weekly report, weekend traffic'), []);
  assert.equal(findDurations('under 3hrs')[0].bound, 'at-most');
  assert.deepEqual(findDurations('data hours'), []);
  // HTTP errors by their status code (held-out Node.js incident post), unlike a timeout in seconds.
  assert.deepEqual(findDurations('users seeing 404s, then a spike of 502s'), []);
  assert.equal(minutes('a 300s timeout'), 5);
  assert.equal(formatDuration(135), '2h 15m');
  assert.equal(formatDuration(45), '45m');
  assert.equal(formatOffset(65), 'T+1:05');
  assert.equal(formatDurationLike(135, '2 hours and 45 minutes'), '2 hours and 15 minutes');
  assert.equal(formatDurationLike(135, '2h 45m'), '2h 15m');
  assert.equal(formatDurationLike(50, '45 min'), '50 min');
});

test('free text goes to chrono: written days and clock times count, spans of time and "now" do not', () => {
  const read = (text: string) => readStampWithChrono(text, 0);
  const full = read('Friday, 24 mar 2017 at 07:32:16 GMT: primary failed over');
  assert.deepEqual([full?.date, full?.time, full?.zone?.label], [{ year: 2017, month: 3, day: 24 }, { hour: 7, minute: 32, second: 16 }, 'UTC']);
  assert.deepEqual(read('March 3 at 4pm deploy')?.time, { hour: 16, minute: 0, second: 0 });
  assert.deepEqual(read('Noon: traffic peaked 3x')?.time, { hour: 12, minute: 0, second: 0 });
  // A relative day keeps its written time but gives no date (it would be a day of chrono's reference instant).
  const tomorrow = read('Tomorrow at 10 we deploy');
  assert.deepEqual([tomorrow?.date, tomorrow?.time?.hour, tomorrow?.zone], [null, 10, null]);
  for (const prose of ['Within 5 minutes the pager fired', 'About 2 hours later we rolled back', 'Around 30 minutes after, errors rose',
    'Yesterday 5 hosts died', 'Now 3 replicas lag', 'Paged 999 engineers while the database burned', 'Later 15:00 the fix']) {
    assert.equal(read(prose), null, prose);
  }
});

test('a zone closes the bracket it opened, not one opened before the time ("(12pm GMT +1)")', () => {
  const text = (written: string) => findStamps(written).map((stamp) => written.slice(stamp.start, stamp.end));
  assert.deepEqual(text('On 14th may 2023 (12pm GMT +1) we saw errors'), ['14th may 2023', '12pm GMT +1']);
  assert.deepEqual(text('10:45 AM (UTC) alert'), ['10:45 AM (UTC)']);
  assert.deepEqual(text('9:00 [PST] deploy'), ['9:00 [PST]']);
});
