/** Timing for the benchmark: run a call many times, report percentiles. */

export interface Measurement {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** What the call returned, e.g. rows on the page and total matches (median over runs). */
  rows: string;
}

/** The p-th percentile (0-100) of samples by the nearest-rank method. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface MeasureOptions<T> {
  runs: number;
  /** Untimed runs first (statement caches, page cache). */
  warmup?: number;
  /** Describes one result for the rows column. */
  describe?: (result: T) => number | string;
}

/** Times `call(i)` for i = 0..runs-1 (i lets a scenario cycle through inputs). Milliseconds. */
export async function measure<T>(
  name: string,
  call: (i: number) => Promise<T>,
  options: MeasureOptions<T>,
): Promise<Measurement> {
  for (let i = 0; i < (options.warmup ?? 3); i++) await call(i);
  const samples: number[] = [];
  const described: (number | string)[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = performance.now();
    const result = await call(i);
    samples.push(performance.now() - start);
    if (options.describe) described.push(options.describe(result));
  }
  return summarize(name, samples, medianOf(described));
}

/** Percentiles of timed samples (milliseconds). */
export function summarize(name: string, samples: readonly number[], rows = ''): Measurement {
  return {
    name,
    runs: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
    rows,
  };
}

function medianOf(values: (number | string)[]): string {
  if (values.length === 0) return '';
  if (values.every((v) => typeof v === 'number')) return String(percentile(values as number[], 50));
  return String(values[Math.floor(values.length / 2)]);
}
