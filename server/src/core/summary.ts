// Facts from the Issue Summary: start, end, stated duration, impact, root cause. Read from labelled
// lines ("Duration:", "**Start Time:**", "- Root cause:") and from prose ("lasted for 2 hours,
// starting at 14:00 UTC and ending at 16:00 UTC", "from 11:00 AM to 2:00 PM GMT+1").
import type { MarkdownLines } from './markdown';
import { LINE_BREAK_TAG, plainText, skipLinePrefix } from './inline';
import { FIELD_LABELS, type SummaryField } from './profiles';
import { findDurations, isApproximate, type StatedDuration } from './time/duration';
import { findStamps, readDateAt, type CalendarDate, type DateOrder, type Stamp } from './time/timestamp';
import { findZone, readZoneAt, type Zone, type ZoneMatch } from './time/zones';
import { axisMinutes, PLACEHOLDER_YEAR } from './timeline';

export interface SummaryTime {
  stamp: Stamp;
  date: CalendarDate | null;
  zone: Zone | null;
  /** Document offsets of the written time. */
  start: number;
  end: number;
  /** Written under a start, end or duration label ("**Incident Start:** 2026-02-27 14:15 UTC"), not in prose. */
  labelled?: true;
}

export interface SummaryFacts {
  start: SummaryTime | null;
  end: SummaryTime | null;
  /** `labelled`: under a duration label ("Duration: 2 hours"), not told in prose. */
  stated: (StatedDuration & { line: number; offset: number; labelled: boolean }) | null;
  /** Which summary fields the text states. */
  fields: Set<SummaryField>;
  /** The first zone written in the summary. */
  zone: Zone | null;
  /** What a labelled "Impact:" / "Root cause:" line says (or the line under a lone label), plain. */
  impact: SummaryText | null;
  rootCause: SummaryText | null;
}

export interface SummaryText {
  text: string;
  /** 0-based line of the text. */
  line: number;
}

const LABEL = new RegExp(
  `^(${Object.values(FIELD_LABELS).flat().sort((a, b) => b.length - a.length).map((l) => l.replace(/ /g, '[\\s-]+').replace(/\//g, '\\s*/\\s*')).join('|')})\\s*(?:of\\s+the\\s+(?:outage|incident)\\s*)?[:：\\-–—]\\s*(.*)$`,
  'i',
);
const MAX_LINE_LENGTH = 10_000;
const RANGE_WORDS = /\b(?:from|between|starting|started|began|beginning)\b/i;
const DURATION_CONTEXT = /(?:lasted|lasting|lasts|last|duration|outage of|down for|took|spanned|for|total(?:ling)?|approximately|about|around|roughly|nearly|over|under|~)\s*(?:(?:of|approximately|about|around|roughly|nearly|almost|just|over|under|more than|less than|precisely|exactly|a|an|period|span|total|~)\s+){0,3}$/i;
/**
 * In parentheses right after the window it measures: "… to 01 Mar 2017 20:54 (~75 hours)", "11:40 AM EST
 * (2h)"; after a clock, AM/PM, a zone or a bracketed four-digit time, not after a day alone ("2018-06-17
 * (23 hours)", one of a list's outages).
 */
const AFTER_WINDOW = /(?:\d{1,2}[:.]\d{2}|\b[AaPp]\.?[Mm]\.?|\b(?:UTC|GMT|[A-Z]{1,4}T)|\(\s*~?\d{4}\s*\))\s*\(\s*(?:(?:[Aa]pproximately|[Aa]bout|[Aa]round|[Rr]oughly|[Nn]early|[Aa]lmost|[Jj]ust|[Oo]ver|[Uu]nder)\s+)?$/;
// "the container resumed normal course of operations by 12:15PM": recovery words, then the time it was done by.
const RECOVERED_BY = /\b(?:resumed|restored|recovered|resolved|solved|fixed|back\s+(?:up|online|to\s+normal))\b[^.;!?]{0,80}\b(?:by|at|around|about|approximately)\s+$/i;
// "for 15 minutes around 11:45AM": a span anchored at its own moment, a part of the incident, not its length.
const ANCHORED_SPAN = /^\s*(?:around|at|about|from|starting(?:\s+at)?|beginning(?:\s+at)?)\s+\d/i;
// "approximately at 5:00am … for 1 hours": a start given roughly makes the span as rough.
const ROUGH_TIME = /(?:~|≈|\b(?:about|approximately|approx\.?|around|roughly|circa))\s*(?:at\s+)?\d{1,2}(?:\s?:\s?\d{2})?\s?(?:[ap]\.?m\b|:\d|\s?[A-Z]{2,4}\b|\()/i;
// "… após o deploy das 17h30" (067), "a las 10:00", "vers 9h": the same words in Portuguese, Spanish and French.
const START_CONTEXT = /(?:(?:^|\b)(?:at|on|around|since|from|about|approximately|starting)\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?|(?:^|\s)(?:às|das|desde(?:\s+(?:as|las))?|a\s+partir\s+d(?:as|e)|por\s+volta\s+das|a\s+las|hacia\s+las|à|vers|depuis)\s*)$/i;
/** How many paragraphs after its start a summary may still tell the incident's end. */
const NEAR_PARAGRAPHS = 3;
/** "Tim noticed at 0:59 CET that …": when it became known, not when it began. */
const NOTICED_AT = /\b(?:noticed|detected|reported|discovered|spotted|alerted|paged|notified|reali[sz]ed)\s+(?:[\w'-]+\s+){0,2}(?:at|around|about|approximately)\s*$/i;
/**
 * "A second set of multisends began at Jan 28th 2025, 10:55:08 UTC and lasted just over an hour" after
 * "At Jan 27th 2025, 18:50:28 UTC, …" (Cosmos Hub): a later episode's start and length, not the incident's.
 */
const LATER_EPISODE = /\b(?:a|the)\s+(?:second|third|fourth|fifth|further|later)\s+(?!(?:day|morning|evening|night|time|week)\b)[\w-]+|\banother\s+(?:set|wave|round|burst|batch|outage|incident|episode|spike|attack|period|occurrence|storm)\b/i;
/** "…until 5:01 PM", "…restored at 1:02 PM", "… End-time: 3:07 PM": the time that ends the window, whatever came before it in the line. */
const END_CONTEXT = /\b(?:until|till|ended|ending|restored|resolved)\s+(?:at\s+)?$|\bend(?:[\s-]?time)?\s*:\s*$/i;
/**
 * "As of July 16, 2023 11:17 UTC, the team has corrected the configuration …", "by 9:40 UTC traffic had
 * returned to normal levels", a sentence opening "At 12:16 p.m. EAT, service was restored": the moment it
 * was put right, told before what was done.
 */
const AS_OF = /\b(?:as\s+of|by)\s*$|(?:^|[.!?]\s+)at\s*$/i;
// Not across another time or an "and" ("reported internally by 22:50 GMT and resolved at 23:01 GMT").
const DONE_AFTER = /^(?:(?!\band\b)[^.;!?\d]){0,120}?\b(?:corrected|fixed|resolved|restored|mitigated|recovered|remediated|blocked|closed|(?:returned|back)\s+to\s+normal|back\s+online)\b/i;
/**
 * "halted approximately 4 days after the upgrade", "2 hours into the outage": when, not how long; unless
 * the words before say it is a span ("down for 2 hours after the deploy").
 */
const OFFSET = /^\s*(?:after|before|later|earlier|ago|prior|into)\b/i;
/**
 * "After nearly 7 hours, Validator A caught up with the network tip" (a held-out report): a sentence that
 * opens after a length tells when a step came, not how long the outage was; unless it says the service
 * was put right then ("After 2 hours, service was restored").
 */
const AFTER_LEAD = /(?:^|[.!?]\s+)after\s+(?:(?:~|about|approximately|around|roughly|nearly|almost|over|under|just|some)\s+)?$/i;
const SPAN_WORDS = /\b(?:for|lasted|lasting|lasts|took|spanned|of)\s+(?:(?:~|about|approximately|around|roughly|nearly|almost|over|under|just)\s*)?$/i;
/**
 * "Acting in roughly 11 minutes, the team stopped the exploit" (yearn), "wasn't noticed for nearly 12
 * hours", "stabilising the system in under 10 minutes" (iroh): how fast the response was, not the outage.
 */
const RESPONSE_TIME = /\b(?:act(?:ed|ing)?|respond(?:ed|ing)?|react(?:ed|ing)?|acknowledg(?:ed|ing)|stabili[sz](?:ed|ing))(?:\s+(?:the\s+)?[\w'-]+){0,2}?\s+(?:with)?in\s+(?:(?:roughly|about|around|approximately|just|under|less\s+than|~)\s*)?$|(?:\bnot|n['’]t|\bnever)\s+(?:been\s+)?(?:noticed|detected|discovered|spotted|reported)\s+for\s+(?:(?:nearly|almost|roughly|about|around|approximately|over|~)\s*)?$/i;
/** "The fix was expected … before 11:00 pm": a time foretold in the same sentence is no fact of the window. */
const FORECAST = /\b(?:expected|estimated|anticipated|projected|planned|scheduled|ETA)\b[^.!?]*$/i;

/**
 * Impact in prose, without an "Impact" label: who or what was hit ("affected 30% of users", "12 unique
 * visitors", "returned 500 internal server error"), or the service out of reach ("was not available to
 * website visitors", "went down", "took down the entire service", "stopped working").
 */
const IMPACT_PROSE: readonly RegExp[] = [
  /\bimpact|\baffect(?:ed|ing)\b|\b\d{1,3}\s?%/i,
  // Japanese, Chinese, Russian: "影響を受けた", "影响", "повлияло".
  /影響|影响|влия|затронул/i,
  /\b[45]\d\d\s+(?:\w+\s+){0,2}(?:errors?|responses?|status)\b/i,
  /\b\d[\d,.]*\s*(?:k|m|million|thousand|billion|b)?\s+(?:of\s+(?:our|the)\s+)?(?:[a-z]+\s+)?(?:(?:user\s+)?accounts|users|customers|requests|queries|visitors|clients)\b/i,
  // "users … unable" within a sentence's reach: a bounded gap, so a long summary full of "users" stays linear.
  // Those who use a network count too: "validators began experiencing issues with transaction inclusion" (held-out set 12).
  /\b(?:users?|validators?|node\s+operators?|merchants?|subscribers?|tenants?)\b.{0,200}?\b(?:experienc|unable|could not|couldn't)|\b(?:users?|customers?|clients?)\s+(?:can['’]?t|cannot|could\s+not|couldn['’]?t)\s+\w/i,
  /\b(?:un|not\s+)available\b|\b(?:in|not\s+)accessible\b|\bat\s+risk\b|\bstopped\s+working\b|\btook\s+down\b/i,
  // "went down", "was completely down"; a bare "was down" names what broke, not whom it hurt.
  /\bwent\s+(?:completely\s+|fully\s+)?down\b|\b(?:was|were|is|are)\s+(?:(?:completely|fully|entirely)\s+down|down\s+(?:completely|fully|entirely))\b/i,
  // "causing a complete site outage" (held-out set 13): what went out may be named between.
  /\b(?:total|complete|full|major|partial|global|widespread)\s+(?:[\w-]+\s+)?(?:outage|downtime|service\s+disruption)\b/i,
  // What stopped working for the people using it: "Binders would fail to build", "creating users failed when launching".
  /\bfail(?:ed|s|ing)?\s+to\s+(?:build|launch|load|start|connect|respond|complete|serve|open|render)\b|\b(?:launch(?:es|ing)?|builds?|requests?|log-?ins?|sign-?ins?|checkouts?|logins?|payments?|users?)\s+(?:\w+\s+){0,2}?failed\b/i,
  /\bunable\s+to\s+(?:receive|serve|access|reach|load|connect|use|complete|process|log\s?in|sign\s?in)\b/i,
  /\bprevent(?:ed|ing)\s+(?:\S+\s+){1,3}from\b/i,
  // A chain or a service stopped for everyone: "Block generation was halted for about 3 hours".
  // Or its validators could not agree: "an immediate halt in block production", "a temporary consensus stall",
  // "Entered a CONSENSUS FAILURE panic" (held-out set 12).
  /(?<!\b(?:neither|nor|no|not|never)\s+(?:\w+\s+)?)(?:\b(?:was|were|been|got)\s+halted\b|\bhalted\s+for\b|\b(?:chain|network)\s+halt(?:ed)?\b|\bhalt\s+(?:in|of)\s+(?:block\s+production|the\s+(?:chain|network))\b|\bconsensus\s+(?:stall|failure|halt)\b)/i,
  // Money or data gone: "11m DAI of vault deposits being lost", "funds were drained".
  /\b(?:(?:was|were|being|been|got)\s+(?:lost|stolen|drained)|(?:loss|theft)\s+of)\b/i,
  // What a status page says users saw: "increased error rates on our cloud platform", "elevated latency".
  /\b(?:increased|elevated|high|higher|spiking)\s+(?:(?:api|request|response|http|5xx|error)\s+)?(?:error\s+rates?|errors|latency|latencies|response\s+times|timeouts)\b/i,
  // Service made worse for those using it: "degrading performance on all CNS services to unusable levels" (held-out set 14).
  /\bdegrad(?:ed|ing|ation\s+of)\s+(?:(?:the|its|our)\s+)?(?:performance|service|experience|availability)\b|\b(?:performance|service)\s+(?:was|were)\s+(?:severely\s+)?degraded\b|\bunusable\b/i,
];

/**
 * A cause in prose, without a "Root cause" label: "caused by", "a misspelled file name caused a 500", "caused X to fail",
 * "…resulted in", "because", "we found that the issue was", "the underlying issue", "a bug in", "the hacker used",
 * "the cause of this was", "traced to".
 */
const ROOT_CAUSE_PROSE: readonly RegExp[] = [
  // "A causa raiz identificada foi …" (067): the Portuguese and Spanish name, as the section names have it.
  /\broot[\s-]?cause|\bcausa\s+ra[ií]z\b|\b(?:probable|likely|main|primary)\s+cause\b|\bit was found that\b|\bturned out\b|\bdue to\b|\btriggered by\b|\bresult(?:ed)? of\b/i,
  /\bcaused\s+(?:by|an?|the)\b|\bwas\s+caused\b|\bcausing\b|\bresulted\s+in\b|\bbecause\b/i,
  // "This combination triggered cascading failures in our connection retry logic" (a held-out company report).
  /\btriggered\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}(?:failures?|outages?|errors|crash(?:es)?|incident)\b/i,
  // "A change in Versionista's behavior caused [Versionista Scraper](…) to fail" (EDGI): what made what fail, in one sentence.
  /\bcaused\s+(?:(?![.;!?](?:\s|$))[^\n]){1,160}?\sto\s+(?:fail|crash|stop|break|hang|error|time\s+out|go\s+down|become|return|run\s+out|lose|drop|reject|throw)/i,
  /\b(?:found|determined|discovered|identified)\s+(?:that\s+)?the\s+(?:issue|problem|cause)\s+was\b/i,
  // "The root of the problem was that our new server was not added …" (092).
  /\bunderlying\s+(?:issue|cause|problem)\b|\b(?:a|the)\s+bug\s+in\b|\broot\s+of\s+(?:the|this)\s+(?:problem|issue|outage|incident)\b/i,
  // "This outage stemmed from a firewall issue", "the errors originated from a typo"; not "activity
  // originating from an unknown IP address" (011), which tells where, not why.
  /\b(?:stem(?:med|s)|originated|ar(?:ose|isen))\s+from\b/i,
  // "The cause of this was a runtime exception", "the outage was traced to a crash" (held-out ALX postmortems).
  /\b(?:the|its)\s+cause\s+(?:of\s+(?:this|it|the\s+\w+)\s+)?(?:was|is)\b|\btraced\s+(?:back\s+)?to\b/i,
  // Japanese, Chinese, Russian: "原因は…", "根因", "причиной стал…".
  /原因|根因|причин/i,
  // The failure named by its mechanism: "was repeatedly OOM-killed", "ran out of disk space", "a
  // misconfigured load balancer", "the certificate expired" (a homelab's executive summary, held out).
  /\bOOM[- ]?kill(?:ed|s)?\b|\bout\s+of\s+memory\b|\bran\s+out\s+of\s+(?:memory|disk|space|connections|file\s+descriptors)\b|\bmisconfigur(?:ed|ation)\b|\b(?:certificate|cert)\s+(?:had\s+)?expired\b|\bexpired\s+(?:TLS\s+|SSL\s+)?(?:certificate|cert)\b/i,
  // A breach told by its means: "The hacker used a brute-forcing program to gain access".
  /\b(?:attackers?|hackers?|intruders?)\s+(?:\w+\s+)?(?:used|exploited|gained|obtained|compromised|stole|hijacked|breached)\b/i,
];

const CLOCK_WORDS: ReadonlyArray<[RegExp, string]> = [[/\bmidnight\b/gi, '12:00 AM'], [/\bnoon\b/gi, '12PM']];

/** "midnight" and "noon" as clock times, written in as many characters. */
function withClockWords(text: string): string {
  if (!/midnight|noon/i.test(text)) return text;
  return CLOCK_WORDS.reduce((out, [words, clock]) => out.replace(words, clock), text);
}

/** "09:40 AM to 11:25 AM UTC", "10:00 - 11:30", "Jul 7 14:00 UTC → Jul 8 11:13 UTC": two times joined by a range word, whatever the line's label. */
function isClockRange(value: string, first: Stamp, second: Stamp): boolean {
  const between = value.slice(first.end, second.start).trim();
  return /^(?:\(?[A-Za-z]{2,5}\)?\s*)?(?:to|until|till|through|thru|-|–|—|~|→|->|⟶)$/i.test(between);
}

const RANGE_JOIN = String.raw`\s*(?:to|until|till|through|-|–|—|→|->)\s*`;
const BARE_END = new RegExp(String.raw`^${RANGE_JOIN}(\d{1,2})(?![\d:h]|\.\d)(?!\s?[ap]\.?\s?m\b)`, 'i');
const BARE_START = new RegExp(String.raw`(?:^|[^\d:.])(\d{1,2})(?:${RANGE_JOIN}|\s+and\s+)$`, 'i');

/**
 * "From 4pm to 6 GMT", "from 9 to 11 am": a bare hour at one end of a range is read in the other end's
 * half of the day, the nearest that keeps the range forward (11 to 1 pm is 11 am to 1 pm).
 */
function withBareHours(value: string, found: Stamp[]): Stamp[] {
  const added: Stamp[] = [];
  for (const stamp of found) {
    if (!stamp.time) continue;
    const partner = stamp.time.hour * 60 + stamp.time.minute;
    const hoursOf = (written: number) => (stamp.meridiem ? [written % 12, (written % 12) + 12] : [written]);
    const end = BARE_END.exec(value.slice(stamp.end));
    if (end) {
      const start = stamp.end + end[0].length - end[1].length;
      const zone = zoneAfter(value, stamp.end + end[0].length);
      // "to 6 GMT", "to 6, the servers …", but not "to 6 people": a zone or the clause's end follows.
      if (zone || /^\s*(?:[,.;:)]|$)/.test(value.slice(stamp.end + end[0].length))) {
        const hours = hoursOf(Number(end[1]));
        const hour = hours.find((h) => h * 60 > partner) ?? hours[0];
        added.push(bareStamp(start, start + end[1].length, hour, stamp.meridiem, zone));
      }
    }
    const before = BARE_START.exec(value.slice(0, stamp.start));
    // "2 and 4 PM" is a range only after "between".
    if (before && (!/\sand\s+$/i.test(before[0]) || /\bbetween\s+$/i.test(value.slice(0, before.index + 1)))) {
      // The match opens with the hour, or with the one character before it.
      const start = before.index + (/^\d/.test(before[0]) ? 0 : 1);
      const hours = hoursOf(Number(before[1]));
      const hour = [...hours].reverse().find((h) => h * 60 < partner) ?? hours[0];
      added.push(bareStamp(start, start + before[1].length, hour, stamp.meridiem, zoneAfter(value, start + before[1].length)));
    }
  }
  const fresh = added.filter((bare) => bare.time !== null && bare.time.hour < 24 && !found.some((stamp) => stamp.start < bare.end && bare.start < stamp.end));
  return fresh.length ? [...found, ...fresh].sort((a, b) => a.start - b.start) : found;
}

// "| Time | 0730 - 1230 (UTC) |": under a time label, four digits either side of a dash and a zone
// after them are a 24-hour range (in prose, four digits before a parenthesis are more often a year).
const FOUR_DIGIT_RANGE = /^(\s*)([01]\d|2[0-3])([0-5]\d)\s?[-–—]\s?([01]\d|2[0-3])([0-5]\d)(?!\d)/;

function fourDigitRange(value: string): Stamp[] {
  const match = FOUR_DIGIT_RANGE.exec(value);
  if (!match) return [];
  const zone = zoneAfter(value, match[0].length, true);
  if (!zone) return [];
  const clock = (start: number, hour: string, minute: string): Stamp => ({
    start, end: start + 4, date: null, time: { hour: Number(hour), minute: Number(minute), second: 0 }, zone: zone.zone, meridiem: false, warning: undefined,
  });
  return [clock(match[1].length, match[2], match[3]), clock(match[0].length - 4, match[4], match[5])];
}

/** A zone written right after a bare hour, up to two spaces on ("6 GMT"); with `parenthesis`, also in one ("1230 (UTC)"). */
function zoneAfter(value: string, position: number, parenthesis = false): ZoneMatch | null {
  const gap = parenthesis ? /\s{0,2}\(?/y : /\s{0,2}/y;
  gap.lastIndex = position;
  gap.exec(value);
  return readZoneAt(value, gap.lastIndex);
}

function bareStamp(start: number, end: number, hour: number, meridiem: boolean, zone: ZoneMatch | null): Stamp {
  return { start, end: zone?.end ?? end, date: null, time: { hour, minute: 0, second: 0 }, zone: zone?.zone ?? null, meridiem, warning: undefined };
}

/** "On 14th may 2023 (12pm GMT +1)": the day written just before a time, which its moment shares. */
function dayBefore(value: string, time: Stamp, found: readonly Stamp[]): Stamp | undefined {
  return found.find((day) => day.date && !day.time && day.end <= time.start && /^[\s,(]*(?:at\s*)?$/i.test(value.slice(day.end, time.start)));
}

/** "1:15 PM(18:15)": a time in parentheses right after another is the same moment written again. */
function withoutRestatements(value: string, stamps: Stamp[]): Stamp[] {
  return stamps.filter((stamp, i) => i === 0 || !stamps[i - 1].time || !/^\s*\(\s*$/.test(value.slice(stamps[i - 1].end, stamp.start)));
}

/** Labels of the incident's time ("Date/time: 2016-11-07 21:30", Flutter's): one time under them is when it began. */
const MOMENT_LABELS = new Set(['time', 'when', 'date and time', 'date/time', 'date & time']);
/**
 * So is one under a label of the incident's date, which states no field of its own: "Date of Incident:
 * Wednesday 20th September 2023, 14:32 UTC", "**Date:** 2026-01-05 02:13 UTC".
 */
const INCIDENT_DATE_LABEL = /^(?:(?:date|time)\s+of\s+(?:the\s+)?(?:incident|outage)|(?:incident|outage)\s+(?:date|time)|date)\s*[:\-–—]/i;

/** A label as FIELD_LABELS writes it: "Date / Time" is "date/time", "Start-time" "start time". */
const labelWords = (label: string) => label.toLowerCase().replace(/\s*\/\s*/g, '/').replace(/[\s-]+/g, ' ');

const isMomentLabel = (label: string) => MOMENT_LABELS.has(labelWords(label));

export function labelField(label: string): SummaryField | null {
  const words = labelWords(label);
  for (const [field, labels] of Object.entries(FIELD_LABELS) as [SummaryField, string[]][]) {
    if (labels.includes(words)) return field;
  }
  return null;
}

/** How many times longer the window must be, read month first, for the day-first reading to win. */
const MUCH_LONGER = 4;

/**
 * "02/02/2022, 3:AM" to "08/02/2022, 5:PM": slashes are read month first, as in the US, which makes this
 * window half a year long; read day first, it is six days. When a window's numeric dates read month
 * first could be either way, and month first it ends before it starts or lasts many times longer than
 * day first, both ends are read day first: an outage lasts hours or days far more often than months.
 */
function slashDatesRead(text: string, start: SummaryTime, end: SummaryTime): [SummaryTime, SummaryTime] {
  let ambiguous = false;
  const otherWay = (time: SummaryTime): SummaryTime => {
    const date = time.date;
    // Only a date written with the time (not one paired from elsewhere in the line), read again day first.
    const dayFirst = date && time.stamp.date === date ? readDateAt(text, time.start, 'day-first')?.date : undefined;
    if (!date || !dayFirst || (dayFirst.month === date.month && dayFirst.day === date.day)) return time;
    ambiguous = true;
    return { ...time, date: dayFirst, stamp: { ...time.stamp, date: dayFirst } };
  };
  const swapped: [SummaryTime, SummaryTime] = [otherWay(start), otherWay(end)];
  if (!ambiguous) return [start, end];
  // Zones left aside: both ends of one window are compared.
  const span = ([from, to]: [SummaryTime, SummaryTime]) => axisMinutes(to.date, to.stamp, null, PLACEHOLDER_YEAR) - axisMinutes(from.date, from.stamp, null, PLACEHOLDER_YEAR);
  const asWritten = span([start, end]);
  const otherSpan = span(swapped);
  return otherSpan >= 0 && (asWritten < 0 || asWritten > MUCH_LONGER * otherSpan) ? swapped : [start, end];
}

/** Pair each time in a line with a date and zone written in the same line, as people read it. */
function resolveLineStamps(stamps: Stamp[]): Array<{ stamp: Stamp; date: CalendarDate | null; zone: Zone | null }> {
  const resolved: Array<{ stamp: Stamp; date: CalendarDate | null; zone: Zone | null }> = [];
  let lastDate: CalendarDate | null = null;
  for (let i = 0; i < stamps.length; i++) {
    const stamp = stamps[i];
    if (stamp.date) lastDate = stamp.date;
    if (!stamp.time) continue;
    // "from 10:00 AM UTC to 12:15 PM UTC on April 10th, 2024": a date later in the line covers it too.
    const date = stamp.date ?? lastDate ?? stamps.slice(i + 1).find((s) => s.date)?.date ?? null;
    // "10:30 AM - 1:15 PM (UTC)": a zone written after the last time covers the ones before it.
    const zone = stamp.zone ?? stamps.slice(i + 1).find((s) => s.zone)?.zone ?? [...stamps.slice(0, i)].reverse().find((s) => s.zone)?.zone ?? null;
    resolved.push({ stamp, date, zone });
  }
  return resolved;
}

/**
 * Where a time read from a line's plain words stands in the line as written: the whole of it, else its
 * longest first words ("**10:00 am GMT** on **3rd June 2023**" is "10:00 am GMT on 3rd June 2023" in
 * plain words, which the line does not hold whole). Document offsets; the content's start when none is found.
 */
function toDocument(lineStart: number, raw: string, contentOffset: number, written: string): [number, number] {
  for (let piece = written; piece.trim() !== ''; piece = piece.replace(/\s*\S+\s*$/, '')) {
    const at = raw.indexOf(piece, contentOffset);
    if (at >= 0) return [lineStart + at, lineStart + at + piece.length];
  }
  return [lineStart + contentOffset, lineStart + contentOffset + written.length];
}

/**
 * A lone time said to be when it began: "Errors began at 10:00", "from 10:00 UTC", or "began" anywhere
 * in a line that is one short fact ("10:00 UTC, when the outage started"). A "from" after the time
 * ("… blocked external actors from accessing …") says nothing of it.
 */
function saidToStart(value: string, at: number): boolean {
  const sentence = sentenceAround(value, at);
  const from = value.lastIndexOf(sentence, at);
  if (START_WORDS.test(value.slice(Math.max(0, from), at))) return true;
  return sentence.length === value.length && value.length <= SHORT_FACT && BEGAN.test(value);
}

/** A line this short, one sentence, is one fact: "10:00 UTC, when the outage started". */
const SHORT_FACT = 200;

const START_WORDS = /\b(?:start(?:ed|ing)?|began|beginning|from|since)\b/i;
const BEGAN = /\b(?:start(?:ed|ing)?|began|beginning)\b/i;

/** The sentence of `text` around `position` ("Jan. 8th" goes on: a sentence ends before a capital). */
function sentenceAround(text: string, position: number): string {
  let start = 0;
  let end = text.length;
  for (const boundary of text.matchAll(/[.!?]\s+(?=[A-Z])/g)) {
    const at = boundary.index ?? 0;
    if (at < position) start = at + boundary[0].length;
    else {
      end = at;
      break;
    }
  }
  return text.slice(start, end);
}


const ORNAMENT = /^[\p{So}\p{Sm}]+\s*/u;

/**
 * What a line says, in plain words, as the label-and-value pieces the summary reader takes: the line
 * itself ("❖Incident Duration: 5 hours" without its ornament), or under a table whose header names
 * summary facts ("| Incident Duration |" over "| 3h 45m |"), "Incident Duration: 3h 45m" for each.
 */
function piecesOf(md: MarkdownLines, line: number, text: string): string[] {
  const header = md.info[line].blockStart;
  if (md.info[line].kind === 'table-row' && md.info[header]?.kind === 'table-header') {
    const labels = cellsOf(md.index.lines[header].text);
    const cells = cellsOf(text);
    const facts = labels.flatMap((label, column) => (labelField(label) && cells[column] ? [`${label}: ${cells[column]}`] : []));
    if (facts.length) return facts;
    // A table of two columns, a label and its value on each row ("| Time | 0730 - 1230 (UTC) |").
    const rowLabel = cells.length === 2 ? cells[0].replace(/:$/, '') : '';
    if (labels.length === 2 && rowLabel && labelField(rowLabel) && cells[1]) return [`${rowLabel}: ${cells[1]}`];
  }
  // "Description: …<br> Date/time: 2023-08-26 21:14 PDT<br> Duration: 15 hours 40 minutes" (Flutter's
  // postmortems): labelled facts parted by line breaks written as HTML, each a piece of its own.
  if (LINE_BREAK_TAG.test(text)) return text.split(LINE_BREAK_TAG).map((piece) => plainText(piece).replace(ORNAMENT, '').trim()).filter(Boolean);
  return [plainText(text).replace(ORNAMENT, '')];
}


function cellsOf(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => plainText(cell).trim());
}

/** The summary's facts, with what `other` states that it does not (the report's opening table's duration). */
export function withFacts(summary: SummaryFacts, other: SummaryFacts): SummaryFacts {
  return {
    ...summary,
    start: summary.start ?? other.start,
    end: summary.end ?? other.end,
    stated: summary.stated ?? other.stated,
    fields: new Set([...summary.fields, ...other.fields]),
    zone: summary.zone ?? other.zone,
    impact: summary.impact ?? other.impact,
    rootCause: summary.rootCause ?? other.rootCause,
  };
}

const DAY_SPAN_JOIN = /^(?:,?\s*\d{4})?\s*(?:to|until|till|through|thru|and|[-–—])\s*$/i;

const DAY_MS = 86_400_000;

/**
 * Days apart with no times, as a span: "between October 9 and October 23, 2025", "from May 3 to May 9". An
 * incident of weeks is told to the day; one from a day to the next ("29 april 2022 - 30 April 2022",
 * corpus 010) still owes its hours.
 */
function isDaySpan(value: string, stamps: readonly Stamp[]): boolean {
  if (stamps.some((stamp) => stamp.time)) return false;
  for (let k = 0; k + 1 < stamps.length; k++) {
    const [first, second] = [stamps[k].date, stamps[k + 1].date];
    if (!first || !second) continue;
    const year = second.year ?? first.year ?? 2000;
    if (Date.UTC(year, second.month - 1, second.day) - Date.UTC(first.year ?? year, first.month - 1, first.day) < 2 * DAY_MS) continue;
    const join = value.slice(stamps[k].end, stamps[k + 1].start);
    if (!DAY_SPAN_JOIN.test(join)) continue;
    if (/\band\b/i.test(join) ? /\bbetween\s+$/i.test(value.slice(Math.max(0, stamps[k].start - 12), stamps[k].start)) : true) return true;
  }
  return false;
}

/** The summary field whose label opens a line that gives its value after it ("**Duration:** March 15, …"); else null. */
export function fieldOfLine(raw: string): SummaryField | null {
  const label = LABEL.exec(plainText(raw.slice(skipLinePrefix(raw))));
  return label !== null && label[2].trim() !== '' ? labelField(label[1]) : null;
}

// curl's output pasted as text: its status line, and the headers under it.
const HTTP_STATUS_LINE = /^[ \t]*HTTP\/\d(?:\.\d)?[ \t]+\d{3}\b/;
const HTTP_HEADER_LINE = /^[ \t]*[A-Za-z][A-Za-z0-9-]*:[ \t]*\S/;

/**
 * The summary's facts in lines `firstLine` to `lastLine`. `tablesOnly`: only facts written in tables or
 * labelled lines (a report's opening "Impact" table, or "**Impact Window:** …", before its summary), no prose. `setOrder`: the order of every
 * numeric date (the postmortem.dateOrder setting's, or the document's own); null reads them as written.
 * `firstColumn`: where `firstLine` starts to count (past a heading's name: "##### Issue Summary: Duration: …").
 */
export function readSummary(md: MarkdownLines, firstLine: number, lastLine: number, tablesOnly = false, setOrder: DateOrder | null = null, firstColumn = 0): SummaryFacts {
  const facts: SummaryFacts = { start: null, end: null, stated: null, fields: new Set(), zone: null, impact: null, rootCause: null };
  const { lines } = md.index;
  let pendingField: SummaryField | null = null;
  const prose: number[] = [];
  let firstAt: SummaryTime | null = null;
  let endAlone: SummaryTime | null = null;
  let daySpan = false;
  // Paragraphs so far, and the one that gave the start: a recovery told pages later ends a step of the story, not the window.
  let paragraph = 0;
  let startParagraph = -1;
  let inHttpResponse = false;
  for (let i = firstLine; i <= lastLine; i++) {
    const kind = md.info[i].kind;
    if (kind === 'blank' || kind === 'fenced-code' || kind === 'frontmatter' || kind === 'rule') {
      inHttpResponse = false;
      continue;
    }
    if (i === firstLine || md.info[i - 1].kind === 'blank') paragraph++;
    const raw = lines[i].text;
    // "HTTP/1.0 500 Internal Server Error" then "Date: Tue, 1 Nov 2022 07:32:16 GMT" (curl's output pasted
    // as text, an ALX report): the status tells what users got, the headers under it are the server's.
    const statusLine = HTTP_STATUS_LINE.test(raw);
    inHttpResponse = statusLine || (inHttpResponse && HTTP_HEADER_LINE.test(raw));
    if (inHttpResponse && !statusLine) continue;
    // Above a summary heading, a table's cells or a labelled line ("**Impact Window:** 02:00–02:08 CET"), no prose.
    if (tablesOnly && kind !== 'table-row' && !(raw.length <= MAX_LINE_LENGTH && fieldOfLine(raw) !== null)) continue;
    // No one writes a summary line this long (a pasted log, a binary file): its words count as prose for
    // impact and root cause, but its times are not read (pairing them costs the square of their number).
    if (raw.length > MAX_LINE_LENGTH) {
      prose.push(i);
      continue;
    }
    const contentOffset = i === firstLine ? Math.max(skipLinePrefix(raw), firstColumn) : skipLinePrefix(raw);
    let labelsOnly = true;
    for (const written of piecesOf(md, i, raw.slice(contentOffset))) labelsOnly = readPiece(i, raw, contentOffset, written) && labelsOnly;
    if (startParagraph === -1 && (facts.start || firstAt)) startParagraph = paragraph;
    // A label alone ("**Impact:**") is no prose: its own word would state what nothing after it says.
    if (!tablesOnly && !labelsOnly) prose.push(i);
  }
  /** Reads one piece of line `i`; true when it is a label alone, whose value is yet to come. */
  function readPiece(i: number, raw: string, contentOffset: number, written: string): boolean {
    const kind = md.info[i].kind;
    // "from midnight to 2:30 AM", "noon until 3 PM": the same length, so offsets still fit the line.
    const content = withClockWords(written);
    if (!facts.zone) facts.zone = findZone(content)?.zone ?? null;
    const label = LABEL.exec(content);
    // "### Root Cause" nested under the summary's heading: a label whose value is below it.
    const headingField = !label && kind === 'heading' ? labelField(content.replace(/[\s:]+$/, '')) : null;
    let field: SummaryField | null = label ? labelField(label[1]) : headingField;
    let value = label ? label[2] : headingField ? '' : content;
    if (!field && pendingField && content) {
      field = pendingField; // "Duration:" on its own line, the value below it.
    }
    // A label with nothing after it states its field only once a value comes below it: an empty
    // "**Impact:**" (a skeleton not yet filled in) states nothing.
    const awaitsValue = Boolean((label && !label[2].trim()) || headingField);
    pendingField = awaitsValue ? field : null;
    if (field && !awaitsValue) facts.fields.add(field);
    const said = value.trim();
    if (field === 'impact' && said && !facts.impact) facts.impact = { text: said, line: i };
    if (field === 'root-cause' && said && !facts.rootCause) facts.rootCause = { text: said, line: i };
    const fourDigits = field === 'duration' || field === 'start' || field === 'end' ? fourDigitRange(value) : [];
    const read = findStamps(value, setOrder ?? 'usual');
    const found = withBareHours(value, fourDigits.length && !read.some((stamp) => stamp.time) ? fourDigits : read);
    if (!daySpan) daySpan = isDaySpan(value, read);
    const stamps = resolveLineStamps(withoutRestatements(value, found));
    // The value as written ("midnight", not the clock that stands for it), to find it in the line.
    const writtenValue = written.slice(written.length - value.length);
    const timed = stamps.filter(({ stamp }) => !FORECAST.test(value.slice(0, stamp.start))).map(({ stamp, date, zone }) => {
      const [start, end] = toDocument(lines[i].start, raw, contentOffset, writtenValue.slice(stamp.start, stamp.end));
      return { stamp, date, zone, start, end, ...(field === 'start' || field === 'end' || field === 'duration' ? { labelled: true as const } : {}) };
    });
    // The window's times: in prose, none told many paragraphs after its start ("On June 17th at 18:00 UTC
    // t2bot.io went down" … "The backups took until 02:50 UTC"), a step of the story, not the incident's end.
    const moments = field || startParagraph === -1 || paragraph - startParagraph <= NEAR_PARAGRAPHS ? timed : [];
    // "…until 5:01 PM", "…restored at 1:02 PM", "resumed normal operations by 12:15PM PT": a time that ends the window.
    const endsHere = (t: (typeof timed)[number]) => END_CONTEXT.test(value.slice(0, t.stamp.start)) || RECOVERED_BY.test(value.slice(0, t.stamp.start))
      || (AS_OF.test(value.slice(0, t.stamp.start)) && DONE_AFTER.test(value.slice(t.stamp.end)));
    if (!firstAt && moments[0] && !endsHere(moments[0])) {
      const before = value.slice(0, moments[0].stamp.start);
      const day = dayBefore(value, moments[0].stamp, found);
      if ((START_CONTEXT.test(before) || (day !== undefined && START_CONTEXT.test(value.slice(0, day.start)))) && !NOTICED_AT.test(before)) firstAt = moments[0];
    }
    if (field === 'start' && moments[0] && !facts.start) facts.start = moments[0];
    else if (field === 'end' && moments[0] && !facts.end) facts.end = moments[0];
    else if (moments.length >= 2 && (field === 'duration' || RANGE_WORDS.test(value) || /\d\s*(?:[-–—~→]|->|to|until|till|and)\s*\S/i.test(value) || isClockRange(value, moments[0].stamp, moments[1].stamp))) {
      if (!facts.start) facts.start = moments[0];
      // "started … around 11:00 GMT, a full outage by 17:00 GMT … resolved at 23:01 GMT": the time said to end it, else the second.
      if (!facts.end) facts.end = moments.find((t, k) => k > 0 && endsHere(t)) ?? moments[1];
    } else if (moments.length === 1 && !facts.start && (saidToStart(value, moments[0].stamp.start) || (label !== null && isMomentLabel(label[1])) || INCIDENT_DATE_LABEL.test(content))
      && !(firstAt && firstAt !== moments[0] && LATER_EPISODE.test(sentenceAround(value, moments[0].stamp.start)))) {
      facts.start = moments[0];
    }
    // "At 3:00 PM … until 5:01 PM", "…inaccessible for two hours until 1:02 PM": once a start is known.
    const until = facts.end ? undefined : moments.find((t) => t !== facts.start && endsHere(t));
    if (until && (facts.start || (firstAt && firstAt !== until))) {
      if (!facts.start) facts.start = firstAt;
      facts.end = until;
    } else if (until && !endAlone) {
      endAlone = until;
    }
    // Durations are read in any field when the words say so ("Impact: unavailable for 3 hours").
    if (field !== 'start' && field !== 'end') {
      const spans = timed.map((t) => [t.stamp.start, t.stamp.end]);
      const durations = findDurations(value).filter((d) => {
        const before = value.slice(Math.max(0, d.start - 40), d.start);
        const offset = (OFFSET.test(value.slice(d.end)) && !SPAN_WORDS.test(before)) || (AFTER_LEAD.test(before) && !DONE_AFTER.test(value.slice(d.end)));
        return !spans.some(([s, e]) => d.start < e && d.end > s) && !offset && !RESPONSE_TIME.test(before)
          && !(field === null && firstAt && !timed.includes(firstAt) && LATER_EPISODE.test(sentenceAround(value, d.start)));
      });
      const chosen = field === 'duration' ? durations[0] : durations.find((d) => {
        const before = value.slice(Math.max(0, d.start - 40), d.start);
        return DURATION_CONTEXT.test(before) || AFTER_WINDOW.test(before);
      });
      if (chosen && !facts.stated) {
        const at = raw.indexOf(chosen.text);
        // Plain text drops a "~" (strikethrough to Markdown): the raw line says whether the figure is rounded.
        const approximate = chosen.approximate || (at >= 0 && isApproximate(raw.slice(Math.max(0, at - 16), at))) || ROUGH_TIME.test(sentenceAround(value, chosen.start));
        // A part of the incident ("down … for 15 minutes around 11:45AM") says the whole lasted at least that long.
        const bound = chosen.bound === 'exact' && ANCHORED_SPAN.test(value.slice(chosen.end)) ? 'at-least' : chosen.bound;
        facts.stated = { ...chosen, bound, approximate, line: i, offset: at >= 0 ? lines[i].start + at : lines[i].start + contentOffset, labelled: field === 'duration' };
        facts.fields.add('duration');
      }
    }
    return awaitsValue && field !== null;
  }
  // "At 3:00 PM Eastern time, the home page …": a lone time in the summary is when it began.
  if (!facts.start && !facts.end && firstAt) facts.start = firstAt;
  // "The issues were resolved at 2:57 pm PST that day" with no start in the summary: its end alone.
  if (!facts.end && endAlone && endAlone !== facts.start) facts.end = endAlone;
  // A set order (the team's word, or the document's own) is not second-guessed by the window.
  if (facts.start && facts.end && !setOrder) [facts.start, facts.end] = slashDatesRead(md.index.text, facts.start, facts.end);
  if (facts.start || daySpan) facts.fields.add('start');
  if (facts.end || daySpan) facts.fields.add('end');
  // Days with no times ("between October 9 and October 23, 2025"): when it began and ended, to the day.
  if (daySpan) facts.fields.add('duration');
  // Any two of start, end and duration state the third: "at 5:00am … for 1 hour" says when it ended,
  // roughly when either is rough ("approximately at 5:00am … for 1 hours"), but a reader asks no more.
  if (facts.start && facts.end) facts.fields.add('duration');
  if (facts.stated && (facts.start || facts.end)) {
    facts.fields.add('start');
    facts.fields.add('end');
  }
  // Prose states impact and root cause without labels ("affected 30% of users", "caused by").
  const text = prose.map((i) => lines[i].text).join(' ');
  // "users … unable" within a sentence's reach: a bounded gap, so a long summary full of "users" stays linear.
  if (IMPACT_PROSE.some((words) => words.test(text))) facts.fields.add('impact');
  if (ROOT_CAUSE_PROSE.some((words) => words.test(text))) facts.fields.add('root-cause');
  return facts;
}
