/**
 * Chromium rows: the built extension (.output/chrome-mv3) in headless Chromium, on pages
 * generated at bench time and served from loopback (chromium-pages.ts).
 *
 * Times come from a Chromium trace (chromium-trace.ts): the content script's work is every
 * trace event of its script (its evaluation at injection, compilation included, and every
 * callback), tasks are the renderer main thread's RunTask events. Each has a wall duration
 * and a thread (CPU) duration; this machine may be shared, so durations of tasks are given
 * as CPU time (what the task costs; on an idle machine the wall time is the same) with the
 * wall time and the load average in the note.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { launchExtension, type LaunchedExtension } from '../e2e/harness/launch-extension';
import { builtExtensionDir, chromiumPath } from '../e2e/harness/paths';
import { serveFolder, type StaticServer } from '../e2e/harness/static-server';
import type { BenchModule, BenchRow } from './bench-module';
import { type GeneratedPage, writeMutatingPage, writePlainPage, writeReportPage } from './chromium-pages';
import { navigationStart, type ScriptWork, scriptWork, startTrace, tasksOf, type TraceEvent } from './chromium-trace';
import { loadTable } from './load-table';
import type { MatcherTable } from '../../utils/matcher/table';

const GROUP = 'chromium';
/**
 * The content script: the registered file and the main module it imports on every page
 * (entrypoints/content-main.ts). Not the card UI, which loads only when a card is opened.
 */
const CONTENT_SCRIPTS = ['/content-loader.js', '/content-main.js'];
const isContentScriptUrl = (url: string) => CONTENT_SCRIPTS.some((suffix) => url.endsWith(suffix));
/** The annotator's default cap (AnnotatorOptions.maxAnnotations). */
const MAX_ANNOTATIONS = 5000;
/** Paragraphs per <section> in the sectioned 10 MB report. */
const SECTION_PARAGRAPHS = 100;
const MUTATION_INTERVAL_MS = 10;
const MUTATION_DURATION_MS = 10_000;

/**
 * Runs in the page's main world at document start (a string: tsx would add helpers to a
 * function): counts the `<ti-mention>` elements the content script inserts and when, and
 * records long tasks, long animation frames and when the popup's search box gets focus.
 */
const PAGE_PROBE = `(() => {
  const probe = (window.__tiBench = { mentions: 0, firstMentionAt: 0, lastMentionAt: 0, longTasks: [], longFrames: [], focusAt: 0 });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.longFrames.push([e.startTime, e.duration, e.blockingDuration]); }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (node.nodeType !== 1 || node.localName !== 'ti-mention') continue;
      const now = performance.now();
      if (probe.mentions++ === 0) probe.firstMentionAt = now;
      probe.lastMentionAt = now;
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('focusin', (event) => {
    const t = event.target;
    if (!probe.focusAt && t && t.getAttribute && t.getAttribute('role') === 'combobox') probe.focusAt = performance.now();
  }, true);
})();`;

interface PageProbe {
  mentions: number;
  firstMentionAt: number;
  lastMentionAt: number;
  longTasks: [number, number][];
  longFrames: [number, number, number][];
  focusAt: number;
}

const readProbe = (page: Page) => page.evaluate('window.__tiBench') as Promise<PageProbe>;

function load(): string {
  const [one] = loadavg();
  return `load avg ${one!.toFixed(1)}`;
}

function ms(v: number): string {
  return v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Waits until the page has had no new mention for `quietMs` (at most `timeoutMs`). */
async function waitForQuiet(page: Page, quietMs: number, timeoutMs: number): Promise<PageProbe> {
  const deadline = Date.now() + timeoutMs;
  let probe = await readProbe(page);
  let count = probe.mentions;
  let changedAt = Date.now();
  while (Date.now() - changedAt < quietMs && Date.now() < deadline) {
    await page.waitForTimeout(250);
    probe = await readProbe(page);
    if (probe.mentions !== count) {
      count = probe.mentions;
      changedAt = Date.now();
    }
  }
  return probe;
}

interface Annotated {
  url: string;
  probe: PageProbe;
  work: ScriptWork | undefined;
  events: TraceEvent[];
  /** Mentions in the DOM at the end. */
  mentions: number;
}

/** Loads `url` with a trace running and waits until annotation is quiet. */
async function annotate(context: BrowserContext, url: string, quietMs: number, timeoutMs: number): Promise<Annotated> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    const recording = await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    const probe = await waitForQuiet(page, quietMs, timeoutMs);
    const mentions = await page.evaluate(() => document.querySelectorAll('ti-mention').length);
    const events = await recording.stop();
    return { url, probe, work: scriptWork(events, CONTENT_SCRIPTS), events, mentions };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

interface LongestTask {
  cpu: number;
  wall: number;
  /** What took the time in it: its main child events ("Layout 30, PrePaint 21, ..."). */
  inside: string;
}

/**
 * Chrome's capture of a page's text (for translation and history) after load: Chrome's own
 * work, with or without any extension (about 110 and 35 ms on the 10 MB report without one).
 */
const CHROME_TEXT_CAPTURE = 'ChromeRenderFrameObserver::CapturePageText';

/** The events named `name` on `thread` inside `task`. */
function eventsInside(events: readonly TraceEvent[], task: TraceEvent, thread: string, name: string): TraceEvent[] {
  const end = task.ts + (task.dur ?? 0);
  return events.filter((e) => e.name === name && e.ph === 'X' && `${e.pid}:${e.tid}` === thread && e.ts >= task.ts && e.ts <= end);
}

/**
 * The longest (in CPU time) renderer main-thread task while the content script worked, not
 * counting Chrome's text capture (printed apart in `inside`).
 */
function longestTask(run: Annotated): LongestTask {
  if (!run.work) return { cpu: NaN, wall: NaN, inside: '' };
  const thread = run.work.thread;
  const tasks = tasksOf(run.events, thread, run.work.start, run.work.end);
  const captures = tasks.filter((t) => eventsInside(run.events, t, thread, CHROME_TEXT_CAPTURE).length > 0);
  const longest = longestOf(run.events, tasks.filter((t) => !captures.includes(t)), thread);
  if (captures.length === 0) return longest;
  const captured = captures.map((t) => ms((t.tdur ?? 0) / 1000)).join(', ');
  return { ...longest, inside: `${longest.inside}; not counted: Chrome's own text capture after load (CapturePageText), ${captured} ms` };
}

/** The longest (in CPU time) of `tasks` on `thread`, and what took the time in it. */
function longestOf(events: readonly TraceEvent[], tasks: readonly TraceEvent[], thread: string): LongestTask {
  let longest: TraceEvent | undefined;
  for (const t of tasks) if (!longest || (t.tdur ?? 0) > (longest.tdur ?? 0)) longest = t;
  if (!longest) return { cpu: NaN, wall: NaN, inside: '' };
  const end = longest.ts + (longest.dur ?? 0);
  const parts = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e === longest || e.name === 'RunTask' || `${e.pid}:${e.tid}` !== thread || e.ts < longest.ts || e.ts + (e.dur ?? 0) > end) continue;
    const name = e.name === 'FunctionCall' && isContentScriptUrl(String((e.args?.data as { url?: string } | undefined)?.url ?? '')) ? 'content script' : e.name;
    if (!['content script', 'FunctionCall', 'EvaluateScript', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'MajorGC', 'MinorGC', 'V8.GC_MC_BACKGROUND_MARKING'].includes(name)) continue;
    parts.set(name, Math.max(parts.get(name) ?? 0, (e.dur ?? 0) / 1000));
  }
  const inside = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, d]) => `${name} ${ms(d)}`).join(', ');
  return { cpu: (longest.tdur ?? 0) / 1000, wall: (longest.dur ?? 0) / 1000, inside };
}

/**
 * The rendering floor of a page: the main-thread task that follows the page's own change of
 * one character in one paragraph, without the extension; the cheapest of `edits` such edits,
 * each in another paragraph. Any DOM write costs at least that rendering pass (style, layout,
 * paint), whoever makes it.
 */
async function oneEditRendering(context: BrowserContext, url: string, edits = 3): Promise<LongestTask> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(1000);
    let cheapest: LongestTask | undefined;
    for (let i = 1; i <= edits; i++) {
      const recording = await startTrace(cdp);
      await page.evaluate((at) => {
        const paragraphs = document.querySelectorAll('p');
        (paragraphs[Math.floor(paragraphs.length * at)]!.firstChild as Text).appendData('.');
      }, i / (edits + 1));
      await page.waitForTimeout(600);
      const events = await recording.stop();
      const layout = events.find((e) => e.ph === 'X' && e.name === 'Layout');
      if (!layout) continue;
      const thread = `${layout.pid}:${layout.tid}`;
      const task = longestOf(events, tasksOf(events, thread, layout.ts - 1, Infinity), thread);
      if (!cheapest || task.cpu < cheapest.cpu) cheapest = task;
    }
    return cheapest ?? { cpu: NaN, wall: NaN, inside: 'no layout recorded' };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

function navigationStartOf(run: Annotated): number | undefined {
  return navigationStart(run.events, run.url);
}

/** Time from navigation start to the end of the content script's last callback, in ms. */
function timeToAnnotated(run: Annotated): number {
  const nav = navigationStartOf(run);
  return run.work && nav !== undefined ? (run.work.end - nav) / 1000 : NaN;
}

/** When the content script started, in the page's performance.now() time (0 when unknown). */
function contentScriptStart(run: Annotated): number {
  const nav = navigationStartOf(run);
  return run.work && nav !== undefined ? (run.work.start - nav) / 1000 : 0;
}

function longEntries(probe: PageProbe, from: number): string {
  const tasks = probe.longTasks.filter(([start]) => start >= from);
  const frames = probe.longFrames.filter(([start]) => start >= from);
  const worst = (list: number[][]) => (list.length ? `, longest ${ms(Math.max(...list.map((e) => e[1]!)))} ms` : '');
  return `observers: ${tasks.length} longtask${worst(tasks)}, ${frames.length} long-animation-frame${worst(frames)}`;
}

async function reportRows(context: BrowserContext, server: StaticServer, page1mb: GeneratedPage): Promise<BenchRow[]> {
  console.error('[bench] chromium: 1 MB report page...');
  const run = await annotate(context, `${server.origin}/${page1mb.file}`, 2500, 60_000);
  const longest = longestTask(run);
  return [
    { group: GROUP, metric: '1 MB report: time to full annotation', value: timeToAnnotated(run), unit: 'ms', note: `navigation start → end of the content script's last callback (trace); last mention at ${ms(run.probe.lastMentionAt)} ms; ${load()}` },
    { group: GROUP, metric: '1 MB report: annotations', value: run.mentions, unit: 'mentions', note: `${(page1mb.textBytes / 1e6).toFixed(2)} MB of text; cap ${MAX_ANNOTATIONS}` },
    {
      group: GROUP,
      metric: '1 MB report: longest main-thread task while annotating',
      value: longest.cpu,
      unit: 'ms CPU',
      target: '< 50',
      pass: longest.cpu < 50,
      note: `wall ${ms(longest.wall)} ms (${longest.inside}); content script ${ms(run.work?.cpuMs ?? NaN)} ms CPU in ${run.work?.events.length ?? 0} calls; ${longEntries(run.probe, contentScriptStart(run))}`,
    },
  ];
}

/**
 * Loads `url` with a trace running and leaves it alone for `settleMs`: no probe is read while
 * the trace runs, since every page.evaluate runs script, and microtask checkpoints, in the page.
 */
async function loadUntouched(context: BrowserContext, url: string, settleMs: number): Promise<{ work: ScriptWork | undefined; mentions: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    const recording = await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForTimeout(settleMs);
    const events = await recording.stop();
    const mentions = await page.evaluate(() => document.querySelectorAll('ti-mention').length);
    return { work: scriptWork(events, CONTENT_SCRIPTS, true), mentions };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

const PLAIN_LOADS = 5;

async function plainRows(context: BrowserContext, server: StaticServer, plain: GeneratedPage): Promise<BenchRow[]> {
  console.error('[bench] chromium: 100 KB page without matches...');
  const runs: ScriptWork[] = [];
  for (let i = 0; i < PLAIN_LOADS; i++) {
    const run = await loadUntouched(context, `${server.origin}/${plain.file}?run=${i}`, 1500);
    if (run.mentions !== 0) throw new Error(`the page without matches has ${run.mentions} mentions`);
    if (run.work) runs.push(run.work);
  }
  if (runs.length === 0) return [{ group: GROUP, metric: '100 KB without matches: content script main-thread time', value: NaN, unit: 'ms', note: 'the content script left no trace event' }];
  const mid = [...runs].sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(runs.length / 2)]!;
  const cpuOf = (names: string[]) => mid.events.filter((e) => names.includes(e.name)).reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
  return [
    {
      group: GROUP,
      metric: '100 KB without matches: content script main-thread time',
      value: mid.cpuMs,
      unit: 'ms CPU',
      target: '< 5',
      pass: mid.cpuMs < 5,
      note: `median of ${runs.length} loads (${runs.map((r) => ms(r.cpuMs)).join(', ')}; trace, the page runs no script while it is recorded): evaluation at injection ${ms(cpuOf(['EvaluateScript']))} (wall ${ms(mid.evaluateMs)}, compile ${ms(mid.compileMs)}; collecting the text and sending it to the background's screening), promise continuations ${ms(cpuOf(['RunMicrotasks']))} (the screening's answer, and the thread's other checkpoints), callbacks ${ms(cpuOf(['FunctionCall']))}; main module evaluated: ${mid.events.some((e) => e.name === 'v8.evaluateModule') ? 'yes' : 'no'}; wall ${ms(mid.wallMs)} ms; ${load()}`,
    },
  ];
}

async function jsHeapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

/** JS heap of a page (after GC): loaded and annotated in `context`. */
async function heapAfter(context: BrowserContext, url: string, settle: (page: Page) => Promise<unknown>): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await settle(page);
    return await jsHeapUsed(cdp);
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

/**
 * A 10 MB report: time to annotation, the longest task, the page's own rendering floor and,
 * with `heap`, the JS heap growth. `label` names the page's layout in the rows.
 */
async function largeRows(extension: LaunchedExtension, plainContext: BrowserContext, server: StaticServer, page10mb: GeneratedPage, label: string, heap: boolean): Promise<BenchRow[]> {
  console.error(`[bench] chromium: ${label}...`);
  const url = `${server.origin}/${page10mb.file}`;
  const run = await annotate(extension.context, url, 4000, 120_000);
  const longest = longestTask(run);
  const capped = run.mentions >= MAX_ANNOTATIONS;
  const floor = await oneEditRendering(plainContext, `${url}?floor`);
  const rows: BenchRow[] = [
    { group: GROUP, metric: `${label}: time to ${capped ? 'the cap and the end of the scan' : 'full annotation'}`, value: timeToAnnotated(run), unit: 'ms', note: `${run.mentions} mentions (cap ${MAX_ANNOTATIONS}); last mention at ${ms(run.probe.lastMentionAt)} ms; content script ${ms(run.work?.cpuMs ?? NaN)} ms CPU; ${load()}` },
    {
      group: GROUP,
      metric: `${label}: longest main-thread task while annotating`,
      value: longest.cpu,
      unit: 'ms CPU',
      target: '< 50',
      pass: longest.cpu < 50,
      note: `wall ${ms(longest.wall)} ms (${longest.inside}); ${longEntries(run.probe, contentScriptStart(run))}`,
    },
    {
      group: GROUP,
      metric: `${label} without the extension: rendering after a one-character edit`,
      value: floor.cpu,
      unit: 'ms CPU',
      note: `the page's own floor for any DOM write (the cheapest of 3 edits): wall ${ms(floor.wall)} ms (${floor.inside}); ${load()}`,
    },
  ];
  if (!heap) return rows;
  const withExtension = await heapAfter(extension.context, `${url}?heap`, (page) => waitForQuiet(page, 4000, 120_000));
  const without = await heapAfter(plainContext, `${url}?heap`, (page) => page.waitForTimeout(1000));
  const ratio = (withExtension - without) / page10mb.textBytes;
  rows.push({
    group: GROUP,
    metric: `${label}: JS heap growth / page text`,
    value: ratio,
    unit: 'x',
    target: '< 3',
    pass: ratio < 3,
    note: `JSHeapUsedSize after GC, annotated ${(withExtension / 1e6).toFixed(1)} MB vs the same page without the extension ${(without / 1e6).toFixed(1)} MB; text ${(page10mb.textBytes / 1e6).toFixed(1)} MB`,
  });
  return rows;
}

function bundleRow(): BenchRow {
  const sizes = CONTENT_SCRIPTS.map((path) => [path, statSync(join(builtExtensionDir, path)).size] as const);
  const bytes = sizes.reduce((n, [, size]) => n + size, 0);
  const parts = sizes.map(([path, size]) => `${path.slice(1)} ${size}`).join(' + ');
  return { group: GROUP, metric: 'content script bundle', value: bytes / 1000, unit: 'kB', target: '< 300', pass: bytes < 300_000, note: `${bytes} bytes: ${parts} (card-ui.js, loaded on first use, not counted)` };
}

async function popupRow(extension: LaunchedExtension): Promise<BenchRow> {
  console.error('[bench] chromium: popup...');
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const page = await extension.context.newPage();
    try {
      await page.setViewportSize({ width: 420, height: 600 });
      await page.goto(`${extension.extensionOrigin}/popup.html`);
      await page.locator('main[data-search-ready="true"]').waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
      const probe = await readProbe(page);
      const ready = await page.evaluate(() => performance.getEntriesByName('ti-lens:search-ready')[0]?.startTime ?? NaN);
      times.push(Math.max(ready, probe.focusAt));
    } finally {
      await page.close();
    }
  }
  const later = median(times.slice(1));
  return {
    group: GROUP,
    metric: 'popup: navigation → focused, usable search box',
    value: later,
    unit: 'ms',
    target: '< 150',
    pass: later < 150,
    note: `median of 5 reopenings (first open ${ms(times[0]!)} ms); later of the 'ti-lens:search-ready' mark and the box's focus; ${load()}`,
  };
}

interface ScriptMetrics {
  script: number;
  task: number;
}

async function metrics(cdp: CDPSession): Promise<ScriptMetrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (list.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

/** ScriptDuration and TaskDuration spent while the mutating page runs (ms), and the content script's trace. */
async function mutatingRun(context: BrowserContext, url: string, traced: boolean): Promise<{ script: number; task: number; wall: number; work?: ScriptWork }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const recording = traced ? await startTrace(cdp) : undefined;
    await page.goto(url, { waitUntil: 'commit' });
    const before = await metrics(cdp);
    const t0 = Date.now();
    await page.waitForFunction(() => (window as unknown as { __benchDone?: boolean }).__benchDone === true, undefined, { timeout: MUTATION_DURATION_MS + 30_000, polling: 500 });
    await page.waitForTimeout(300); // the last debounced re-scan
    const after = await metrics(cdp);
    const events = recording ? await recording.stop() : undefined;
    return { script: after.script - before.script, task: after.task - before.task, wall: Date.now() - t0, work: events && scriptWork(events, CONTENT_SCRIPTS) };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

async function mutationRow(extension: LaunchedExtension, plainContext: BrowserContext, server: StaticServer, mutating: GeneratedPage): Promise<BenchRow[]> {
  console.error('[bench] chromium: page rewriting its text every 10 ms for 10 s (with and without the extension)...');
  const url = `${server.origin}/${mutating.file}`;
  const withExtension = await mutatingRun(extension.context, url, true);
  const without = await mutatingRun(plainContext, `${url}?plain`, false);
  const extra = withExtension.script - without.script;
  const share = (100 * extra) / MUTATION_DURATION_MS;
  const traced = withExtension.work;
  return [
    {
      group: GROUP,
      metric: 'live page (text rewritten every 10 ms, 10 s): extension CPU',
      value: extra,
      unit: 'ms',
      note: `${share.toFixed(1)}% of the 10 s; ScriptDuration ${ms(withExtension.script)} ms with vs ${ms(without.script)} ms without the extension (TaskDuration ${ms(withExtension.task)} vs ${ms(without.task)}); content-loader.js and content-main.js trace events ${ms(traced?.cpuMs ?? NaN)} ms CPU in ${traced?.events.length ?? 0} calls; ${load()}`,
    },
  ];
}

const MATCHER_ENTRY = fileURLToPath(new URL('./chromium-matcher-entry.ts', import.meta.url));

/** utils/matcher bundled for a plain page (as the content script bundles it), by Vite. */
async function matcherBundle(): Promise<string> {
  const { build } = await import('vite');
  const out = await build({ configFile: false, logLevel: 'silent', build: { write: false, minify: true, lib: { entry: MATCHER_ENTRY, formats: ['iife'], name: 'tiBenchMatcher' } } });
  const first = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
  const code = first.output[0]?.code;
  if (!code) throw new Error('no matcher bundle');
  return code;
}

/** CPU time (trace: the renderer main thread's longest task) and in-page wall time of evaluating `expression`. */
async function timedEvaluate(page: Page, cdp: CDPSession, expression: string): Promise<{ cpu: number; wall: number }> {
  const recording = await startTrace(cdp);
  const wall = (await page.evaluate(`(() => { const t0 = performance.now(); ${expression}; return performance.now() - t0; })()`)) as number;
  const events = await recording.stop();
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const cpu = Math.max(0, ...events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`)).map((e) => (e.tdur ?? 0) / 1000));
  return { cpu, wall };
}

/**
 * createMatcher's first call in a fresh page (cold: the interpreter, no JIT feedback), with
 * the table's precomputed name hashes and without them; CPU time net of an empty evaluation.
 */
async function coldConstructionRows(context: BrowserContext, table: MatcherTable): Promise<BenchRow[]> {
  console.error('[bench] chromium: matcher construction in fresh pages...');
  const code = await matcherBundle();
  const variants: [string, MatcherTable][] = [
    ['with the shipped name hashes', table],
    ['names only (no nameHashes)', { ...table, nameHashes: undefined }],
  ];
  const rows: BenchRow[] = [];
  for (const [label, variant] of variants) {
    const cpu: number[] = [];
    const empty: number[] = [];
    const wall: number[] = [];
    let usesShipped = false;
    for (let i = 0; i < 8; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      try {
        await page.setContent('<p>cold start</p>');
        await page.addScriptTag({ content: `window.tiBenchTable = ${JSON.stringify(variant)};\n${code}` });
        await page.waitForTimeout(50);
        empty.push((await timedEvaluate(page, cdp, 'void 0')).cpu);
        const t = await timedEvaluate(page, cdp, 'window.tiBenchMatcher = tiBenchCreateMatcher(tiBenchTable)');
        cpu.push(t.cpu);
        wall.push(t.wall);
        usesShipped = (await page.evaluate('tiBenchUsesShippedHashes(tiBenchTable)')) as boolean;
      } finally {
        await cdp.detach().catch(() => {});
        await page.close();
      }
    }
    const value = median(cpu) - median(empty);
    rows.push({
      group: GROUP,
      metric: `matcher construction, first call in a fresh page, ${label}`,
      value,
      unit: 'ms CPU',
      target: variant.nameHashes ? '< 5' : undefined,
      pass: variant.nameHashes ? value < 5 : undefined,
      note: `median of 8 pages, net of an empty evaluation (${ms(median(empty))} ms); in-page wall median ${ms(median(wall))} ms; shipped hashes used: ${usesShipped ? 'yes' : 'no'}; ${load()}`,
    });
  }
  return rows;
}

function unavailable(reason: string): BenchRow[] {
  return [{ group: GROUP, metric: 'chromium rows', value: NaN, unit: '', note: reason }];
}

async function run(): Promise<BenchRow[]> {
  if (!existsSync(join(builtExtensionDir, 'manifest.json'))) return unavailable('no built extension: run `TI_SOURCES_DIR=../shared/data npm run build` first');
  if (!existsSync(chromiumPath)) return unavailable(`no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
  const { table, source } = loadTable();
  if (source !== 'real') console.error('[bench] chromium: the pages use a synthetic table; the extension annotates with its own.');

  const dir = mkdtempSync(join(tmpdir(), 'ti-lens-bench-pages-'));
  const rows: BenchRow[] = [bundleRow()];
  let extension: LaunchedExtension | undefined;
  let plainBrowser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  let server: StaticServer | undefined;
  try {
    console.error('[bench] chromium: generating pages...');
    const page1mb = writeReportPage(dir, 'report-1mb.html', table, 1_000_000, 101);
    const plain = writePlainPage(dir, 'plain-100kb.html', table, 100_000, 202);
    const page10mb = writeReportPage(dir, 'report-10mb.html', table, 10_000_000, 303);
    const sectioned10mb = writeReportPage(dir, 'report-10mb-sections.html', table, 10_000_000, 303, SECTION_PARAGRAPHS);
    const mutating = writeMutatingPage(dir, 'live.html', table, MUTATION_INTERVAL_MS, MUTATION_DURATION_MS, 404);
    server = await serveFolder(dir);
    extension = await launchExtension();
    await extension.context.addInitScript({ content: PAGE_PROBE });
    plainBrowser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
    const plainContext = await plainBrowser.newContext();
    await plainContext.addInitScript({ content: PAGE_PROBE });

    const steps: [string, () => Promise<BenchRow[]>][] = [
      ['matcher construction', () => coldConstructionRows(plainContext, table)],
      ['1 MB report', () => reportRows(extension!.context, server!, page1mb)],
      ['100 KB without matches', () => plainRows(extension!.context, server!, plain)],
      ['10 MB report', () => largeRows(extension!, plainContext, server!, page10mb, '10 MB report, one block', true)],
      ['10 MB report in sections', () => largeRows(extension!, plainContext, server!, sectioned10mb, `10 MB report in sections of ${SECTION_PARAGRAPHS}`, false)],
      ['popup', async () => [await popupRow(extension!)]],
      ['live page', () => mutationRow(extension!, plainContext, server!, mutating)],
    ];
    const only = process.env.BENCH_ONLY?.toLowerCase();
    for (const [name, step] of steps) {
      if (only && !name.toLowerCase().includes(only)) continue;
      try {
        rows.push(...(await step()));
      } catch (error) {
        rows.push({ group: GROUP, metric: name, value: NaN, unit: '', note: `failed: ${(error as Error).message.split('\n')[0]}` });
      }
    }
  } catch (error) {
    rows.push(...unavailable(`failed: ${(error as Error).message.split('\n')[0]}`));
  } finally {
    await extension?.close().catch(() => {});
    await plainBrowser?.close().catch(() => {});
    await server?.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export const chromiumBench: BenchModule = { name: 'chromium', run };
