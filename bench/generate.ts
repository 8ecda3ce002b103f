// Synthetic postmortems for the benchmarks: a classic-profile document whose Timeline holds N entries
// in the formats real postmortems use (list items, bold labels, tables, headings, plain lines, date
// lines, 12- and 24-hour clocks, military times, zones in brackets, dates in words), about 120 bytes an
// entry. Deterministic: the same size and seed give the same text.

/** A small seeded PRNG (mulberry32), so runs and tests are reproducible. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('the api gateway returned errors for login requests while the on-call engineer checked dashboards ' +
  'database replica lag grew and the queue consumers restarted after the deploy was rolled back by the team ' +
  'customers reported timeouts in the checkout flow so we paged storage and increased the connection pool size ' +
  'to 500 with 3 retries for 30% of hosts').split(' ');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ZONES = ['UTC', 'GMT', 'PST', 'WAT', 'EAT', 'CET', 'GMT+1', 'UTC'];

const pad = (n: number) => String(n).padStart(2, '0');

function sentence(next: () => number, min: number, max: number): string {
  const count = min + Math.floor(next() * (max - min + 1));
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(WORDS[Math.floor(next() * WORDS.length)]);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function twelve(hour: number, minute: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`;
}

type Style = 'dash-24' | 'bold-12' | 'table' | 'heading' | 'plain' | 'bracket' | 'military' | 'iso' | 'words' | 'chrono';
const STYLES: Style[] = ['dash-24', 'bold-12', 'table', 'heading', 'plain', 'bracket', 'military', 'iso', 'words', 'chrono'];

export interface GeneratedDocument {
  text: string;
  entries: number;
}

/** A postmortem with `entries` timeline entries, grouped in runs of one style under dated sub-lists. */
export function generatePostmortem(entries: number, seed = 1): GeneratedDocument {
  const next = random(seed);
  const out: string[] = [];
  const year = 2024;
  let month = 3;
  let day = 10;
  let minuteOfDay = 9 * 60;
  out.push(`# Postmortem: checkout outage of ${MONTHS[month - 1]} ${day}, ${year}`, '');
  out.push('## Issue Summary', '');
  out.push(`- **Duration:** the outage lasted from 09:00 UTC on ${MONTHS[month - 1]} ${day}, ${year} onwards.`);
  out.push('- **Impact:** 30% of users could not check out; payments were delayed.');
  out.push('- **Root cause:** a connection pool exhausted by a retry storm.', '');
  out.push('## Timeline (all times UTC)', '');
  let written = 0;
  while (written < entries) {
    const style = STYLES[Math.floor(next() * STYLES.length)];
    const run = Math.min(entries - written, 5 + Math.floor(next() * 40));
    if (next() < 0.3) {
      out.push(`**${MONTHS[month - 1]} ${day}, ${year}**`, '');
    }
    if (style === 'table') out.push('| Time | Event |', '| --- | --- |');
    for (let i = 0; i < run; i++) {
      minuteOfDay += 1 + Math.floor(next() * 3);
      if (minuteOfDay >= 1440) {
        minuteOfDay -= 1440;
        day++;
        if (day > 28) {
          day = 1;
          month = (month % 12) + 1;
        }
      }
      const hour = Math.floor(minuteOfDay / 60);
      const minute = minuteOfDay % 60;
      const zone = ZONES[Math.floor(next() * ZONES.length)];
      const words = sentence(next, 11, 19);
      switch (style) {
        case 'dash-24': out.push(`- ${pad(hour)}:${pad(minute)} ${zone} — ${words}`); break;
        case 'bold-12': out.push(`- **${twelve(hour, minute)} (${zone}):** ${words}`); break;
        case 'table': out.push(`| ${pad(hour)}:${pad(minute)} | ${words} |`); break;
        case 'heading': out.push(`### ${pad(hour)}:${pad(minute)} ${zone}`, '', words, ''); break;
        case 'plain': out.push(`${twelve(hour, minute)}: ${words}`, '', sentence(next, 4, 8), ''); break;
        case 'bracket': out.push(`* [ ${twelve(hour, minute).toLowerCase()} ${zone} ] ${words}`); break;
        case 'military': out.push(`- ${pad(hour)}${pad(minute)}hrs WAT: ${words}`); break;
        case 'iso': out.push(`- ${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)} UTC: ${words}`); break;
        case 'words': out.push(`1. ${twelve(hour, minute)} UTC, ${MONTHS[month - 1]} ${day}th: ${words}`); break;
        case 'chrono': out.push(`- At ${pad(hour)}:${pad(minute)} UTC on ${MONTHS[month - 1]} ${day}, ${year}, ${words}`); break;
      }
      written++;
    }
    out.push('');
  }
  out.push('## Root Cause and Resolution', '', sentence(next, 30, 60), '');
  out.push('## Corrective and Preventive Measures', '');
  for (let i = 0; i < 5; i++) out.push(`- ${sentence(next, 6, 12)}`);
  out.push('');
  return { text: out.join('\n'), entries };
}

/** Corpus-like small postmortems for the CLI throughput bench: 20-60 entries each. */
export function generateCorpusLike(count: number, seed = 7): string[] {
  const next = random(seed);
  const docs: string[] = [];
  for (let i = 0; i < count; i++) docs.push(generatePostmortem(20 + Math.floor(next() * 40), seed + i).text);
  return docs;
}
