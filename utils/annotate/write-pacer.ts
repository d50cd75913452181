/**
 * How long an idle chunk may run and how many text nodes it may wrap. Every chunk that
 * writes costs the page a rendering pass (style, layout, paint) before the next chunk runs.
 * That pass has a fixed part, the page's own (on a page of many megabytes Chromium walks
 * every paragraph again for one changed paragraph: about 23 ms on the 10 MB bench report in
 * sections, about 50 ms when its 27,000 paragraphs share one block), plus a part that grows
 * with what the chunk wrote. The pacer measures the gap between a writing chunk's end and
 * the next chunk's start, which holds that pass, and keeps the pass under PASS_TARGET_MS:
 * - a gap under CHEAP_PASS_MS: a cheap pass (a normal page), or none at all (two chunks in
 *   one idle period); nothing learnt, the cap stays;
 * - a pass over the target: the fewest writes, from which to grow again;
 * - a pass under the target: the writes times target / pass, at most twice as many. As long
 *   as the page's part is not negative this cannot overshoot: F + s·w·T/g <= T when g <= T;
 * - a pass over the target at the fewest writes: the page's own part is over, and fewer
 *   writes cannot bring the pass under the threshold; they would only make more passes. The
 *   starting size then, until a pass comes in under the target.
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
/** Below this the gap holds a cheap pass or none. */
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

/** The pacer's state: the current cap, and whether the page's own pass is over the target. */
export interface PacerState {
  cap: number;
  heavyPage: boolean;
}

/** The next state, after a chunk that wrote `wrote` text nodes was followed by a gap of `gap` ms. */
export function nextPacerState(state: PacerState, wrote: number, gap: number, range: WriteRange): PacerState {
  if (gap < CHEAP_PASS_MS) return state;
  if (gap > PASS_TARGET_MS) {
    const heavyPage = state.heavyPage || wrote <= range.min;
    return { cap: heavyPage ? range.start : range.min, heavyPage };
  }
  // A chunk its time budget stopped short of its cap says nothing against the cap.
  const fits = Math.floor((wrote * PASS_TARGET_MS) / gap);
  return { cap: Math.max(range.min, Math.min(range.max, state.cap * 2, Math.max(state.cap, fits))), heavyPage: false };
}

export function createWritePacer(options: WritePacerOptions = {}): WritePacer {
  const baseBudget = options.budgetMs ?? 8;
  const start = options.maxWrites ?? 40;
  const range = { min: Math.max(1, Math.ceil(start * MIN_FACTOR)), start, max: start * MAX_FACTOR };
  let state: PacerState = { cap: start, heavyPage: false };
  let wrote = 0;
  let endedAt: number | undefined;

  return {
    get budgetMs() {
      return Math.max(baseBudget, Math.min(MAX_BUDGET_MS, (baseBudget * state.cap) / start));
    },
    get maxWrites() {
      return state.cap;
    },
    chunkStarted(now) {
      if (endedAt === undefined) return;
      state = nextPacerState(state, wrote, now - endedAt, range);
      endedAt = undefined;
    },
    chunkEnded(now, written) {
      // Only a chunk that wrote leaves a rendering pass to measure.
      endedAt = written > 0 ? now : undefined;
      wrote = written;
    },
  };
}
