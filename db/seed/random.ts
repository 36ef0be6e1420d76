/**
 * A small seeded random source (mulberry32): the same seed gives the same sequence on every machine, so
 * seeded data sets and benchmarks are reproducible. Not for anything secret.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: [[value, weight], ...]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  /** n distinct items (fewer if the list is shorter), in pick order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }

  /** A string of `length` decimal digits. */
  digits(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  /** A child source for one sub-task, so adding draws in one place does not shift everything after it. */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296));
  }
}

/** A moment between `from` and `to`, more likely near `to` (recent activity is denser). */
export function recentBetween(random: Random, from: number, to: number): number {
  return Math.round(from + (to - from) * Math.sqrt(random.next()));
}

/**
 * Weights for a list where earlier entries are more common (Zipf-like, exponent s), as with surnames: a
 * handful are very common, the tail is long.
 */
export function zipfWeights<T>(items: readonly T[], s = 1): [T, number][] {
  return items.map((item, i) => [item, 1 / (i + 1) ** s]);
}
