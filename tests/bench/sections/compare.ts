import { percentile, summarize, type Measurement } from '../measure.js';

/**
 * Times our call and the raw SQL baseline in turns (ours, raw, ours, raw…), so a burst of other work
 * on the machine slows both alike instead of whichever ran during it.
 */
export async function measureAgainstRaw<T>(
  name: string,
  runs: number,
  ours: (i: number) => Promise<T>,
  raw: (i: number) => unknown,
): Promise<{ ours: Measurement; raw: { p50: number; p95: number } }> {
  for (let i = 0; i < 3; i++) {
    await ours(i);
    raw(i);
  }
  const oursSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await ours(i);
    oursSamples.push(performance.now() - start);
    start = performance.now();
    raw(i);
    rawSamples.push(performance.now() - start);
  }
  return { ours: summarize(name, oursSamples), raw: { p50: percentile(rawSamples, 50), p95: percentile(rawSamples, 95) } };
}

/** Fails the run when our answer and the baseline's differ: a ratio is only fair for the same rows. */
export function assertSameIds(what: string, ours: readonly number[], raw: readonly number[]): void {
  if (ours.length !== raw.length || ours.some((id, i) => id !== raw[i])) {
    throw new Error(`${what}: our ids [${ours.slice(0, 10).join(', ')}…] differ from raw SQL's [${raw.slice(0, 10).join(', ')}…]`);
  }
}
