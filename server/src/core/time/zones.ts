// Time zones as postmortems write them: abbreviations (UTC, WAT, PST), offsets (GMT+1, "GMT+ 1",
// "UTC−05:00" with a Unicode minus), spelled names ("Pacific time", "West African Time") and IANA
// names ("US/Pacific"). Zones that observe daylight saving resolve through Intl for the actual date.

export interface Zone {
  /** How the document names it, tidied: "UTC", "GMT+1", "PST", "Pacific time". */
  label: string;
  /** Fixed offset from UTC in minutes, east positive. */
  offsetMinutes?: number;
  /** IANA zone whose offset depends on the date. */
  iana?: string;
}

const ABBREVIATIONS: Readonly<Record<string, number | string>> = {
  UTC: 0, GMT: 0, Z: 0, UT: 0, WET: 0, WEST: 60, BST: 60, IST: 330, WAT: 60, CAT: 120, EAT: 180,
  SAST: 120, CET: 60, CEST: 120, MET: 60, MEST: 120, EET: 120, EEST: 180, MSK: 180, TRT: 180,
  GST: 240, PKT: 300, NPT: 345, ICT: 420, WIB: 420, SGT: 480, HKT: 480, PHT: 480, AWST: 480,
  CST: -360, CDT: -300, EST: -300, EDT: -240, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150, BRT: -180, ART: -180,
  JST: 540, KST: 540, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  PT: 'America/Los_Angeles', ET: 'America/New_York', CT: 'America/Chicago', MT: 'America/Denver',
};

const SPELLED: ReadonlyArray<[RegExp, number | string]> = [
  [/pacific(?:\s+(?:standard|daylight))?\s+time/iy, 'America/Los_Angeles'],
  [/eastern(?:\s+(?:standard|daylight))?\s+time/iy, 'America/New_York'],
  [/central(?:\s+(?:standard|daylight))?\s+time/iy, 'America/Chicago'],
  [/mountain(?:\s+(?:standard|daylight))?\s+time/iy, 'America/Denver'],
  // "all times in PST/PDT" (Flutter's timelines): local time, standard or daylight as the date has it.
  [/PST\s?\/\s?PDT|PDT\s?\/\s?PST/y, 'America/Los_Angeles'],
  [/EST\s?\/\s?EDT|EDT\s?\/\s?EST/y, 'America/New_York'],
  [/CST\s?\/\s?CDT|CDT\s?\/\s?CST/y, 'America/Chicago'],
  [/MST\s?\/\s?MDT|MDT\s?\/\s?MST/y, 'America/Denver'],
  [/west(?:ern)?\s+(?:central\s+)?africa(?:n)?(?:\s+standard)?\s+time(?:\s*zone)?/iy, 60],
  [/east(?:ern)?\s+africa(?:n)?(?:\s+standard)?\s+time(?:\s*zone)?/iy, 180],
  [/central\s+africa(?:n)?(?:\s+standard)?\s+time(?:\s*zone)?/iy, 120],
  [/south\s+africa(?:n)?(?:\s+standard)?\s+time(?:\s*zone)?/iy, 120],
  [/central\s+european(?:\s+summer)?\s+time/iy, 'Europe/Berlin'],
  [/greenwi[a-z]*(?:\s+mean\s+time)?/iy, 0],
  [/coordinated\s+universal\s+time/iy, 0],
  [/india(?:n)?\s+standard\s+time/iy, 330],
];

const OFFSET = /(?:(UTC|GMT)\s*([+\-−–])\s*(\d{1,2})(?::?(\d{2}))?|([+\-−])(\d{2}):?(\d{2}))(?!\d|:\d)/iy;
const ABBREVIATION = /\(?([A-Za-z]{1,5})\)?(?![\p{L}\d])/uy;
const IANA = /(?:US|UC|America|Europe|Africa|Asia|Australia|Pacific|Atlantic|Indian)\/[A-Za-z_]+(?:\/[A-Za-z_]+)?/y;

export interface ZoneMatch {
  zone: Zone;
  end: number;
}

/** A zone written exactly at `position` of `text`, or null. */
export function readZoneAt(text: string, position: number): ZoneMatch | null {
  OFFSET.lastIndex = position;
  const offset = OFFSET.exec(text);
  if (offset) {
    const [, base, sign1, hours1, minutes1, sign2, hours2, minutes2] = offset;
    const sign = (sign1 ?? sign2) === '+' ? 1 : -1;
    const hours = Number(hours1 ?? hours2);
    const minutes = Number(minutes1 ?? minutes2 ?? 0);
    if (hours <= 14 && minutes < 60) {
      const total = sign * (hours * 60 + minutes);
      const prefix = base ? base.toUpperCase() : 'UTC';
      const label = `${prefix}${sign > 0 ? '+' : '-'}${hours}${minutes ? ':' + String(minutes).padStart(2, '0') : ''}`;
      return { zone: { label, offsetMinutes: total }, end: OFFSET.lastIndex };
    }
  }
  IANA.lastIndex = position;
  const iana = IANA.exec(text);
  if (iana) {
    const name = iana[0].replace(/^UC\//, 'US/');
    const resolved = ianaExists(name) ? name : null;
    if (resolved) return { zone: { label: iana[0], iana: canonicalIana(resolved) }, end: IANA.lastIndex };
  }
  for (const [pattern, value] of SPELLED) {
    pattern.lastIndex = position;
    const spelled = pattern.exec(text);
    if (spelled) return { zone: zoneOf(spelled[0].replace(/\s+/g, ' '), value), end: pattern.lastIndex };
  }
  ABBREVIATION.lastIndex = position;
  const abbreviation = ABBREVIATION.exec(text);
  if (abbreviation) {
    const word = abbreviation[1];
    // Lower-case words are prose ("at", "pt"); accept "Gmt"/"utc" style only for the unambiguous ones.
    const upper = word.toUpperCase();
    const value = ABBREVIATIONS[upper];
    if (value !== undefined && (word === upper || upper === 'UTC' || upper === 'GMT')) {
      if (upper === 'Z' && abbreviation[0] !== 'Z') return null;
      return { zone: zoneOf(upper, value), end: ABBREVIATION.lastIndex };
    }
  }
  return null;
}

/** The first zone written anywhere in `text` ("Timeline (all times in UTC)", "All times in CEST"). */
export function findZone(text: string): ZoneMatch & { start: number } | null {
  const candidates = /(?<![\p{L}\d])(?=[A-Za-z+\-−])/gu;
  for (const match of text.matchAll(candidates)) {
    const position = match.index ?? 0;
    const found = readZoneAt(text, position);
    if (found && found.zone.label !== 'Z' && !(found.zone.label.startsWith('UTC') && /^[+\-−]/.test(text.slice(position)))) {
      return { ...found, start: position };
    }
  }
  return null;
}

function zoneOf(label: string, value: number | string): Zone {
  return typeof value === 'number' ? { label, offsetMinutes: value } : { label, iana: value };
}

const ianaCache = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(iana: string): Intl.DateTimeFormat | null {
  if (!ianaCache.has(iana)) {
    try {
      ianaCache.set(iana, new Intl.DateTimeFormat('en-US', { timeZone: iana, timeZoneName: 'longOffset' }));
    } catch {
      ianaCache.set(iana, null);
    }
  }
  return ianaCache.get(iana) ?? null;
}

function ianaExists(name: string): boolean {
  return formatterFor(name) !== null;
}

function canonicalIana(name: string): string {
  return formatterFor(name)?.resolvedOptions().timeZone ?? name;
}

/** The zone's offset from UTC in minutes at about `utcMillis` (January when the date is unknown). */
export function offsetMinutesAt(zone: Zone, utcMillis: number | null): number {
  if (zone.offsetMinutes !== undefined) return zone.offsetMinutes;
  const formatter = zone.iana ? formatterFor(zone.iana) : null;
  if (!formatter) return 0;
  const when = utcMillis ?? Date.UTC(2024, 0, 15);
  const name = formatter.formatToParts(new Date(when)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '+' ? 1 : -1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** North American zones ("PDT", "EST", "US/Pacific", "Eastern time"), whose writers put the month first in "01-11-2021". */
export function writesMonthFirst(zone: Zone | null): boolean {
  return zone !== null && /^(?:[PMCE][SD]?T|AK[SD]T|HST|US\/|America\/|(?:Pacific|Eastern|Central|Mountain)\b)/i.test(zone.iana ?? zone.label);
}
