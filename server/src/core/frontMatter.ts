// The document's own facts from its front matter (severity, status, authors, lifecycle times), each with
// the offsets of its key and value so that diagnostics, hovers and completions can point at them. YAML
// between "---" fences, or TOML between "+++" (Hugo and Zola sites write it so). Broken front matter is
// kept as errors with their positions; the rest of the document does not depend on it.
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import { isMap, isScalar, isSeq, parse as parseYaml, parseDocument, type Node as YamlNode } from 'yaml';
import { frontMatterFence } from './markdown';
import { LineIndex } from './text';
import type { CalendarDate } from './time/timestamp';

export type FrontMatterSyntax = 'yaml' | 'toml';

/** The syntax of the front matter a text opens with (whether or not it has one). */
export function frontMatterSyntaxOf(text: string): FrontMatterSyntax {
  return frontMatterFence(text) === '+++' ? 'toml' : 'yaml';
}

/** The front matter's data as its syntax reads it (TOML dates as the text they stand for); throws when it is broken. */
export function parseFrontMatter(source: string, syntax: FrontMatterSyntax): unknown {
  return syntax === 'toml' ? plainToml(parseToml(source)) : parseYaml(source);
}

/** Default severities and statuses (the settings may replace them). Statuses are in life order. */
export const DEFAULT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5', 'P0', 'P1', 'P2', 'P3', 'P4', 'critical', 'major', 'minor'] as const;
export const DEFAULT_STATUSES = ['draft', 'in-review', 'approved', 'published'] as const;

/** Explicit lifecycle times, in the order they happen; they override what the timeline implies. */
export const LIFECYCLE_KEYS = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type LifecycleKey = (typeof LIFECYCLE_KEYS)[number];

/**
 * Keys only a status page's incident has: cState's `affected` and `resolvedWhen`, Hugo status themes'
 * `affectedsystems`, LiveAgent's status site's `resolvedDate` and `incident_states` (its updates).
 */
const STATUS_PAGE_KEYS = ['affected', 'affectedsystems', 'affectedSystems', 'resolvedWhen', 'resolvedDate', 'incident_states'];

/** A status page's incident: one of its keys, cState's `section: issue`, or a Jekyll status blog's `layout: status`. */
export function isStatusPageIncident(data: Record<string, unknown>): boolean {
  return STATUS_PAGE_KEYS.some((key) => key in data) || data.section === 'issue' || data.layout === 'status';
}

export interface FrontMatterField {
  key: string;
  /** The value as YAML or TOML reads it (string, number, list …; a TOML date as the text it stands for). */
  value: unknown;
  keyStart: number;
  keyEnd: number;
  /** The value's offsets; an empty value sits right after the key's colon. */
  valueStart: number;
  valueEnd: number;
}

export interface FrontMatterError {
  start: number;
  end: number;
  message: string;
}

export interface FrontMatter {
  syntax: FrontMatterSyntax;
  /** Offsets of the YAML or TOML between the fences. */
  start: number;
  end: number;
  /** Top-level keys in written order; empty when the YAML is not a mapping. */
  fields: FrontMatterField[];
  /**
   * Syntax errors (YAML keeps the fields read before the first one; TOML is read whole or not at all,
   * so broken TOML has no fields).
   */
  errors: FrontMatterError[];
  title: string | null;
  date: string | null;
  severity: string | null;
  status: string | null;
  /** `authors` (a name or a list), or else `owner`. */
  authors: string[];
  owner: string | null;
  services: string[];
  tags: string[];
  incidentId: string | null;
  lifecycle: Partial<Record<LifecycleKey, string>>;
}

const asText = (value: unknown): string | null =>
  typeof value === 'string' ? value.trim() || null : typeof value === 'number' ? String(value) : null;

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).map(asText).filter((name): name is string => name !== null)
    .flatMap((name) => (Array.isArray(value) ? [name] : name.split(/\s*,\s*/))).filter(Boolean);

function nodeRange(node: YamlNode | null | undefined): [number, number] | null {
  return node?.range ? [node.range[0], node.range[1]] : null;
}

/**
 * The front matter of `text`, when it opens with one (`frontMatter` is the YAML or TOML between the
 * fences, as the Markdown reader found it); null otherwise.
 */
export function readFrontMatter(index: LineIndex, frontMatter: string | null): FrontMatter | null {
  if (frontMatter === null || index.lineCount < 2) return null;
  const start = index.lines[1].start;
  const syntax = frontMatterSyntaxOf(index.text);
  const { fields, errors } = syntax === 'toml' ? readToml(frontMatter, start) : readYaml(frontMatter, start);
  const value = (key: string) => fields.find((field) => field.key === key)?.value;
  const lifecycle: Partial<Record<LifecycleKey, string>> = {};
  for (const key of LIFECYCLE_KEYS) {
    const time = asText(value(key));
    if (time) lifecycle[key] = time;
  }
  const owner = asText(value('owner'));
  const authors = asList(value('authors') ?? value('author'));
  return {
    syntax, start, end: start + frontMatter.length, fields, errors,
    title: asText(value('title')),
    date: asText(value('date')),
    severity: asText(value('severity')),
    status: asText(value('status')),
    authors: authors.length ? authors : owner ? [owner] : [],
    owner,
    services: asList(value('services')),
    tags: asList(value('tags')),
    incidentId: asText(value('incident_id')),
    lifecycle,
  };
}

function readYaml(frontMatter: string, start: number): { fields: FrontMatterField[]; errors: FrontMatterError[] } {
  const document = parseDocument(frontMatter, { prettyErrors: false, uniqueKeys: false });
  const errors = document.errors.map((error) => ({
    start: start + error.pos[0],
    end: start + Math.max(error.pos[1], error.pos[0] + 1),
    message: error.message.split('\n')[0],
  }));
  const fields: FrontMatterField[] = [];
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      if (!isScalar(pair.key)) continue;
      const keyRange = nodeRange(pair.key);
      if (!keyRange) continue;
      const valueNode = isScalar(pair.value) || isMap(pair.value) || isSeq(pair.value) ? pair.value : null;
      const valueRange = nodeRange(valueNode) ?? [keyRange[1] + 1, keyRange[1] + 1];
      fields.push({
        key: String(pair.key.value),
        value: valueNode ? valueNode.toJSON() : null,
        keyStart: start + keyRange[0],
        keyEnd: start + keyRange[1],
        valueStart: start + Math.min(valueRange[0], frontMatter.length),
        valueEnd: start + Math.min(valueRange[1], frontMatter.length),
      });
    }
  }
  return { fields, errors };
}

/** TOML dates as the text they stand for ("2023-07-21", "2023-07-20T12:17:00Z"); tables and arrays inside, alike. */
function plainToml(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString().replace(/\.000(?=Z|[+-]|$)/, '');
  if (Array.isArray(value)) return value.map(plainToml);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainToml(inner)]));
  return value;
}

/** A top-level `key = value` line: a bare or quoted key (dotted keys make tables, not fields). */
const TOML_KEY_LINE = /^([ \t]*)([A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')[ \t]*=[ \t]*/;
/** A table header: the keys after it are the table's, not the front matter's own. */
const TOML_TABLE = /^[ \t]*\[/;

function readToml(frontMatter: string, start: number): { fields: FrontMatterField[]; errors: FrontMatterError[] } {
  let data: Record<string, unknown>;
  try {
    data = parseFrontMatter(frontMatter, 'toml') as Record<string, unknown>;
  } catch (error) {
    // smol-toml counts lines and columns from 1.
    const at = error instanceof TomlError ? new LineIndex(frontMatter).offsetAt({ line: error.line - 1, character: error.column - 1 }) : 0;
    const reason = error instanceof Error ? error.message.split('\n')[0].replace(/^Invalid TOML document: /, '') : String(error);
    const message = `not valid TOML: ${reason}`;
    return { fields: [], errors: [{ start: start + at, end: start + Math.min(at + 1, Math.max(frontMatter.length, 1)), message }] };
  }
  // smol-toml gives values, not where they are: each top-level key is found on its line. A line inside a
  // multi-line string or array is not a key's, so those are skipped.
  const fields: FrontMatterField[] = [];
  const found = new Set<string>();
  let offset = 0;
  let skipUntil: RegExp | null = null;
  for (const line of frontMatter.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const text = line.replace(/\r$/, '');
    if (skipUntil) {
      if (skipUntil.test(text)) skipUntil = null;
      continue;
    }
    if (TOML_TABLE.test(text)) break;
    const key = TOML_KEY_LINE.exec(text);
    if (!key) continue;
    const name = key[2].startsWith('"') ? (JSON.parse(key[2]) as string) : key[2].replace(/^'|'$/g, '');
    if (!Object.hasOwn(data, name) || found.has(name)) continue;
    found.add(name);
    const valueText = text.slice(key[0].length);
    skipUntil = multiLineEnd(valueText);
    const valueEnd = skipUntil ? text.length : key[0].length + valueLength(valueText);
    fields.push({
      key: name,
      value: data[name],
      keyStart: start + lineStart + key[1].length,
      keyEnd: start + lineStart + key[1].length + key[2].length,
      valueStart: start + lineStart + key[0].length,
      valueEnd: start + lineStart + valueEnd,
    });
  }
  return { fields, errors: [] };
}

/** How a value that goes on past its line ends: a multi-line string's closing quotes, an array's "]" at a line's end. */
function multiLineEnd(value: string): RegExp | null {
  for (const quotes of ['"""', "'''"]) {
    if (value.startsWith(quotes) && !value.slice(3).includes(quotes)) return new RegExp(quotes);
  }
  if (value.startsWith('[') && !/\][ \t]*(?:#.*)?$/.test(value)) return /\][ \t]*(?:#.*)?$/;
  return null;
}

/** The value's length on its line: up to a comment outside quotes, less trailing spaces. */
function valueLength(value: string): number {
  let quote: string | null = null;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') return value.slice(0, i).trimEnd().length;
  }
  return value.trimEnd().length;
}

/** The field at `offset` (on its key or its value), if any. */
/** The front matter's top-level values by key (a key written twice: its last value, as YAML keeps it). */
export function valuesOf(frontMatter: FrontMatter): Record<string, unknown> {
  return Object.fromEntries(frontMatter.fields.map((field) => [field.key, field.value]));
}

export function fieldAt(frontMatter: FrontMatter, offset: number): FrontMatterField | undefined {
  return frontMatter.fields.find((field) => offset >= field.keyStart && offset <= Math.max(field.valueEnd, field.keyEnd + 1));
}

/** How far along its life the document is: the status's place in `statuses` (-1: none or unknown). */
export function statusRank(frontMatter: FrontMatter | null, statuses: readonly string[]): number {
  const status = frontMatter?.status?.toLowerCase();
  return status ? statuses.findIndex((name) => name.toLowerCase() === status) : -1;
}

/** The year of the front matter's `date` (YYYY-MM-DD), for dates written without one. */
export function frontMatterYear(frontMatter: FrontMatter | null): number | null {
  const year = /^(\d{4})-/.exec(frontMatter?.date ?? '')?.[1];
  return year ? Number(year) : null;
}

/** The front matter's `date` as a day ("2018-01-11", "2023-03-23T20:10:01Z"), or null. */
export function frontMatterDay(frontMatter: FrontMatter | null): CalendarDate | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(frontMatter?.date ?? '');
  return day ? { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) } : null;
}
