import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageSummary } from '../../utils/annotate/page-summary';
import { useExtensionSession } from './harness/extension-session';
import { activeTabPageSummary } from './harness/page-summary';
import { mentionReport, readClosedCard, recordPageErrors, waitForCard, type CardContent } from './harness/page-probes';
import { waitForAnnotations } from './harness/wait-for-annotations';

interface CardAttacks {
  attachShadowCalls: number;
  capturedRoots: number;
  hostsSeen: number;
  hostShadowRoot?: string;
  hostChildren?: number;
  alerts: number;
}

/** What the page can see of the open card, and whether it is really on screen. */
function cardFromThePage(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('ti-lens-card');
    if (!host) return undefined;
    const box = host.getBoundingClientRect();
    const style = getComputedStyle(host);
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(20, box.height / 2));
    return {
      shadowRoot: String(host.shadowRoot),
      text: `${host.textContent}|${(host as HTMLElement).innerText}`,
      width: box.width,
      height: box.height,
      display: style.display,
      visibility: style.visibility,
      opacity: style.opacity,
      onTop: hit === host,
    };
  });
}

describe('a page attacking the hover card', () => {
  const env = useExtensionSession();
  let page: Page;
  let errors: string[];
  const dialogs: string[] = [];
  let textBefore: string;

  beforeAll(async () => {
    page = await env.extension.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    errors = recordPageErrors(page);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss().catch(() => {});
    });
    await page.goto(`${env.server.origin}/hostile/card-attacks.html`);
    textBefore = await page.evaluate(() => document.body.textContent!);
    await waitForAnnotations(page, { atLeast: 8 });
  });

  it('annotates the names beside the markup-looking text, and nothing inside it', async () => {
    const report = await mentionReport(page);
    console.info(`[hostile] mentions on the card-attack page: ${JSON.stringify(report.texts)}`);
    expect(report.nested).toBe(0);
    // The page's own <ti-mention> holds markup-looking text; every other mention is a name.
    expect(report.texts.filter((t) => !t.includes('<'))).toEqual([
      'APT28', 'Mimikatz', 'G0007', 'T1059', 'APT28', 'Fancy Bear', 'T1566', 'Sandworm Team',
    ]);
    expect(await page.evaluate(() => document.body.textContent)).toBe(textBefore);
  });

  it("keeps the page's own <ti-mention> out of the popup's list", async () => {
    await page.bringToFront();
    // Eight mentions of the annotator's, four of them APT28 (G0007); the page's own, which
    // claims G0007 too, is not a fifth.
    await expect.poll(async () => (await activeTabPageSummary(env.extension)) as PageSummary).toMatchObject({ mentions: 8, notAnnotated: 0 });
    const summary = (await activeTabPageSummary(env.extension)) as PageSummary;
    expect(summary.entities.find((e) => e.id === 'G0007')?.count).toBe(4);
  });

  it('shows every card despite the page CSS, keeps its shadow root closed and runs nothing from the text', async () => {
    // The annotator's mentions; the page's own <ti-mention> in #forged gets no card (next test).
    const ours = page.locator('ti-mention:not(#forged ti-mention)');
    const count = await ours.count();
    const seen: CardContent[] = [];
    for (let i = 0; i < count; i++) {
      const mention = ours.nth(i);
      await mention.click();
      const card = await waitForCard(page, (c) => c.text.length > 0 && !c.text.includes('Loading details'));
      seen.push(card);
      expect(card.mode).toBe('closed');
      expect(card.active, card.html).toBe(0);
      expect(card.color).not.toBe('rgb(255, 0, 0)');
      const outside = await cardFromThePage(page);
      expect(outside).toMatchObject({ shadowRoot: 'null', text: '|', display: 'block', visibility: 'visible', opacity: '1', onTop: true });
      expect(outside!.width).toBeGreaterThan(100);
      expect(outside!.height).toBeGreaterThan(50);
      const box = await page.locator('ti-lens-card').boundingBox();
      expect(box!.width * box!.height).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await page.locator('ti-lens-card').waitFor({ state: 'detached' });
    }
    console.info(`[hostile] ${seen.length} cards opened`);
    expect(seen).toHaveLength(8);
    for (const card of seen) expect(card.text).toMatch(/^TI Lens/);
    expect(seen[0]!.text).toContain('APT28');
  });

  it('opens no card for the mention the page wrote itself, whatever the reader does', async () => {
    const forged = page.locator('#forged ti-mention');
    await forged.hover();
    await page.waitForTimeout(800);
    await forged.click();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    expect(await page.locator('ti-lens-card').count()).toBe(0);
    expect(await readClosedCard(page)).toBeUndefined();
  });

  it('fired no dialog, created no element from the text and never handed the page a shadow root', async () => {
    const attacks = await page.evaluate(() => (window as unknown as { __cardAttacks: CardAttacks }).__cardAttacks);
    expect(dialogs).toEqual([]);
    expect(attacks).toMatchObject({ alerts: 0, attachShadowCalls: 0, capturedRoots: 0, hostShadowRoot: 'null', hostChildren: 0 });
    expect(attacks.hostsSeen).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelectorAll('img, svg, iframe, script:not(head script), object, embed').length)).toBe(0);
    expect(await page.evaluate(() => document.body.textContent)).toBe(textBefore);
    expect(await readClosedCard(page)).toBeUndefined();
    expect(errors).toEqual([]);
  });
});
