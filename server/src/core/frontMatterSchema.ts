// The front matter checked against the JSON Schema the extension ships (schemas/), with ajv: one schema
// for us and for other tools. The severity and status lists come from the settings, so the schema is
// compiled once per pair of lists.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import shippedSchema from '../../../schemas/postmortem-frontmatter.schema.json';
import { isStatusPageIncident, LIFECYCLE_KEYS, valuesOf, type FrontMatter, type FrontMatterField } from './frontMatter';

export const FRONT_MATTER_SCHEMA = shippedSchema;

/** What a front matter key means and which values it takes, from the schema (for hovers and completion). */
export interface KeyDoc {
  key: string;
  description: string;
  values: readonly string[];
}

export interface FrontMatterLists {
  severities: readonly string[];
  statuses: readonly string[];
}

export interface FrontMatterProblem {
  field: FrontMatterField;
  message: string;
  /** The values the key takes, when it takes one of a list (for a quick fix). */
  allowed: string[];
}

type PropertySchema = { description?: string; enum?: string[] };
const PROPERTIES = shippedSchema.properties as Record<string, PropertySchema>;

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<string, ValidateFunction>();

function validatorFor(lists: FrontMatterLists): ValidateFunction {
  const key = JSON.stringify([lists.severities, lists.statuses]);
  let validate = compiled.get(key);
  if (!validate) {
    // Without its $id: ajv keeps one schema per id, and each pair of lists is a schema of its own.
    const { $id: _shippedId, ...schema } = structuredClone(shippedSchema);
    (schema.properties.severity as PropertySchema).enum = [...lists.severities];
    (schema.properties.status as PropertySchema).enum = [...lists.statuses];
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

export function keyDocs(lists: FrontMatterLists): KeyDoc[] {
  return Object.entries(PROPERTIES).map(([key, property]) => ({
    key,
    description: property.description ?? '',
    values: key === 'severity' ? lists.severities : key === 'status' ? lists.statuses : property.enum ?? [],
  }));
}

function describe(error: ErrorObject, key: string, lists: FrontMatterLists): { message: string; allowed: string[] } {
  if (key === 'severity') return { message: `severity must be one of ${lists.severities.join(', ')}`, allowed: [...lists.severities] };
  if (key === 'status') return { message: `status must be one of ${lists.statuses.join(', ')}`, allowed: [...lists.statuses] };
  const allowed = error.keyword === 'enum' ? (error.params as { allowedValues: string[] }).allowedValues : [];
  if (allowed.length) return { message: `${key} must be one of ${allowed.join(', ')}`, allowed };
  if (error.keyword === 'pattern' && (key === 'date')) return { message: 'date must be written YYYY-MM-DD (a time may follow)', allowed };
  if ((LIFECYCLE_KEYS as readonly string[]).includes(key)) return { message: `${key} must be a date and time with its offset (2026-06-01T14:05Z)${key === 'resolved' ? ', or true or false' : ''}`, allowed };
  return { message: `${key} ${error.message ?? 'is not valid'}`, allowed };
}

/**
 * A status page's incident (cState's `section: issue` with `affected` and `resolvedWhen`, Hugo status
 * themes' `affectedsystems`, a `layout: status` post, LiveAgent's `resolvedDate` and `incident_states`): its severity and status are the page's own words
 * ("severity: partial-outage", "severity: down", "status: resolved"), which the settings' lists do not
 * replace.
 */
const STATUS_PAGE_SEVERITIES = ['down', 'disrupted', 'notice', 'partial-outage', 'major-outage', 'degraded-performance', 'under-maintenance', 'maintenance', 'scheduled', 'high', 'medium', 'low',
  // LiveAgent's status site.
  'outage', 'degradation'];
const STATUS_PAGE_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'scheduled', 'in-progress', 'completed'];

/** A status page's lists: the settings' and the page's own; a severity written as a list ("scheduled, partial-outage") checked word by word. */
function statusPageData(data: Record<string, unknown>, lists: FrontMatterLists): { data: Record<string, unknown>; lists: FrontMatterLists } {
  const severities = [...lists.severities, ...STATUS_PAGE_SEVERITIES];
  const severity = data.severity;
  const words = typeof severity === 'string' ? severity.split(',').map((word) => word.trim()) : [];
  const listed = words.length > 1 && words.every((word) => severities.includes(word)) ? { ...data, severity: words[0] } : data;
  return { data: listed, lists: { severities, statuses: [...lists.statuses, ...STATUS_PAGE_STATUSES] } };
}

/** The fields whose value the schema rejects, one problem a field; none for broken front matter (its errors say why). */
export function validateFrontMatter(frontMatter: FrontMatter, settingsLists: FrontMatterLists): FrontMatterProblem[] {
  if (frontMatter.fields.length === 0) return [];
  const written = valuesOf(frontMatter);
  const { data, lists } = isStatusPageIncident(written) ? statusPageData(written, settingsLists) : { data: written, lists: settingsLists };
  const validate = validatorFor(lists);
  if (validate(data)) return [];
  const problems: FrontMatterProblem[] = [];
  for (const error of validate.errors ?? []) {
    const key = error.instancePath.split('/')[1];
    // Written twice, a key's last value is the one YAML keeps (TOML refuses a key written twice).
    const field = key === undefined ? undefined : [...frontMatter.fields].reverse().find((candidate) => candidate.key === key);
    if (!field || problems.some((problem) => problem.field === field)) continue;
    problems.push({ field, ...describe(error, key, lists) });
  }
  return problems;
}
