/**
 * A small seeded PRNG (mulberry32) for the protocol fuzzer: the same seed replays the same operation
 * sequence, so a failure found in CI can be reproduced with TRACKLINT_FUZZ_SEED=<seed>.
 */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list');
    return items[this.int(items.length)];
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }
}

/** The seed of this run: TRACKLINT_FUZZ_SEED when set, a fresh one otherwise (printed, so any failure can be replayed). */
export function fuzzSeed(): number {
  const fromEnv = process.env.TRACKLINT_FUZZ_SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isInteger(seed)) throw new Error(`TRACKLINT_FUZZ_SEED must be an integer, got '${fromEnv}'`);
    return seed >>> 0;
  }
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}

/** How many operations to run: TRACKLINT_FUZZ_OPS when set (npm run fuzz sets 100,000), `fallback` otherwise. */
export function fuzzOperationCount(fallback: number): number {
  const fromEnv = process.env.TRACKLINT_FUZZ_OPS;
  if (fromEnv === undefined || fromEnv === '') return fallback;
  const count = Number(fromEnv);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`TRACKLINT_FUZZ_OPS must be a positive integer, got '${fromEnv}'`);
  return count;
}
