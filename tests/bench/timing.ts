export interface Timing {
  /** Fastest run, in ms: the least disturbed by other processes on a shared machine. */
  best: number;
  median: number;
}

/** Timings of `runs` calls of `fn` (wall clock), after `warmup` untimed calls. */
export function time(fn: () => void, runs = 7, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { best: times[0]!, median: times[Math.floor(times.length / 2)]! };
}

/** Size of texts in megabytes (10^6 bytes of UTF-8). */
export function megabytes(texts: readonly string[]): number {
  let bytes = 0;
  for (const t of texts) bytes += Buffer.byteLength(t, 'utf8');
  return bytes / 1e6;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Median of `runs` timings of `fn`, in milliseconds (see {@link time}). */
export function medianMs(fn: () => void, runs = 7, warmup = 2): number {
  return time(fn, runs, warmup).median;
}
