import { Samples, type Measurement } from '../measure.js';

/** Untimed calls of each side first (statement caches, page cache, the JIT compiler); call i of the timed ones gets i + WARMUP. */
export const WARMUP = 20;

/**
 * Times our call and the raw SQL baseline in turns (ours, raw, ours, raw…), so a burst of other work
 * on the machine slows both alike instead of whichever ran during it.
 */
export async function measureAgainstRaw<T>(
  name: string,
  runs: number,
  ours: (i: number) => Promise<T>,
  raw: (i: number) => unknown,
): Promise<{ ours: Measurement; raw: Measurement }> {
  for (let i = 0; i < WARMUP; i++) {
    await ours(i);
    raw(i);
  }
  const oursSamples = new Samples();
  const rawSamples = new Samples();
  for (let i = WARMUP; i < WARMUP + runs; i++) {
    await oursSamples.time(() => ours(i));
    await rawSamples.time(() => raw(i));
  }
  return { ours: oursSamples.summary(name), raw: rawSamples.summary(`${name} (raw SQL)`) };
}

/** Fails the run when our answer and the baseline's differ: a ratio is only fair for the same rows. */
export function assertSameIds(what: string, ours: readonly number[], raw: readonly number[]): void {
  if (ours.length !== raw.length || ours.some((id, i) => id !== raw[i])) {
    throw new Error(`${what}: our ids [${ours.slice(0, 10).join(', ')}…] differ from raw SQL's [${raw.slice(0, 10).join(', ')}…]`);
  }
}
