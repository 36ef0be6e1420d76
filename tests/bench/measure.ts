/** Timing for the benchmark: run a call many times, report percentiles. */

export interface Measurement {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /**
   * Median CPU time of this process per call (ms), for calls timed in this process. Unlike wall time
   * it does not count the time the process waited for a core, so it stays meaningful on a busy machine.
   */
  cpuP50?: number;
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

/** Wall and CPU time of single calls, collected as they are timed. */
export class Samples {
  readonly wall: number[] = [];
  readonly cpu: number[] = [];

  async time<T>(call: () => Promise<T> | T): Promise<T> {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await call();
    this.wall.push(performance.now() - start);
    const { user, system } = process.cpuUsage(cpu);
    this.cpu.push((user + system) / 1000);
    return result;
  }

  summary(name: string, rows = ''): Measurement {
    return { ...summarize(name, this.wall, rows), cpuP50: percentile(this.cpu, 50) };
  }
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
  const samples = new Samples();
  const described: (number | string)[] = [];
  for (let i = 0; i < options.runs; i++) {
    const result = await samples.time(() => call(i));
    if (options.describe) described.push(options.describe(result));
  }
  return samples.summary(name, medianOf(described));
}

/** Percentiles of wall-time samples (milliseconds). */
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
