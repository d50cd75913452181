/**
 * Timers, idle callbacks, the clock and MutationObserver, captured from one window, so a page
 * that replaces them in its own world cannot break the scanner (see natives.ts). Apart from
 * natives.ts so the content script's loader can capture them without touching DOM prototypes.
 */

const apply = Reflect.apply;

/** Timers, idle callbacks, the clock and MutationObserver, captured from one window. */
export interface Scheduling {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** Undefined where the browser has no requestIdleCallback (Safari, test DOMs). */
  requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
  now(): number;
  MutationObserver: typeof MutationObserver;
}

export function captureScheduling(win: typeof globalThis): Scheduling {
  const setTimeoutFn = win.setTimeout;
  const clearTimeoutFn = win.clearTimeout;
  const idle = win.requestIdleCallback;
  const cancelIdle = win.cancelIdleCallback;
  const perf = win.performance;
  const perfNow = perf.now;
  return {
    setTimeout: (callback, ms) => apply(setTimeoutFn, win, [callback, ms]) as unknown as number,
    clearTimeout: (id) => apply(clearTimeoutFn, win, [id]),
    requestIdleCallback: idle && ((callback, options) => apply(idle, win, [callback, options]) as number),
    cancelIdleCallback: cancelIdle && ((id) => apply(cancelIdle, win, [id])),
    now: () => apply(perfNow, perf, []) as number,
    MutationObserver: win.MutationObserver,
  };
}
