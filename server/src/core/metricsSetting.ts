// `postmortem.metrics`: which two moments of an incident's life each response figure measures between.
// Teams define these differently (time to detect from the start or from the first symptom, time to resolve
// from the start or from detection); every figure says which moments it used.
import { LIFECYCLE_KEYS, type LifecycleKey } from './frontMatter';

export const METRIC_NAMES = ['timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'timeToResolve'] as const;
export type MetricKey = (typeof METRIC_NAMES)[number];

export interface MetricDefinition {
  from: LifecycleKey;
  to: LifecycleKey;
}

export type MetricDefinitions = Record<MetricKey, MetricDefinition>;

export function defaultMetrics(): MetricDefinitions {
  return {
    timeToDetect: { from: 'started', to: 'detected' },
    timeToAcknowledge: { from: 'detected', to: 'acknowledged' },
    timeToMitigate: { from: 'started', to: 'mitigated' },
    timeToResolve: { from: 'started', to: 'resolved' },
  };
}

const isMoment = (value: unknown): value is LifecycleKey => (LIFECYCLE_KEYS as readonly unknown[]).includes(value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `raw` over `base`, metric by metric: a bad definition is reported and that metric keeps its own. */
export function readMetrics(raw: unknown, base: MetricDefinitions, origin: string, problems: string[]): MetricDefinitions {
  const metrics = { ...base };
  const moments = LIFECYCLE_KEYS.join(', ');
  if (!isRecord(raw)) {
    problems.push(`${origin}: metrics must be an object such as { "timeToResolve": { "from": "detected", "to": "resolved" } }`);
    return metrics;
  }
  for (const [name, value] of Object.entries(raw)) {
    if (!(METRIC_NAMES as readonly string[]).includes(name)) {
      problems.push(`${origin}: metrics.${name} is not a metric (${METRIC_NAMES.join(', ')})`);
      continue;
    }
    const from = isRecord(value) ? value.from : undefined;
    const to = isRecord(value) ? value.to : undefined;
    if (!isMoment(from) || !isMoment(to)) {
      problems.push(`${origin}: metrics.${name} needs "from" and "to", each one of ${moments}; got ${JSON.stringify(value)}`);
    } else if (LIFECYCLE_KEYS.indexOf(from) >= LIFECYCLE_KEYS.indexOf(to)) {
      problems.push(`${origin}: metrics.${name} must go forward in the incident's life (${moments}); "${from}" → "${to}" does not`);
    } else {
      metrics[name as MetricKey] = { from, to };
    }
  }
  return metrics;
}
