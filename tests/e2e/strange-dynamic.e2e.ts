import type { CDPSession, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useExtensionSession } from './harness/extension-session';
import { mentionReport, recordPageErrors, setSyncStorage } from './harness/page-probes';
import { waitForAnnotations } from './harness/wait-for-annotations';

/** The issue asks for a minute of mutations; CI runs 10 s of them (MUTATION_SECONDS to change). */
const MUTATION_SECONDS = Number(process.env.MUTATION_SECONDS ?? 10);

interface MutatingState {
  ticks: number;
  done: boolean;
  expected: string[];
  started: number;
  stopped: number;
}

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}


describe('pages that keep changing', () => {
  const env = useExtensionSession();

  beforeAll(async () => {
  });

  /**
   * Runs the mutating page to its end and returns the main thread's script and task time
   * during the mutations (CDP Performance metrics cover the page and the content script).
   */
  async function runMutatingPage(): Promise<{ page: Page; errors: string[]; wallMs: number; scriptMs: number; taskMs: number; ticks: number }> {
    const page = await env.extension.context.newPage();
    const errors = recordPageErrors(page);
    const cdp = await env.extension.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(`${env.server.origin}/strange/mutating.html?seconds=${MUTATION_SECONDS}&interval=10`);
    const start = await metrics(cdp);
    const startedAt = Date.now();
    await page.waitForFunction(() => (window as unknown as { __page: MutatingState }).__page.done, null, {
      timeout: (MUTATION_SECONDS + 20) * 1000,
      polling: 250,
    });
    const end = await metrics(cdp);
    const wallMs = Date.now() - startedAt;
    await cdp.detach();
    const { ticks } = await page.evaluate(() => (window as unknown as { __page: MutatingState }).__page);
    return {
      page,
      errors,
      wallMs,
      scriptMs: (end.ScriptDuration! - start.ScriptDuration!) * 1000,
      taskMs: (end.TaskDuration! - start.TaskDuration!) * 1000,
      ticks,
    };
  }

  it(`survives text replaced every 10 ms for ${MUTATION_SECONDS} s: no error, no duplicate, text kept, CPU bounded`, async () => {
    // Baseline: the same page with annotation switched off (the content script still runs).
    await setSyncStorage(env.extension.serviceWorker, { annotationEnabled: false });
    const baseline = await runMutatingPage();
    expect(await baseline.page.locator('ti-mention').count()).toBe(0);
    await baseline.page.close();
    await setSyncStorage(env.extension.serviceWorker, { annotationEnabled: true });

    const run = await runMutatingPage();
    const { page, errors } = run;
    const paragraphs = await page.evaluate(() => (window as unknown as { __page: MutatingState }).__page.expected.length);
    await waitForAnnotations(page, { atLeast: paragraphs * 2, timeoutMs: 15_000 });

    const share = (ms: number) => `${((100 * ms) / run.wallMs).toFixed(1)}%`;
    console.info(
      `[strange] ${run.ticks} mutations in ${(run.wallMs / 1000).toFixed(1)} s (every 10 ms). Main-thread script time: ` +
        `${run.scriptMs.toFixed(0)} ms = ${share(run.scriptMs)} of wall time with annotation, ` +
        `${baseline.scriptMs.toFixed(0)} ms = ${share(baseline.scriptMs)} without; the extension's share about ` +
        `${share(run.scriptMs - baseline.scriptMs)}. Task time ${share(run.taskMs)} with, ${share(baseline.taskMs)} without.`,
    );
    expect(run.ticks).toBeGreaterThan(MUTATION_SECONDS * 30);
    expect(run.scriptMs / run.wallMs).toBeLessThan(0.3);

    // Every paragraph shows exactly the text the page last wrote, with its two names once each.
    const check = await page.evaluate(() => {
      const { expected } = (window as unknown as { __page: MutatingState }).__page;
      const items = [...document.querySelectorAll('#feed > p')];
      return {
        wrongText: items.filter((p, k) => p.textContent !== expected[k]).length,
        wrongMentions: items.filter((p) => [...p.querySelectorAll('ti-mention')].map((m) => m.textContent).join() !== 'APT28,T1059').length,
        counter: document.getElementById('ticks')!.textContent,
        ticks: (window as unknown as { __page: MutatingState }).__page.ticks,
        outside: document.querySelectorAll('ti-mention').length - document.querySelectorAll('#feed ti-mention').length,
      };
    });
    expect(check).toMatchObject({ wrongText: 0, wrongMentions: 0, outside: 0 });
    expect(check.counter).toBe(String(check.ticks));
    const report = await mentionReport(page);
    expect(report.count).toBe(paragraphs * 2);
    expect(report.nested).toBe(0);
    expect(report.malformed).toBe(0);
    expect([...baseline.errors, ...errors]).toEqual([]);
    await page.close();
  });

  it('annotates every paragraph of an infinite scroll adding 1,000 a second for 5 s exactly once, up to the 5,000 cap', async () => {
    const page = await env.extension.context.newPage();
    const errors = recordPageErrors(page);
    const started = Date.now();
    await page.goto(`${env.server.origin}/strange/infinite-scroll.html?perSecond=1000&seconds=5&extra=200`);
    await page.waitForFunction(() => (window as unknown as { __page: { done: boolean } }).__page.done, null, { timeout: 30_000, polling: 250 });
    const addedAfter = Date.now() - started;
    const count = await waitForAnnotations(page, { atLeast: 5000, timeoutMs: 30_000 });
    const settledAfter = Date.now() - started;
    const check = await page.evaluate(() => {
      const items = [...document.querySelectorAll<HTMLElement>('#feed > p')];
      const counts = items.map((p) => p.querySelectorAll('ti-mention').length);
      const firstUnannotated = counts.indexOf(0);
      return {
        paragraphs: items.length,
        annotated: counts.filter((c) => c === 1).length,
        more: counts.filter((c) => c > 1).length,
        wrong: items.filter((p) => p.querySelector('ti-mention') && p.querySelector('ti-mention')!.textContent !== p.dataset.name).length,
        // Annotated in the order they came: every paragraph before the first unannotated one is.
        gaps: firstUnannotated < 0 ? 0 : counts.slice(firstUnannotated).filter((c) => c > 0).length,
        textKept: document.getElementById('feed')!.textContent === (window as unknown as { __page: { text: string } }).__page.text,
      };
    });
    console.info(
      `[strange] infinite scroll: ${check.paragraphs} paragraphs added in ${(addedAfter / 1000).toFixed(1)} s, ` +
        `${count} mentions settled ${((settledAfter - addedAfter) / 1000).toFixed(1)} s after the last batch`,
    );
    expect(check).toEqual({ paragraphs: 5200, annotated: 5000, more: 0, wrong: 0, gaps: 0, textKept: true });
    const report = await mentionReport(page);
    expect(report.count).toBe(5000);
    expect(report.nested).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  /**
   * Frameworks keep the Text nodes they render and later set their nodeValue, removeChild
   * them (alone among siblings, or with their element), move them, or insert at an anchor read
   * from the DOM (`last.nextSibling`). Mentions split those nodes in place, and the annotator
   * repairs a broken split in its MutationObserver callback: one task after the page's write,
   * the page reads exactly as it wrote it, and its new text is annotated again soon after.
   */
  it('keeps working for a framework that updates, removes and moves the text nodes it holds', async () => {
    const page = await env.extension.context.newPage();
    const errors = recordPageErrors(page);
    await page.goto(`${env.server.origin}/strange/held-text-nodes.html`);
    // Render 1: status 1, list 6, detail 4, moved item 2, queue 1 (the page's own <ti-mention>, without our attributes, does not count).
    await waitForAnnotations(page, { atLeast: 14 });
    type Expected = Record<'status' | 'list' | 'detail' | 'from' | 'to' | 'queue', string>;
    type Framework = { render(n: number): void; heldInPlace(): boolean; state: { errors: string[]; expected: Expected } };
    const shown = () =>
      page.evaluate(() => {
        const { state, heldInPlace } = (window as unknown as { __framework: Framework }).__framework;
        const ids = ['status', 'list', 'detail', 'from', 'to', 'queue'] as const;
        return {
          errors: state.errors,
          heldInPlace: heldInPlace(),
          wrong: ids.filter((id) => document.getElementById(id)!.textContent !== state.expected[id]),
        };
      });
    const mentionsIn = () =>
      page.evaluate(() => {
        const of = (selector: string) => [...document.querySelectorAll(`${selector} ti-mention`)].map((m) => `${m.textContent}=${m.getAttribute('data-ti-id')!.split(' ')[0]}`);
        return { status: of('#status'), list: of('#list'), detail: of('#detail'), from: of('#from'), to: of('#to'), queue: of('#queue') };
      });
    expect(await shown()).toEqual({ errors: [], heldInPlace: true, wrong: [] });

    for (const n of [2, 3]) {
      // One task after the page's write: the repair ran in the MutationObserver callback.
      const afterOneTask = await page.evaluate(async (render) => {
        const { render: run, state, heldInPlace } = (window as unknown as { __framework: Framework }).__framework;
        run(render);
        await new Promise((r) => setTimeout(r, 0));
        const ids = ['status', 'list', 'detail', 'from', 'to', 'queue'] as const;
        return {
          errors: state.errors,
          heldInPlace: heldInPlace(),
          wrong: ids.filter((id) => document.getElementById(id)!.textContent !== state.expected[id]),
        };
      }, n);
      console.info(`[strange] framework-held text nodes one task after render ${n}: ${JSON.stringify(afterOneTask)}`);
      expect(afterOneTask).toEqual({ errors: [], heldInPlace: true, wrong: [] });

      // Then the new text is annotated again, without duplicates or stale text.
      await page.waitForFunction(
        (render) =>
          document.querySelector('#status ti-mention')?.textContent === 'APT28' &&
          document.querySelectorAll('#list ti-mention').length === 6 &&
          document.querySelectorAll('#to ti-mention').length === 2 &&
          document.querySelectorAll('#queue ti-mention').length === render,
        n,
        { timeout: 10_000, polling: 100 },
      );
      await waitForAnnotations(page, { quietMs: 300 });
      expect(await shown()).toEqual({ errors: [], heldInPlace: true, wrong: [] });
      expect(await mentionsIn()).toEqual({
        status: ['APT28=G0007'],
        list: Array(3).fill(['T1059=T1059', 'G0007=G0007']).flat(),
        detail: ['G0007=G0007', 'T1059=T1059'],
        from: [],
        to: ['Sandworm Team=G0034', 'T1059=T1059'],
        queue: ['APT28=G0007', ...Array(n - 1).fill('T1059=T1059')],
      });
    }
    const report = await mentionReport(page);
    expect(report.nested).toBe(0);
    // The page's own <ti-mention> lacks our attributes; every other one is well-formed.
    expect(report.malformed).toBe(1);

    // Switching annotation off gives every held node its whole text back, in place; the
    // page's own <ti-mention> stays; the framework keeps rendering.
    await setSyncStorage(env.extension.serviceWorker, { annotationEnabled: false });
    try {
      await page.waitForFunction(() => document.querySelectorAll('ti-mention').length === 1, null, { timeout: 10_000, polling: 100 });
      expect(await page.evaluate(() => document.querySelector('#own ti-mention[data-widget]')?.textContent)).toBe('APT28 badge');
      expect(await shown()).toEqual({ errors: [], heldInPlace: true, wrong: [] });
      // Each held node is one whole text node again.
      expect(await page.evaluate(() => document.getElementById('status')!.childNodes.length)).toBe(1);
      await page.evaluate(async () => {
        (window as unknown as { __framework: Framework }).__framework.render(4);
        await new Promise((r) => setTimeout(r, 0));
      });
      expect(await shown()).toEqual({ errors: [], heldInPlace: true, wrong: [] });
    } finally {
      await setSyncStorage(env.extension.serviceWorker, { annotationEnabled: true });
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
