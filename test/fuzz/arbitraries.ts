// Generators for property tests: small postmortems built from the line styles real documents use,
// and mutations of real ones (lines deleted, duplicated, swapped; random Unicode, emoji and astral
// characters before times; CRLF, CR and mixed line endings; a BOM; tabs).
import fc from 'fast-check';

const pad = (n: number) => String(n).padStart(2, '0');

/** A time as postmortems write it, with or without a zone and a date. */
export const timeText: fc.Arbitrary<string> = fc
  .record({
    hour: fc.integer({ min: 0, max: 26 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.option(fc.integer({ min: 0, max: 59 }), { nil: null }),
    style: fc.constantFrom('24', '12', '12dots', 'military', 'hourOnly', 'spaced', 'dotted', 'bracket'),
    zone: fc.constantFrom('', ' UTC', ' (UTC)', ' PST', ' GMT+1', ' GMT+ 1', ' UTC−05:00', ' WAT', ' CEST', ' US/Pacific', ' Europe/Berlin', ' Pacific time', 'Z', ' XYZ', ' +05:30', ' GMT+99'),
    date: fc.constantFrom('', '2024-05-10 ', 'May 10, 2024 ', '10/05/2024 ', '31.12.2023 ', 'Friday, 24 mar 2017 at ', '2024-02-30 ', 'June 7th, '),
  })
  .map(({ hour, minute, second, style, zone, date }) => {
    const sec = second === null ? '' : `:${pad(second)}`;
    const h12 = hour % 12 === 0 ? 12 : hour % 12;
    const ampm = hour < 12 ? 'AM' : 'PM';
    switch (style) {
      case '12': return `${date}${h12}:${pad(minute)}${sec} ${ampm}${zone}`;
      case '12dots': return `${date}${h12}:${pad(minute)} ${ampm === 'AM' ? 'a.m.' : 'p.m.'}${zone}`;
      case 'military': return `${date}${pad(hour)}${pad(minute)}hrs${zone}`;
      case 'hourOnly': return `${date}${h12} ${ampm.toLowerCase()}${zone}`;
      case 'spaced': return `${date}${hour}: ${pad(minute)}${zone}`;
      case 'dotted': return `${date}${pad(hour)}.${pad(minute)}${zone}`;
      case 'bracket': return `[ ${date}${h12}: ${pad(minute)} ${ampm.toLowerCase()}${zone} ]`;
      default: return `${date}${pad(hour)}:${pad(minute)}${sec}${zone}`;
    }
  });

/** Characters that break naive code: astral emoji, combining marks, zero-width joiners, RTL, NUL, lone surrogates. */
const ODD_CHARS = ['😀', '🔥', '👩‍💻', '🏳️‍🌈', '\u{1F6A8}', '𝔘𝔗ℭ', '\u0301', '\u200d', '\u200b', '\u202e', '\ufeff', '\u0000', '\ud800', '\udc00', '\t', '\u00a0', 'ß', 'İ', '：', '１２:３０', '−', '–', '—'];

export const oddText: fc.Arbitrary<string> = fc
  .array(fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ODD_CHARS) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    { weight: 2, arbitrary: fc.constantFrom('**', '_', '`', '<b>', '&amp;', '|', '> ', '- ', '1. ', '#', ':', ' ', '  ', '\\', '[', ']', '(', ')') },
  ), { maxLength: 6 })
  .map((parts) => parts.join(''));

const words = fc.constantFrom('users could not log in', 'deploy started', 'rolled back', 'paged on-call', '', 'x', 'Database failover complete', 'caused by a bad config', 'affected 30% of users');

/** One timeline entry line, in one of the styles the model reads. */
export const entryLine: fc.Arbitrary<string> = fc
  .record({ time: timeText, text: words, style: fc.integer({ min: 0, max: 10 }), prefix: fc.constantFrom('', '', '', '🚨 ', '😀', '\t', '𝔘 ', '**', 'At ') })
  .map(({ time, text, style, prefix }) => {
    switch (style) {
      case 0: return `- ${prefix}${time} ${text}`;
      case 1: return `- **${time}:** ${text}`;
      case 2: return `| ${time} | ${text} |`;
      case 3: return `### ${time}`;
      case 4: return `${prefix}${time} - ${text}`;
      case 5: return `* ${prefix}**${time}** — ${text}`;
      case 6: return `1. ${time}: ${text}`;
      case 7: return `• ${time} ${text}`;
      case 8: return `  - ${prefix}${time} ${text}`;
      // Pasted text that lost its line breaks: entries run on in one line.
      case 10: return `- ${prefix}${time}: ${text}. - ${time}: ${text} ${prefix}${time}: ${text}`;
      default: return `${prefix}${time}: ${text}`;
    }
  });

const sectionTitle = fc.constantFrom(
  'Issue Summary', 'Summary', 'Timeline', 'Timeline (UTC)', 'Timeline (GMT+ 1)', 'Root Cause', 'Root Cause and Resolution',
  'Resolution and Recovery', 'Corrective and Preventive Measures', 'Preventative Measures', 'Action Items', 'Impact',
  'Lessons Learned', 'Detection', 'Trigger', 'Overview', 'What Happened', 'Notes', '😀 Timeline', 'Timeline\t',
);

export const headingLine: fc.Arbitrary<string> = fc
  .record({ title: sectionTitle, style: fc.integer({ min: 0, max: 6 }) })
  .map(({ title, style }) => {
    switch (style) {
      case 0: return `## ${title}`;
      case 1: return `**${title}:**`;
      case 2: return `${title}:`;
      case 3: return `+ ${title}:`;
      case 4: return `# ${title}`;
      case 5: return `<h2>${title}</h2>`;
      default: return `### ${title}`;
    }
  });

export const summaryLine: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('- **Impact:** all users', '- **Root cause:** a typo', 'Root cause: a bad deploy', 'Impact:', ''),
  fc.constantFrom('Duration: 2 hours', 'The outage lasted 45 minutes.', 'Duration: under 3hrs', 'lasted for 2h 15m', 'Duration: one day and a half'),
  timeText.map((t) => `- **Start time:** ${t}`),
  timeText.map((t) => `End Time: ${t}`),
  fc.tuple(timeText, timeText).map(([a, b]) => `From ${a} to ${b}, users saw errors.`),
  fc.tuple(timeText, timeText).map(([a, b]) => `The outage lasted 2 hours, starting at ${a} and ending at ${b}.`),
);

const otherLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.constantFrom('Some prose about the incident.', '```', '~~~', '<!--', '-->', '---', '> quoted', '    indented code', '| Time | Event |', '| --- | --- |', 'All times in CEST', 'May 20:', '### 2024-05-02', '=====', '[^1]: note', '- [ ] action',
    // Git's conflict markers left in the file (a conflict block when they fall in order).
    '<<<<<<< HEAD', '=======', '||||||| base', '>>>>>>> 5d25ca3',
    // Front matter lifecycle times (a document opening with "---" holds them): good, impossible and bad.
    'started: 2024-05-02T10:00Z', 'resolved: 2024-05-02 09:30+02:00', 'detected: 2024-02-31T10:00Z', 'acknowledged: soon', '- 10:05 [acknowledged] on-call joined',
    // TOML front matter (a document opening with "+++"): keys, a table, a multi-line array, broken TOML.
    '+++', 'severity = "sev1"  # comment', 'started = 2024-05-02T10:00:00Z', 'date = 2024-05-02', '[extra]', 'authors = [', ']', 'title = "unclosed') },
  { weight: 1, arbitrary: oddText },
);

/** A small postmortem: a title, then sections in random order with random bodies. */
export const smallPostmortem: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.constantFrom('# Postmortem: API outage', '# Incident report', 'Post-mortem', '---\ntype: postmortem\n---', '+++\ntitle = "Queue postmortem"\n\n[extra]\n+++', '+++\ntype = "postmortem"', '# 😀 Postmortem', ''),
    fc.array(
      fc.tuple(headingLine, fc.array(fc.oneof({ weight: 3, arbitrary: entryLine }, { weight: 2, arbitrary: summaryLine }, { weight: 2, arbitrary: otherLine }), { maxLength: 8 })),
      { maxLength: 6 },
    ),
  )
  .map(([title, sections]) => [title, ...sections.flatMap(([heading, body]) => [heading, ...body])]);

export type Eol = '\n' | '\r\n' | '\r' | 'mixed';

/** Joins lines with the given line ending ("mixed" picks per line); optionally a BOM first. */
export function joinWith(lines: string[], eol: Eol, bom: boolean, seed: number): string {
  const breaks = ['\n', '\r\n', '\r'];
  let text = bom ? '\ufeff' : '';
  lines.forEach((line, i) => {
    text += line;
    if (i < lines.length - 1) text += eol === 'mixed' ? breaks[(seed + i * 7) % 3] : eol;
  });
  return text;
}

export const layout = fc.record({
  eol: fc.constantFrom<Eol>('\n', '\n', '\r\n', '\r', 'mixed'),
  bom: fc.boolean(),
  trailingBreak: fc.boolean(),
  seed: fc.nat({ max: 1000 }),
});

export const smallDocument: fc.Arbitrary<string> = fc
  .tuple(smallPostmortem, layout)
  .map(([lines, { eol, bom, trailingBreak, seed }]) => joinWith(trailingBreak ? [...lines, ''] : lines, eol, bom, seed));

/** A line-level mutation of an existing document. */
export type Mutation =
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'swap'; at: number; other: number }
  | { op: 'insert'; at: number; line: string }
  | { op: 'unicode'; at: number; column: number; text: string }
  | { op: 'emoji-before-time'; at: number; emoji: string }
  | { op: 'conflict'; at: number; count: number; base: boolean };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), other: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), line: fc.oneof(entryLine, headingLine, summaryLine, otherLine) }),
  fc.record({ op: fc.constant('unicode' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), column: fc.nat({ max: 40 }), text: oddText }),
  // Git's conflict markers around a run of lines, its two halves the two sides (diff3's base line, or not).
  fc.record({ op: fc.constant('conflict' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), count: fc.integer({ min: 0, max: 6 }), base: fc.boolean() }),
  fc.record({ op: fc.constant('emoji-before-time' as const), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), emoji: fc.constantFrom('😀', '🚨 ', '👩‍💻', '𝔘', '\u{1F525}\u{FE0F} ', '\t') }),
);

export function mutate(lines: string[], m: Mutation): string[] {
  const out = lines.slice();
  const at = Math.min(out.length - 1, Math.floor(m.at * out.length));
  switch (m.op) {
    case 'delete': out.splice(at, m.count); break;
    case 'duplicate': out.splice(at, 0, ...out.slice(at, at + m.count)); break;
    case 'swap': {
      const other = Math.min(out.length - 1, Math.floor(m.other * out.length));
      [out[at], out[other]] = [out[other], out[at]];
      break;
    }
    case 'insert': out.splice(at, 0, m.line); break;
    case 'unicode': {
      const line = out[at] ?? '';
      const column = Math.min(line.length, m.column);
      out[at] = line.slice(0, column) + m.text + line.slice(column);
      break;
    }
    case 'conflict': {
      const side = out.slice(at, at + m.count);
      const half = Math.floor(side.length / 2);
      const ours = side.slice(0, half);
      const theirs = side.slice(half);
      out.splice(at, side.length, '<<<<<<< HEAD', ...ours, ...(m.base ? ['||||||| base', ...ours] : []), '=======', ...theirs, '>>>>>>> 5d25ca3');
      break;
    }
    case 'emoji-before-time': {
      // Before the first digit of a line that has a time; else the line's start.
      const candidates = out.map((line, i) => ({ line, i })).filter(({ line }) => /\d{1,2}[:.h]\d{2}/.test(line));
      const target = candidates.length ? candidates[Math.floor(m.at * candidates.length)] : { line: out[at] ?? '', i: at };
      const digit = target.line.search(/\d/);
      const column = digit < 0 ? 0 : digit;
      out[target.i] = target.line.slice(0, column) + m.emoji + target.line.slice(column);
      break;
    }
  }
  return out.length ? out : [''];
}

export const splitLines = (text: string): string[] => text.split(/\r\n|\r|\n/);
