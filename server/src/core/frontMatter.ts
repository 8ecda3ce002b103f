// The document's own facts from its YAML front matter (severity, status, authors, lifecycle times), each
// with the offsets of its key and value so that diagnostics, hovers and completions can point at them.
// Broken YAML is kept as errors with their positions; the rest of the document does not depend on it.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { LineIndex } from './text';

/** Default severities and statuses (the settings may replace them). Statuses are in life order. */
export const DEFAULT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5', 'P0', 'P1', 'P2', 'P3', 'P4', 'critical', 'major', 'minor'] as const;
export const DEFAULT_STATUSES = ['draft', 'in-review', 'approved', 'published'] as const;

/** Explicit lifecycle times, in the order they happen; they override what the timeline implies. */
export const LIFECYCLE_KEYS = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type LifecycleKey = (typeof LIFECYCLE_KEYS)[number];

export interface FrontMatterField {
  key: string;
  /** The value as YAML reads it (string, number, list …). */
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
  /** Offsets of the YAML between the fences. */
  start: number;
  end: number;
  /** Top-level keys in written order; empty when the YAML is not a mapping. */
  fields: FrontMatterField[];
  /** YAML syntax errors (the fields read before the first one are still there). */
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
 * The front matter of `text`, when it opens with one (`frontMatter` is the YAML between the fences, as
 * the Markdown reader found it); null otherwise.
 */
export function readFrontMatter(index: LineIndex, frontMatter: string | null): FrontMatter | null {
  if (frontMatter === null || index.lineCount < 2) return null;
  const start = index.lines[1].start;
  const end = start + frontMatter.length;
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
  const value = (key: string) => fields.find((field) => field.key === key)?.value;
  const lifecycle: Partial<Record<LifecycleKey, string>> = {};
  for (const key of LIFECYCLE_KEYS) {
    const time = asText(value(key));
    if (time) lifecycle[key] = time;
  }
  const owner = asText(value('owner'));
  const authors = asList(value('authors') ?? value('author'));
  return {
    start, end, fields, errors,
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

/** The field at `offset` (on its key or its value), if any. */
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
