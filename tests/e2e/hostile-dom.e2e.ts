import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useExtensionSession } from './harness/extension-session';
import {
  cardHostSelector,
  evaluateMainWorld,
  isolatedMentionReport,
  mentionReport,
  recordPageErrors,
  waitForCard,
  type MentionReport,
} from './harness/page-probes';
import { waitForAnnotations } from './harness/wait-for-annotations';

/**
 * Waits for the annotation count to settle, reading it from an isolated world (the page may
 * have broken its own, where page.evaluate runs).
 */
async function settledReport(page: Page, atLeast: number): Promise<MentionReport> {
  const deadline = Date.now() + 15_000;
  let last = await isolatedMentionReport(page);
  let since = Date.now();
  for (;;) {
    if (last.count >= atLeast && Date.now() - since >= 600) return last;
    if (Date.now() > deadline) throw new Error(`Annotations did not settle (last ${last.count}, wanted ${atLeast})`);
    await page.waitForTimeout(100);
    const next = await isolatedMentionReport(page);
    if (next.count !== last.count) since = Date.now();
    last = next;
  }
}

describe('a page that breaks the DOM and builtins of its own world', () => {
  const env = useExtensionSession();
  let control: MentionReport;
  let hostile: MentionReport;
  let calls: string[];
  let refused: string[];
  let errors: string[];

  /** Opens the page, waits for its annotations, adds its late paragraph and waits again. */
  async function annotate(query: string): Promise<{ page: Page; report: MentionReport }> {
    const page = await env.extension.context.newPage();
    const pageErrors = recordPageErrors(page);
    await page.goto(`${env.server.origin}/hostile/prototype-overrides.html${query}`);
    const first = await settledReport(page, 10);
    await evaluateMainWorld(page, 'window.__addLate(), true');
    const report = await settledReport(page, first.count + 1);
    errors.push(...pageErrors);
    return { page, report };
  }

  beforeAll(async () => {
    errors = [];
    control = (await annotate('?control')).report;
    const { page } = await annotate('');
    hostile = await isolatedMentionReport(page);
    ({ calls, refused } = await evaluateMainWorld<{ calls: string[]; refused: string[] }>(page, '({ calls: [...window.__overrides.calls], refused: [...window.__overrides.refused] })'));
  });

  it('is annotated exactly like the same page with its APIs intact, late text and open shadow root included', () => {
    console.info(`[hostile] mentions with broken page APIs: ${JSON.stringify(hostile.texts)}; overrides the browser refused: ${JSON.stringify(refused)}`);
    expect(control.entries).toContainEqual(['Sandworm Team', 'actor', expect.any(String)]);
    expect(control.texts.slice(-2)).toEqual(['APT28', 'T1566']); // the open shadow root
    expect(hostile.entries).toEqual(control.entries);
    expect(hostile.nested).toBe(0);
    expect(hostile.malformed).toBe(0);
  });

  it('never calls into what the page replaced', () => {
    expect(calls).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('names in attributes, URLs and text that is not prose', () => {
  const env = useExtensionSession();
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    page = await env.extension.context.newPage();
    errors = recordPageErrors(page);
    await page.goto(`${env.server.origin}/hostile/hidden-text.html`);
    await waitForAnnotations(page, { atLeast: 2 });
  });

  it('annotates the control paragraph only', async () => {
    const report = await mentionReport(page);
    expect(report.texts).toEqual(['APT28', 'T1059']);
    expect(await page.locator('#control ti-mention').count()).toBe(2);
    expect(await page.evaluate(() => document.querySelectorAll('head ti-mention, #hidden ti-mention').length)).toBe(0);
    expect(await page.evaluate(() => [...document.querySelectorAll('template')].some((t) => t.content.querySelector('ti-mention')))).toBe(false);
  });

  it('leaves the title, the head, attributes, form values, templates, SVG and URLs exactly as they were', async () => {
    const { before, after } = await page.evaluate(() => {
      const w = window as unknown as { __before: string; __snapshot(): string };
      return { before: w.__before, after: w.__snapshot() };
    });
    expect(after).toBe(before);
    expect(await page.title()).toBe('APT28 and T1059 in the title');
    expect(errors).toEqual([]);
  });
});

/**
 * A page may register `ti-mention` and `ti-lens-card` as its own custom elements: its
 * constructors then run when the extension creates one. Mentions survive a throwing
 * constructor (the browser makes an HTMLUnknownElement). The card does not survive a
 * constructor that attaches a shadow root first: createCardHost's attachShadow would throw,
 * so card-host.ts falls back to a host the page cannot define.
 */
describe('a page that defines our tag names as custom elements', () => {
  const env = useExtensionSession();
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    page = await env.extension.context.newPage();
    errors = recordPageErrors(page);
    await page.goto(`${env.server.origin}/hostile/custom-elements.html`);
    await waitForAnnotations(page, { atLeast: 3 });
  });

  const ownErrors = () => errors.filter((e) => !e.includes('page: no mentions here'));

  it('still gets its mentions, with the text kept', async () => {
    const report = await mentionReport(page);
    expect(report.texts).toEqual(['APT28', 'T1059', 'Mimikatz']);
    expect(report.malformed).toBe(0);
    expect(await page.locator('#first').textContent()).toBe('APT28 used T1059 and Mimikatz.');
    const state = await page.evaluate(() => (window as unknown as { __customElements: { mentionsConstructed: number } }).__customElements);
    expect(state.mentionsConstructed).toBe(3);
  });

  it('still gets hover cards, which the page cannot read', async () => {
    await page.locator('ti-mention').first().click();
    const card = await waitForCard(page, (c) => c.text.includes('APT28') && !c.text.includes('Loading'), 3000);
    expect(card.mode).toBe('closed');
    const box = await page.locator(cardHostSelector).first().boundingBox();
    expect(box!.width * box!.height).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __cardTextSeenByPage(): string }).__cardTextSeenByPage())).toBe('');
    expect(ownErrors()).toEqual([]);
  });
});

