import type { Scheduling } from './scheduling';

/** Tells a chunk of work when its time slice is used up. */
export interface Deadline {
  expired(): boolean;
}

export interface ChunkRunnerOptions {
  scheduling: Scheduling;
  signal: AbortSignal;
  /**
   * Work per chunk, in ms (default 8): far below the 50 ms long-task threshold. A function
   * is asked at the start of every chunk.
   */
  budgetMs?: number | (() => number);
  /** requestIdleCallback timeout, so busy pages still make progress (default 1000). */
  idleTimeoutMs?: number;
}

export interface ChunkRunner {
  /** Makes sure a chunk is scheduled (no-op if one already is). */
  request(): void;
  readonly pending: boolean;
}

/**
 * Runs `work` in idle-time chunks: requestIdleCallback with a timeout, else setTimeout.
 * `work` processes until `deadline.expired()` and returns true while work remains.
 */
export function createChunkRunner(work: (deadline: Deadline) => boolean, options: ChunkRunnerOptions): ChunkRunner {
  const { scheduling, signal } = options;
  const { budgetMs = 8 } = options;
  const budgetOf = typeof budgetMs === 'function' ? budgetMs : () => budgetMs;
  const idleTimeoutMs = options.idleTimeoutMs ?? 1000;
  let handle: { idle: boolean; id: number } | undefined;

  const run = (): void => {
    handle = undefined;
    if (signal.aborted) return;
    const start = scheduling.now();
    const budget = budgetOf();
    const deadline: Deadline = { expired: () => scheduling.now() - start >= budget };
    if (work(deadline)) request();
  };

  const request = (): void => {
    if (handle || signal.aborted) return;
    handle = scheduling.requestIdleCallback
      ? { idle: true, id: scheduling.requestIdleCallback(run, { timeout: idleTimeoutMs }) }
      : { idle: false, id: scheduling.setTimeout(run, 0) };
  };

  signal.addEventListener('abort', () => {
    if (!handle) return;
    if (handle.idle) scheduling.cancelIdleCallback?.(handle.id);
    else scheduling.clearTimeout(handle.id);
    handle = undefined;
  }, { once: true });

  return {
    request,
    get pending() {
      return handle !== undefined;
    },
  };
}
