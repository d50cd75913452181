/**
 * How long an idle chunk may run and how many text nodes it may wrap. Every chunk that
 * writes costs the page a rendering pass (style, layout, paint) before the next chunk runs.
 * That pass has a fixed part, the page's own (on a page of many megabytes Chromium walks
 * every paragraph again for one changed paragraph: about 23 ms on the 10 MB bench report in
 * sections, about 50 ms when its 27,000 paragraphs share one block), plus a part that grows with
 * what the chunk wrote. The pacer measures the gap between a writing chunk's end and the
 * next chunk's start, which holds that pass, and sizes the next chunk so the pass stays
 * near PASS_TARGET_MS, under the 50 ms long-task threshold:
 * - a cheap pass (a normal page): the starting size, nothing to gain;
 * - otherwise as many writes as fit in the target at the measured cost per write (the slope
 *   between two passes), at most twice as many as before and at least a quarter of the start;
 * - a page whose pass is over the target even at the fewest writes (its own fixed part is):
 *   the starting size. Fewer writes cannot bring the pass under the threshold there and
 *   would only make more passes.
 */
export interface WritePacer {
  /** Script time the current chunk may take, in ms. */
  readonly budgetMs: number;
  /** Text nodes the current chunk may wrap. */
  readonly maxWrites: number;
  /** A chunk starts at `now` (ms). */
  chunkStarted(now: number): void;
  /** The chunk ends at `now`, having wrapped `writes` text nodes. */
  chunkEnded(now: number, writes: number): void;
}

export interface WritePacerOptions {
  /** Chunk time to start with and never go below, in ms (default 8). */
  budgetMs?: number;
  /** Writes per chunk to start with (default 40). */
  maxWrites?: number;
}

/** The rendering pass the pacer aims at, in ms: 10 ms of margin under the 50 ms threshold. */
export const PASS_TARGET_MS = 40;
/** Below this the rendering pass is cheap (a normal page): stay at the starting size. */
const CHEAP_PASS_MS = 16;
/** Writes per chunk range from a quarter of the starting size to 8 times it. */
const MIN_FACTOR = 1 / 4;
const MAX_FACTOR = 8;
/**
 * Longest chunk whatever the writes. A chunk and the pass after it usually make one frame
 * (the chunk runs in idle time, the pass at the next frame): together they stay near 50 ms.
 */
const MAX_BUDGET_MS = 50 - PASS_TARGET_MS;

/** Writes per chunk: the starting size and the range the pacer keeps them in. */
export interface WriteRange {
  min: number;
  start: number;
  max: number;
}

/** The chunk just measured: its cap, the text nodes it wrapped, and the pass after it (ms). */
export interface MeasuredChunk {
  cap: number;
  wrote: number;
  gap: number;
}

/** What the pacer has seen so far. */
export interface PassHistory {
  /** The smallest pass, in ms, and the writes of the chunk before it. */
  floor: number;
  floorWrites: number;
  /** The latest estimate of what one write adds to a pass, in ms (unknown at first). */
  perWrite?: number;
  /** Whether a chunk of the fewest writes has been measured. */
  triedFewest: boolean;
}

export const NOTHING_SEEN: PassHistory = { floor: Infinity, floorWrites: 0, triedFewest: false };

/**
 * Adds a measured chunk. The cost of a write is the slope between this pass and the smallest
 * one, when they followed different numbers of writes; a pass the page made longer (its own
 * script, a collection) only ever makes that estimate larger, so the pacer errs towards fewer
 * writes.
 */
export function recordPass(seen: PassHistory, chunk: MeasuredChunk, range: WriteRange): PassHistory {
  let perWrite = seen.perWrite;
  if (Number.isFinite(seen.floor) && chunk.wrote !== seen.floorWrites) {
    const slope = (chunk.gap - seen.floor) / (chunk.wrote - seen.floorWrites);
    if (slope > 0) perWrite = slope;
  }
  const lower = chunk.gap < seen.floor;
  return {
    floor: lower ? chunk.gap : seen.floor,
    floorWrites: lower ? chunk.wrote : seen.floorWrites,
    perWrite,
    triedFewest: seen.triedFewest || chunk.wrote <= range.min,
  };
}

/** The cap for the next chunk, from the chunk just measured and everything seen (it included). */
export function nextWrites(chunk: MeasuredChunk, seen: PassHistory, range: WriteRange): number {
  if (chunk.gap < CHEAP_PASS_MS) return range.start;
  // Try the fewest writes once; if the pass is still over, this page's own part is.
  if (seen.floor > PASS_TARGET_MS) return seen.triedFewest ? range.start : range.min;
  let fits: number;
  if (seen.perWrite === undefined) {
    // No cost per write known yet: as if the whole pass grew with the writes.
    fits = chunk.gap <= PASS_TARGET_MS ? Infinity : Math.floor((chunk.wrote * PASS_TARGET_MS) / chunk.gap);
  } else {
    const fixed = Math.max(0, seen.floor - seen.perWrite * seen.floorWrites);
    fits = Math.floor((PASS_TARGET_MS - fixed) / seen.perWrite);
  }
  return Math.max(range.min, Math.min(range.max, chunk.cap * 2, fits));
}

export function createWritePacer(options: WritePacerOptions = {}): WritePacer {
  const baseBudget = options.budgetMs ?? 8;
  const start = options.maxWrites ?? 40;
  const range = { min: Math.max(1, Math.ceil(start * MIN_FACTOR)), start, max: start * MAX_FACTOR };
  let writes = start;
  let wrote = 0;
  let endedAt: number | undefined;
  let seen = NOTHING_SEEN;

  return {
    get budgetMs() {
      return Math.max(baseBudget, Math.min(MAX_BUDGET_MS, (baseBudget * writes) / start));
    },
    get maxWrites() {
      return writes;
    },
    chunkStarted(now) {
      if (endedAt === undefined) return;
      const gap = now - endedAt;
      endedAt = undefined;
      const chunk = { cap: writes, wrote, gap };
      seen = recordPass(seen, chunk, range);
      writes = nextWrites(chunk, seen, range);
    },
    chunkEnded(now, written) {
      // Only a chunk that wrote leaves a rendering pass to measure.
      endedAt = written > 0 ? now : undefined;
      wrote = written;
    },
  };
}
