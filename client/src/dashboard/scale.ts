// Chart geometry without drawing: an axis's round ticks, and the time unit an axis of minutes reads
// best in. Pure, for the tests.

/**
 * Ticks from 0 to a round top at or above `max` (1, 2 or 5 times a power of ten apart), about `count`
 * of them; `whole` for counts, which have no half (no tick at 0.5 incidents).
 */
export function niceTicks(max: number, { count = 4, whole = false }: { count?: number; whole?: boolean } = {}): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const nice = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const step = whole ? Math.max(1, nice) : nice;
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(Number(value.toPrecision(12)));
    if (value >= max) break;
  }
  return ticks;
}

export interface TimeUnit {
  /** Minutes per unit. */
  minutes: number;
  /** The axis's label: "minutes", "hours", "days". */
  name: string;
}

/** The unit an axis whose largest value is `maxMinutes` minutes is read in without huge numbers. */
export function timeUnitFor(maxMinutes: number): TimeUnit {
  if (maxMinutes >= 3 * 1440) return { minutes: 1440, name: 'days' };
  if (maxMinutes >= 180) return { minutes: 60, name: 'hours' };
  return { minutes: 1, name: 'minutes' };
}

/** Maps `value` in [0, top] onto [from, to] (an SVG coordinate). */
export function project(value: number, top: number, from: number, to: number): number {
  const share = top > 0 ? Math.min(Math.max(value / top, 0), 1) : 0;
  return Number((from + (to - from) * share).toFixed(2));
}
