import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useExtensionSession } from './harness/extension-session';
import { mentionReport, recordPageErrors } from './harness/page-probes';
import { waitForAnnotations } from './harness/wait-for-annotations';

type PageState = { text: string };

/** Whether the text of `selector` is still exactly what the page's script recorded before annotation. */
const textPreserved = (page: Page, selector = 'body') =>
  page.evaluate((s) => document.querySelector(s)!.textContent === (window as unknown as { __page: PageState }).__page.text, selector);

describe('huge and strange pages', () => {
  const env = useExtensionSession();

  beforeAll(async () => {
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await env.extension.context.newPage();
    const errors = recordPageErrors(page);
    await page.goto(`${env.server.origin}/strange/${path}`);
    return { page, errors };
  }

  it('annotates a page of 100,000 text nodes completely, in bounded time, keeping its text', async () => {
    const { page, errors } = await open('many-text-nodes.html?n=100000&every=25');
    const { names, buildMs } = await page.evaluate(() => (window as unknown as { __page: { names: number; buildMs: number } }).__page);
    expect(names).toBe(4000);
    // Poll in the page: the time the last mention appeared, on the page's clock.
    const doneAt = await page.waitForFunction(
      (expected) => (document.querySelectorAll('ti-mention').length >= expected ? performance.now() : 0),
      names,
      { timeout: 30_000, polling: 50 },
    );
    const { builtAt, longTasks } = await page.evaluate(
      () => (window as unknown as { __page: { builtAt: number; longTasks: { start: number; duration: number }[] } }).__page,
    );
    const annotateMs = (await doneAt.jsonValue()) - builtAt;
    const count = await waitForAnnotations(page, { atLeast: names, quietMs: 500 });
    const afterBuild = longTasks.filter((t) => t.start > builtAt);
    const longest = Math.max(0, ...afterBuild.map((t) => t.duration));
    console.info(
      `[strange] 100,000 text nodes: page built in ${buildMs.toFixed(0)} ms; all ${names} mentions ${annotateMs.toFixed(0)} ms after that; ` +
        `${afterBuild.length} long tasks (>50 ms) meanwhile, longest ${longest.toFixed(0)} ms`,
    );
    expect(count).toBe(names);
    const report = await mentionReport(page);
    expect(report.nested).toBe(0);
    expect(report.malformed).toBe(0);
    expect(new Set(report.texts)).toEqual(new Set(['APT28']));
    expect(await textPreserved(page, '#root')).toBe(true);
    expect(annotateMs).toBeLessThan(20_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('annotates at every level of 5,000-deep nesting, keeping the text', async () => {
    const started = Date.now();
    const { page, errors } = await open('deep-nesting.html?depth=5000');
    const { names } = await page.evaluate(() => (window as unknown as { __page: { names: number } }).__page);
    const count = await waitForAnnotations(page, { atLeast: names, timeoutMs: 20_000 });
    console.info(`[strange] 5,000-deep nesting: ${count} mentions, settled ${Date.now() - started} ms after navigation`);
    expect(count).toBe(names);
    const report = await mentionReport(page);
    expect(report.nested).toBe(0);
    expect(report.malformed).toBe(0);
    expect(await textPreserved(page)).toBe(true);
    // The deepest mention sits 5,000 elements down.
    expect(await page.evaluate(() => {
      const all = document.querySelectorAll('ti-mention');
      let depth = 0;
      for (let node: Node | null = all[all.length - 1]!; node && node !== document.body; node = node.parentNode) depth++;
      return depth;
    })).toBe(5001);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('handles right-to-left, CJK, combining marks, joiners, no-break spaces and soft hyphens as the matcher decides', async () => {
    const { page, errors } = await open('scripts-and-joiners.html');
    await waitForAnnotations(page, { atLeast: 10 });
    const paragraphs = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-expect]')].map((p) => ({
        id: p.id,
        expected: JSON.parse(p.dataset.expect!) as string[],
        actual: [...p.querySelectorAll('ti-mention')].map((m) => m.textContent),
      })),
    );
    for (const { id, expected, actual } of paragraphs) expect(actual, id).toEqual(expected);
    const report = await mentionReport(page);
    expect(report.nested).toBe(0);
    expect(report.malformed).toBe(0);
    expect(await textPreserved(page)).toBe(true);
    // No mention cuts a character from its combining marks or a joined sequence.
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('ti-mention')].filter((m) => {
        const next = m.nextSibling?.textContent?.[0] ?? '';
        const previous = m.previousSibling?.textContent?.slice(-1) ?? '';
        return /^\p{M}/u.test(next) || /^\p{M}/u.test(m.textContent!) || previous === '\u200d' || m.textContent!.endsWith('\u200d');
      }).length,
    );
    expect(cut).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
