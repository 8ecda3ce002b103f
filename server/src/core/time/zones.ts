// Time zones as postmortems write them: abbreviations (UTC, WAT, PST), offsets (GMT+1, "GMT+ 1",
// "UTC−05:00" with a Unicode minus), spelled names ("Pacific time", "West African Time"), IANA
// names ("US/Pacific") and cities ("16:37 Denver", "Berlin time"). Zones that observe daylight saving
// resolve through Intl for the actual date.

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

// Not the next time of a range: "3:15 PM UTC - 5:00 PM UTC", "(01:41 UTC - 11:15 UTC)".
const OFFSET = /(?:(UTC|GMT)\s*([+\-−–])\s*(\d{1,2})(?::?(\d{2}))?|([+\-−])(\d{2}):?(\d{2}))(?!\d|:\d|\s?[ap]\.?m\b|\s?(?:UTC|GMT)\b)/iy;
/** Every zone's offset is whole hours, or a half or three quarters past (India's +5:30, Nepal's +5:45). */
const OFFSET_MINUTES = new Set([0, 30, 45]);
const ABBREVIATION = /\(?([A-Za-z]{1,5})\)?(?![\p{L}\d])/uy;
const IANA = /(?:US|UC|America|Europe|Africa|Asia|Australia|Pacific|Atlantic|Indian)\/[A-Za-z_]+(?:\/[A-Za-z_]+)?/y;

export interface ZoneMatch {
  zone: Zone;
  end: number;
}

/**
 * A zone written exactly at `position` of `text`, or null. `afterTime`: right after a clock time, where
 * a city alone names its zone too (see readCityAt).
 */
export function readZoneAt(text: string, position: number, afterTime?: { bracketed: boolean }): ZoneMatch | null {
  OFFSET.lastIndex = position;
  const offset = OFFSET.exec(text);
  if (offset) {
    const [, base, sign1, hours1, minutes1, sign2, hours2, minutes2] = offset;
    const sign = (sign1 ?? sign2) === '+' ? 1 : -1;
    const hours = Number(hours1 ?? hours2);
    const minutes = Number(minutes1 ?? minutes2 ?? 0);
    if (hours <= 14 && OFFSET_MINUTES.has(minutes)) {
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
  const city = readCityAt(text, position, afterTime !== undefined, afterTime?.bracketed);
  if (city) return city;
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

// Cities name zones the way IANA does (the last part of "America/Denver", "America/New_York"); Intl
// lists them, so only the cities it does not name are written here: newer spellings and tech hubs.
const CITIES_BESIDES_IANA: Readonly<Record<string, string>> = {
  kolkata: 'Asia/Kolkata', kathmandu: 'Asia/Kathmandu', kyiv: 'Europe/Kiev', ho_chi_minh: 'Asia/Saigon', yangon: 'Asia/Rangoon',
  san_francisco: 'America/Los_Angeles', seattle: 'America/Los_Angeles', mountain_view: 'America/Los_Angeles',
  boston: 'America/New_York', atlanta: 'America/New_York', dallas: 'America/Chicago', austin: 'America/Chicago',
  bangalore: 'Asia/Kolkata', bengaluru: 'Asia/Kolkata', mumbai: 'Asia/Kolkata', delhi: 'Asia/Kolkata', hyderabad: 'Asia/Kolkata',
  beijing: 'Asia/Shanghai', munich: 'Europe/Berlin', frankfurt: 'Europe/Berlin', abuja: 'Africa/Lagos',
};
// IANA's names that are words of prose or of deployments ("Canary", "Center", "Wake", "Resolute"):
// never a zone.
const NOT_CITIES = new Set(['center', 'resolute', 'christmas', 'easter', 'midway', 'wake', 'reunion', 'troll', 'oral', 'canary', 'vatican']);
// Cities that are also people's names ("14:02 Sofia: seeing errors", "10:00 Austin restarted it"):
// a zone only as "Sofia time" or in brackets after the time.
const NAMES_TOO = new Set(['sofia', 'sydney', 'adelaide', 'santiago', 'vienna', 'paris', 'austin', 'dallas', 'regina', 'stanley', 'casey',
  'davis', 'palmer', 'darwin', 'hobart', 'knox', 'dawson', 'beulah', 'mendoza', 'havana', 'jersey', 'phoenix', 'lima', 'perth', 'boston',
  'atlanta', 'madrid', 'florence', 'macau', 'chita', 'merida']);

let cities: Map<string, string> | null = null;

function cityZones(): Map<string, string> {
  if (!cities) {
    cities = new Map();
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    for (const iana of zones) {
      const city = iana.slice(iana.lastIndexOf('/') + 1).toLowerCase();
      if (iana.includes('/') && !iana.startsWith('Etc/') && !NOT_CITIES.has(city) && !cities.has(city)) cities.set(city, iana);
    }
    for (const [city, iana] of Object.entries(CITIES_BESIDES_IANA)) if (!cities.has(city)) cities.set(city, iana);
  }
  return cities;
}

// Up to three capitalised words ("Denver", "New York", "Port-au-Prince", "Sao_Paulo").
const CITY_WORDS = /\p{Lu}\p{L}+(?:[ _-](?:\p{Lu}\p{L}*|au|of|es|de))?(?:[ _-]\p{Lu}\p{L}*)?/uy;
const TIME_WORD = /[ \t]+time(?![\p{L}\d])/iuy;
// After a time, a city is its zone when nothing but punctuation follows it: "16:37 Denver - Mark
// updated", "18:00 Denver:"; not "14:02 Paris restarted the job".
const CITY_ENDS = /[ \t]*(?:$|[-–—:,;|)\]\r\n])/uy;

/**
 * A city written at `position` as a zone: followed by "time" anywhere ("all times in Berlin time");
 * with `afterTime` (right after a clock time), also followed by punctuation or the line's end, and
 * with `bracketed` (inside a bracket opened after the time), also a city that is someone's name.
 */
function readCityAt(text: string, position: number, afterTime: boolean, bracketed = false): ZoneMatch | null {
  CITY_WORDS.lastIndex = position;
  const written = CITY_WORDS.exec(text)?.[0];
  if (!written) return null;
  // The longest run of words that names a city: "New York" before "New".
  const words = written.split(/(?<=[ _-])/);
  for (let count = words.length; count > 0; count--) {
    const name = words.slice(0, count).join('').trimEnd();
    const iana = cityZones().get(name.toLowerCase().replace(/[ -]/g, '_'));
    if (!iana || /[ _-]$/.test(name)) continue;
    const end = position + name.length;
    TIME_WORD.lastIndex = end;
    if (TIME_WORD.exec(text)) return { zone: { label: `${name} time`, iana }, end: TIME_WORD.lastIndex };
    if (!afterTime || (NAMES_TOO.has(name.toLowerCase()) && !bracketed)) return null;
    CITY_ENDS.lastIndex = end;
    return CITY_ENDS.test(text) ? { zone: { label: name, iana }, end } : null;
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
