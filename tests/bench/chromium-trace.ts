/**
 * Chromium trace helpers for the Chromium rows: record a trace over a CDP session, then find
 * the content script's work (its evaluation and every callback, attributed by script URL) and
 * the renderer main thread's tasks.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, in µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

/**
 * Task events (RunTask), the script events that name their URL (EvaluateScript, FunctionCall,
 * v8.compile), microtask checkpoints (RunMicrotasks), navigation marks, thread names, and
 * Chrome's own renderer work (`renderer`: its capture of the page's text after load).
 */
const CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading', 'renderer', '__metadata'];

export interface Recording {
  stop(): Promise<TraceEvent[]>;
}

export async function startTrace(cdp: CDPSession): Promise<Recording> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => {
    for (const event of e.value) events.push(event as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', onData);
      return events;
    },
  };
}

function urlOf(e: TraceEvent): string {
  const data = e.args?.data as { url?: string } | undefined;
  return data?.url ?? (e.args?.fileName as string | undefined) ?? '';
}

/** The name Chromium gives the content scripts' isolated world: the extension's name. */
const EXTENSION_WORLD = 'TI Lens';

export interface ScriptWork {
  /** The renderer main thread the script ran on ("pid:tid"). */
  thread: string;
  /** Top-level events of the script (no event of the script contains another), in time order. */
  events: TraceEvent[];
  /** Sum of their wall durations, and of their thread (CPU) durations, in ms. */
  wallMs: number;
  cpuMs: number;
  /** Of which the evaluation at injection (EvaluateScript, compilation included). */
  evaluateMs: number;
  compileMs: number;
  /** Start of the first and end of the last event, in trace µs. */
  start: number;
  end: number;
}

/**
 * The work of the scripts whose URLs end with one of `urlSuffixes` (the content script:
 * "/content-loader.js" and the "/content-main.js" module it imports): their
 * evaluation and the callbacks Blink calls (timers, idle callbacks, events). Promise continuations (an extension API's reply, as for the settings)
 * run in microtask checkpoints that name no script: with `microtasks`, every checkpoint of
 * the script's thread after its evaluation counts as its work too, which holds on a page that
 * runs no script of its own.
 */
export function scriptWork(events: readonly TraceEvent[], urlSuffixes: readonly string[], microtasks = false): ScriptWork | undefined {
  const ofScript = (e: TraceEvent) => urlSuffixes.some((suffix) => urlOf(e).endsWith(suffix));
  // A module's evaluation names no URL, only the world it runs in: the extension's (its name).
  const ofWorld = (e: TraceEvent) => e.args?.worldName === EXTENSION_WORLD;
  const own = events.filter(
    (e) =>
      e.ph === 'X' &&
      (((e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.compile' || e.name === 'v8.compileModule') && ofScript(e)) ||
        (e.name === 'v8.evaluateModule' && ofWorld(e))),
  );
  if (own.length === 0) return undefined;
  const thread = `${own[0]!.pid}:${own[0]!.tid}`;
  const first = Math.min(...own.map((e) => e.ts));
  if (microtasks) own.push(...events.filter((e) => e.ph === 'X' && e.name === 'RunMicrotasks' && `${e.pid}:${e.tid}` === thread && e.ts >= first));
  const sorted = own.filter((e) => `${e.pid}:${e.tid}` === thread).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const top: TraceEvent[] = [];
  let coveredUntil = -Infinity;
  for (const e of sorted) {
    if (e.ts < coveredUntil) continue; // nested in the previous top-level event
    top.push(e);
    coveredUntil = e.ts + (e.dur ?? 0);
  }
  const sum = (list: TraceEvent[], key: 'dur' | 'tdur') => list.reduce((n, e) => n + (e[key] ?? 0), 0) / 1000;
  const evaluations = top.filter((e) => e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule');
  return {
    thread,
    events: top,
    wallMs: sum(top, 'dur'),
    cpuMs: sum(top, 'tdur'),
    evaluateMs: sum(evaluations, 'dur'),
    compileMs: sum(sorted.filter((e) => e.name === 'v8.compile'), 'dur'),
    start: top[0]!.ts,
    end: Math.max(...top.map((e) => e.ts + (e.dur ?? 0))),
  };
}

/** Tasks (RunTask) of one thread ("pid:tid") that overlap [from, to] (trace µs). */
export function tasksOf(events: readonly TraceEvent[], thread: string, from: number, to: number): TraceEvent[] {
  return events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && `${e.pid}:${e.tid}` === thread && e.ts <= to && e.ts + (e.dur ?? 0) >= from);
}

/** Trace time (µs) of the navigation start of the main-frame document at `url`, if recorded. */
export function navigationStart(events: readonly TraceEvent[], url: string): number | undefined {
  const marks = events.filter((e) => e.name === 'navigationStart' && (e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL === url);
  return marks.length > 0 ? Math.max(...marks.map((e) => e.ts)) : undefined;
}
