/**
 * How long an idle chunk may run and how many text nodes it may wrap. Every chunk that
 * writes costs the page a rendering pass (style, layout, paint) before the next chunk runs,
 * and on a huge page most of that pass does not depend on how much was written: Chromium
 * lays out a container of 10,000 paragraphs again for one changed paragraph (about 45 ms a
 * pass on the 100,000-node test page, where 8 ms chunks meant a hundred such passes). The
 * pacer measures the gap between a writing chunk's end and the next chunk's start, which
 * holds that pass. While the gap stays near the smallest seen (the page's own fixed cost)
 * it grows the chunk's time and writes, up to a chunk still well under the 50 ms long-task
 * threshold, so the page is laid out fewer times; when the gap grows (our writes are what
 * makes the pass long) it shrinks them. Cheap passes (a normal page) keep the minimum, and
 * so do passes already near 50 ms (many megabytes), which more writes would push over.
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
  /** Writes per chunk to start with and never go below (default 40). */
  maxWrites?: number;
}

/** At most 2 doublings: 32 ms and 160 writes from the defaults. */
const MAX_DOUBLINGS = 2;
/** Longest chunk whatever the minimum: a chunk is a task of its own and must stay short. */
const MAX_BUDGET_MS = 32;
/** A gap this much above the smallest one counts as grown by our writes (ratio, then ms). */
const GROWTH_RATIO = 1.15;
const GROWTH_SLACK_MS = 4;
/** Below this the rendering pass is cheap (a normal page): stay at the minimum. */
const CHEAP_PASS_MS = 16;
/**
 * From this on the pass itself nears the 50 ms long-task threshold (a page of many
 * megabytes): more writes a pass would push it over, so back to the minimum.
 */
const HEAVY_PASS_MS = 40;

export function createWritePacer(options: WritePacerOptions = {}): WritePacer {
  const baseBudget = options.budgetMs ?? 8;
  const baseWrites = options.maxWrites ?? 40;
  let doublings = 0;
  let endedAt: number | undefined;
  let smallestGap = Infinity;

  return {
    get budgetMs() {
      return Math.max(baseBudget, Math.min(MAX_BUDGET_MS, baseBudget * 4 ** doublings));
    },
    get maxWrites() {
      return baseWrites * 2 ** doublings;
    },
    chunkStarted(now) {
      if (endedAt === undefined) return;
      const gap = now - endedAt;
      endedAt = undefined;
      smallestGap = Math.min(smallestGap, gap);
      if (gap < CHEAP_PASS_MS || gap >= HEAVY_PASS_MS) doublings = 0;
      else if (gap <= smallestGap * GROWTH_RATIO + GROWTH_SLACK_MS) doublings = Math.min(MAX_DOUBLINGS, doublings + 1);
      else doublings = Math.max(0, doublings - 1);
    },
    chunkEnded(now, writes) {
      // Only a chunk that wrote leaves a rendering pass to measure.
      endedAt = writes > 0 ? now : undefined;
    },
  };
}
