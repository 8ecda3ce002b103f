// Durations as written ("2 hours and 15 minutes", "approximately 3 hours", "45 min", "1.5 hours",
// "2h 15m", "one day", "an hour", "a week") and as we write them back.

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, fifty: 50,
  half: 0.5, several: NaN, few: NaN,
};

const WORD_NUMBER = '(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|forty|fifty|half)';
// Digits take any unit, "2h 15m" included; number words need a whole unit word ("one day", "an hour").
const PART = `(?:(\\d+(?:[.,]\\d+)?)\\s?(?:-\\s?)?(weeks?|wks?|days?|d|hours?|hrs?|hr|h|minutes?|mins?|min|m|seconds?|secs?|s)|(?<![a-z])(${WORD_NUMBER})[\\s-](weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?))(?![a-z])`;
const DURATION = new RegExp(`(?<![\\p{L}\\d.,])${PART}(?:\\s*(?:,|and|&)?\\s*${PART}){0,2}(?:\\s+and\\s+(?:a\\s+)?half)?`, 'giu');
const SINGLE = new RegExp(PART, 'giu');

export interface StatedDuration {
  minutes: number;
  /** "under 3 hrs" is an upper bound, "more than a half-hour" a lower one. */
  bound: 'exact' | 'at-most' | 'at-least';
  /** "~2hrs", "about 3 hours", "approximately 5 hours": a rounded figure, checked with a wider tolerance. */
  approximate: boolean;
  /** Minutes in the largest unit written (60 for "3 hours and 10 minutes"): how coarse the figure is. */
  unitMinutes: number;
  start: number;
  end: number;
  text: string;
}

function unitMinutes(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith('w')) return 7 * 1440;
  if (u.startsWith('d')) return 1440;
  if (u.startsWith('h')) return 60;
  if (u.startsWith('s')) return 1 / 60;
  return 1;
}

function numberValue(text: string): number {
  const lower = text.toLowerCase();
  if (lower in NUMBER_WORDS) return NUMBER_WORDS[lower];
  return Number(lower.replace(',', '.'));
}

const APPROXIMATE = /(?:~|≈|\b(?:about|approximately|approx\.?|around|roughly|nearly|almost|some|circa|ca\.))\s*$/i;

/** Whether the words just before a duration make it a rounded figure ("~", "about", "approximately"). */
export function isApproximate(before: string): boolean {
  return APPROXIMATE.test(before);
}

// "1 and a half hours": the half comes before the unit.
const AND_A_HALF = new RegExp(`(?<![\\p{L}\\d.,])(\\d+|${WORD_NUMBER})\\s+and\\s+(?:a\\s+)?half\\s+(days?|hours?|hrs?|minutes?|mins?)(?![a-z])`, 'giu');

function boundOf(before: string): StatedDuration['bound'] {
  return /(?:under|less than|within|up to|at most|below)\s*(?:an?\s+)?$/i.test(before) ? 'at-most'
    : /(?:over|more than|at least|above|upwards of)\s*(?:an?\s+)?$/i.test(before) ? 'at-least' : 'exact';
}

/** Every duration written in `text`, left to right. A bare "m"/"s"/"d" needs a digit before it. */
export function findDurations(text: string): StatedDuration[] {
  const found: StatedDuration[] = [];
  const halves: StatedDuration[] = [];
  if (/and\s+(?:a\s+)?half\s/i.test(text)) {
    for (const match of text.matchAll(AND_A_HALF)) {
      const unit = unitMinutes(match[2]);
      const start = match.index ?? 0;
      const before = text.slice(Math.max(0, start - 16), start);
      halves.push({ minutes: Math.round((numberValue(match[1]) + 0.5) * unit), bound: boundOf(before), approximate: isApproximate(before), unitMinutes: unit, start, end: start + match[0].length, text: match[0] });
    }
  }
  for (const match of text.matchAll(DURATION)) {
    if (halves.some((half) => (match.index ?? 0) >= half.start && (match.index ?? 0) < half.end)) continue;
    const written = match[0];
    // "3.7M failed requests", "4.71K": a capital M counts millions, not minutes.
    if (/\dM$/.test(written)) continue;
    // "users seeing 404s", "a spike of 502s": HTTP errors by their status code, not seconds.
    if (/^[45]\d\ds$/.test(written)) continue;
    // "11m DAI of vault deposits", "$2.7m": millions of a currency or a token (yearn's disclosures).
    const at = match.index ?? 0;
    if (/^\d+(?:[.,]\d+)?\s?m$/.test(written) && (/[$€£]\s?$/.test(text.slice(Math.max(0, at - 2), at)) || /^\s+[A-Z]{2,5}\b/.test(text.slice(at + written.length)))) continue;
    let minutes = 0;
    let valid = true;
    let lastUnit = 'm';
    let largestUnit = 0;
    for (const part of written.matchAll(SINGLE)) {
      const value = numberValue(part[1] ?? part[3]);
      lastUnit = part[2] ?? part[4];
      largestUnit = Math.max(largestUnit, unitMinutes(lastUnit));
      if (!Number.isFinite(value)) valid = false;
      minutes += value * unitMinutes(lastUnit);
    }
    if (/and\s+(?:a\s+)?half$/i.test(written)) minutes += 0.5 * unitMinutes(lastUnit);
    // "1h" alone could be a heading number or a footnote; "1 hour"/"1h 15m" are unmistakable.
    if (!valid || minutes <= 0) continue;
    const start = match.index ?? 0;
    const before = text.slice(Math.max(0, start - 16), start);
    const bound = boundOf(before);
    const approximate = isApproximate(before);
    found.push({ minutes: Math.round(minutes), bound, approximate, unitMinutes: largestUnit, start, end: start + written.length, text: written });
  }
  return halves.length ? [...found, ...halves].sort((a, b) => a.start - b.start) : found;
}

/** "2h 15m", "45m", "1d 2h", the compact form for hints and the status bar. */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.abs(Math.round(minutes));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (mins || parts.length === 0) parts.push(`${mins}m`);
  return sign + parts.join(' ');
}

/** "T+1h05m" style offset from incident start. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(Math.round(minutes));
  const hours = Math.floor(absolute / 60);
  const mins = String(absolute % 60).padStart(2, '0');
  return `T${sign}${hours}:${mins}`;
}

/** A duration in words the way `example` writes one: "2 hours and 15 minutes", "2h 15m", "135 min". */
export function formatDurationLike(minutes: number, example: string): string {
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const mins = total % 60;
  if (/\d\s?h\b|\d\s?m\b/i.test(example) && !/hours?|minutes?|mins?/i.test(example)) {
    return formatDuration(total);
  }
  if (/\bmin\b|\bmins\b/i.test(example) && !/hour|hr/i.test(example)) return `${total} min`;
  if (/\bhrs?\b/i.test(example)) {
    return mins ? `${hours} hr${hours === 1 ? '' : 's'} ${mins} min` : `${hours} hr${hours === 1 ? '' : 's'}`;
  }
  const hourText = hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '';
  const minuteText = mins ? `${mins} minute${mins === 1 ? '' : 's'}` : '';
  if (hourText && minuteText) return `${hourText} and ${minuteText}`;
  return hourText || minuteText || '0 minutes';
}
