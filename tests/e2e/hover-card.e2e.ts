import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityNodes, readShadowContent, type AxNode } from './harness/closed-shadow';
import { useExtensionSession } from './harness/extension-session';
import { requestsOutside } from './harness/network-recorder';
import { repoRoot } from './harness/paths';
import { waitForAnnotations } from './harness/wait-for-annotations';
import { NameFlag, type MatcherTable } from '../../utils/matcher/table';

/** The default hover delay (utils/settings/settings.ts). */
const HOVER_DELAY_MS = 300;
const CARD = 'ti-lens-card';

/** What the card shows, read through the DevTools protocol ('' when there is no card). */
async function cardText(page: Page): Promise<string> {
  return (await readShadowContent(page, CARD))?.text ?? '';
}

/** The card's top accessible node: a tooltip while hovered or focused, a dialog once pinned. */
async function cardRoot(page: Page): Promise<AxNode | undefined> {
  return (await accessibilityNodes(page)).find((n) => (n.role === 'dialog' || n.role === 'tooltip') && n.name.startsWith('TI Lens:'));
}

const describeCard = (n: AxNode | undefined) => (n ? `${n.role}: ${n.name}` : 'none');

/** The focused accessible node, described with the card role around it (if any). */
async function focusedInCard(page: Page): Promise<string> {
  // The root web area counts as focused too: take the deepest focused node.
  const focused = (await accessibilityNodes(page))
    .filter((n) => n.focused)
    .sort((a, b) => b.ancestors.length - a.ancestors.length)[0];
  if (!focused) return 'nothing focused';
  const card = focused.ancestors.find((a) => a.role === 'dialog' || a.role === 'tooltip');
  return `${card ? `${card.role}: ${card.name}` : 'outside the card'} > ${focused.role}: ${focused.name}`;
}

/** What the page itself sees as focused: the tag and text of document.activeElement. */
const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.localName} ${el.localName === 'ti-mention' ? el.textContent : ''}`.trim() : 'none';
  });

describe('hover cards', () => {
  const env = useExtensionSession(join(repoRoot, 'tests/e2e/fixtures/annotation'));

  async function openFixture(path: string, viewport = { width: 1100, height: 800 }): Promise<Page> {
    const page = await env.extension.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${env.server.origin}/${path}`);
    return page;
  }

  beforeAll(async () => {
  });

  describe('on hover', () => {
    let page: Page;
    const mention = () => page.locator('#p-group72 ti-mention');

    beforeAll(async () => {
      page = await openFixture('threat-report.html');
      await waitForAnnotations(page, { atLeast: 11 });
    });

    afterAll(async () => {
      await page?.close();
    });

    const cardUiRequests = () => env.extension.network.requests.filter((r) => r.url.endsWith('/card-ui.js') && r.initiator === page.url());

    it('loads the card UI only when a mention is first reached', async () => {
      await page.mouse.move(5, 5);
      await page.waitForTimeout(300);
      expect(cardUiRequests()).toEqual([]);
    });

    it('opens a card for "Group 72" after the hover delay', async () => {
      expect(await page.locator(CARD).count()).toBe(0);
      const hoveredAt = Date.now();
      await mention().hover();
      await page.locator(CARD).waitFor({ state: 'attached', timeout: 5000 });
      expect(Date.now() - hoveredAt).toBeGreaterThanOrEqual(HOVER_DELAY_MS);
      expect(await mention().getAttribute('aria-expanded')).toBe('true');
      // Chromium requests it under its dynamic URL, then under the static one it maps to.
      expect(cardUiRequests().length).toBeGreaterThan(0);
    });

    it('shows Axiom: its ID, the alias matched and who named it, country, techniques by tactic', async () => {
      await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Techniques by tactic');
      const text = await cardText(page);
      for (const expected of ['Axiom', 'G0001', 'Group 72', 'Talos', 'China', 'Initial Access', 'T1566']) {
        expect(text, expected).toContain(expected);
      }
      expect(describeCard(await cardRoot(page))).toBe('tooltip: TI Lens: Axiom');
    });

    it('keeps the card out of the page’s reach (closed shadow root, nothing in the light DOM)', async () => {
      expect((await readShadowContent(page, CARD))?.shadowRootTypes).toEqual(['closed']);
      const seenByPage = await page.evaluate((tag) => {
        const host = document.querySelector(tag);
        return { found: host !== null, shadowRoot: host?.shadowRoot ?? null, text: host?.textContent, inBody: document.body.contains(host) };
      }, CARD);
      expect(seenByPage).toEqual({ found: true, shadowRoot: null, text: '', inBody: false });
    });

    it('closes when the pointer leaves', async () => {
      await page.mouse.move(2, 2);
      await page.locator(CARD).waitFor({ state: 'detached', timeout: 5000 });
      expect(await mention().getAttribute('aria-expanded')).toBe('false');
    });
  });

  it('keeps the card inside the viewport for a mention in the bottom-right corner', async () => {
    const viewport = { width: 900, height: 600 };
    const page = await openFixture('card-edge.html', viewport);
    await waitForAnnotations(page, { atLeast: 1 });
    const mention = page.locator('#corner-note ti-mention');
    const mentionBox = (await mention.boundingBox())!;
    // The mention really is in the corner.
    expect(mentionBox.x + mentionBox.width).toBeGreaterThan(viewport.width - 40);
    expect(mentionBox.y + mentionBox.height).toBeGreaterThan(viewport.height - 40);

    await mention.hover();
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Techniques by tactic');
    const placement = async () => {
      const host = page.locator(CARD);
      const placed = (await host.evaluate((el: HTMLElement) => el.style.transform)) !== '';
      const box = await host.boundingBox();
      if (!placed || !box) return 'not placed yet';
      const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
      const overlapsMention =
        box.x < mentionBox.x + mentionBox.width && mentionBox.x < box.x + box.width &&
        box.y < mentionBox.y + mentionBox.height && mentionBox.y < box.y + box.height;
      return `${inside ? 'inside' : 'outside'} the viewport, ${overlapsMention ? 'covering' : 'beside'} the mention (${JSON.stringify(box)})`;
    };
    await expect.poll(async () => (await placement()).split(' (')[0], { timeout: 5000 }).toBe('inside the viewport, beside the mention');
    const box = (await page.locator(CARD).boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeGreaterThan(100);
    await page.close();
  });

  describe('from the keyboard', () => {
    let page: Page;

    beforeAll(async () => {
      page = await openFixture('threat-report.html');
      await waitForAnnotations(page, { atLeast: 11 });
    });

    afterAll(async () => {
      await page?.close();
    });

    it('Tab reaches the first mention, which shows its card as a tooltip', async () => {
      await page.keyboard.press('Tab');
      expect(await activeElement(page)).toBe('ti-mention APT28');
      await expect.poll(async () => describeCard(await cardRoot(page)), { timeout: 10_000 }).toBe('tooltip: TI Lens: APT28');
    });

    it('Enter opens the card as a dialog and moves focus into it', async () => {
      await page.keyboard.press('Enter');
      await expect.poll(async () => describeCard(await cardRoot(page)), { timeout: 10_000 }).toBe('dialog: TI Lens: APT28');
      await expect.poll(() => focusedInCard(page), { timeout: 10_000 }).toMatch(/^dialog: TI Lens: APT28 > /);
      // The page only sees its own element: focus is retargeted to the card's host.
      expect(await activeElement(page)).toBe(CARD);
    });

    it('keeps Tab inside the dialog, wrapping around at both ends', async () => {
      // Focus starts on the first control of the card body; Shift+Tab passes the close button and wraps to the end.
      const visited = new Set<string>();
      for (const key of ['Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Tab', 'Tab', 'Tab', 'Tab']) {
        await page.keyboard.press(key);
        const focused = await focusedInCard(page);
        expect(focused, `after ${key}`).toMatch(/^dialog: TI Lens: APT28 > /);
        visited.add(focused);
      }
      expect(visited.size).toBeGreaterThanOrEqual(3);
      expect(await activeElement(page)).toBe(CARD);
    });

    it('Escape closes it and gives focus back to the mention', async () => {
      await page.keyboard.press('Escape');
      await page.locator(CARD).waitFor({ state: 'detached', timeout: 5000 });
      expect(await activeElement(page)).toBe('ti-mention APT28');
      expect(await page.locator('#p-apt28 ti-mention').first().getAttribute('aria-expanded')).toBe('false');
    });

    it('Space opens it as well, and Escape again returns focus', async () => {
      await page.keyboard.press(' ');
      await expect.poll(async () => describeCard(await cardRoot(page)), { timeout: 10_000 }).toBe('dialog: TI Lens: APT28');
      await expect.poll(() => focusedInCard(page), { timeout: 10_000 }).toMatch(/^dialog: TI Lens: APT28 > /);
      // Space opened the card; it did not scroll the page.
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await page.keyboard.press('Escape');
      await page.locator(CARD).waitFor({ state: 'detached', timeout: 5000 });
      expect(await activeElement(page)).toBe('ti-mention APT28');
    });
  });

  describe('an ambiguous name', () => {
    let page: Page;
    const mention = () => page.locator('#p-group72 ti-mention');

    beforeAll(async () => {
      page = await openFixture('threat-report.html');
      await waitForAnnotations(page, { atLeast: 11 });
    });

    afterAll(async () => {
      await page?.close();
    });

    it('lists every actor called "Group 72", best first', async () => {
      // The data the extension was built with: "Group 72" is not a common word and names G0001 Axiom, then G0025 APT17.
      const table = JSON.parse(readFileSync(join(repoRoot, 'data/generated/matcher-table.json'), 'utf8')) as MatcherTable;
      const entry = table.names.find(([surface]) => surface === 'Group 72');
      expect(entry, 'matcher table entry for "Group 72"').toBeDefined();
      const [, flags, refs] = entry!;
      expect(flags & NameFlag.Common).toBe(0);
      expect(refs.map((ref) => `${table.entities[ref]}:${table.entityKinds[ref]}`)).toEqual(['G0001:a', 'G0025:a']);

      expect(await mention().getAttribute('data-ti-id')).toBe('G0001 G0025');
      expect(await mention().getAttribute('data-ti-kind')).toBe('actor');
    });

    it('offers a switcher between the candidates, and the arrow keys switch cards', async () => {
      await mention().focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => describeCard(await cardRoot(page)), { timeout: 10_000 }).toBe('dialog: TI Lens: Axiom');
      expect(await cardText(page)).toContain('“Group 72” is a name used for 2 actors');
      const tabs = (await accessibilityNodes(page)).filter((n) => n.role === 'tab' && n.ancestors.some((a) => a.role === 'dialog'));
      expect(tabs.map((t) => t.name.split(' ').slice(0, 2).join(' '))).toEqual(['Axiom G0001', 'APT17 G0025']);
      expect(tabs[0]!.name).toContain('Talos');

      // Focus starts on the selected candidate; ArrowDown moves to the next and shows its card.
      await expect.poll(() => focusedInCard(page), { timeout: 10_000 }).toMatch(/^dialog: TI Lens: Axiom > tab: Axiom G0001/);
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => focusedInCard(page), { timeout: 5000 }).toMatch(/^dialog: TI Lens: Axiom > tab: APT17 G0025/);
      const headings = (await accessibilityNodes(page)).filter((n) => n.role === 'heading' && n.ancestors.some((a) => a.role === 'tabpanel'));
      expect(headings.map((h) => h.name)).toContain('APT17');
      expect(headings.map((h) => h.name)).not.toContain('Axiom');

      await page.keyboard.press('Escape');
      await page.locator(CARD).waitFor({ state: 'detached', timeout: 5000 });
      expect(await activeElement(page)).toBe('ti-mention Group 72');
    });
  });

  describe('in open shadow roots and same-origin frames', () => {
    let page: Page;

    beforeAll(async () => {
      page = await openFixture('shadow-and-frames.html');
      await waitForAnnotations(page, { atLeast: 2 });
    });

    afterAll(async () => {
      await page?.close();
    });

    const cases: [where: string, mention: (p: Page) => Locator, frame: (p: Page) => Frame | null, title: string][] = [
      ['an open shadow root', (p) => p.locator('briefing-card ti-mention').first(), (p) => p.mainFrame(), 'Gamaredon Group'],
      ['a same-origin frame', (p) => p.frameLocator('#child-frame').locator('ti-mention').first(), (p) => p.frame({ url: /frame-child\.html$/ }), 'Emotet'],
      ['a srcdoc frame', (p) => p.frameLocator('#srcdoc-frame').locator('ti-mention').first(), (p) => p.frames().find((f) => f.url() === 'about:srcdoc') ?? null, 'Kimsuky'],
    ];

    it.each(cases)('opens the card of a mention in %s', async (_where, mention, frame, title) => {
      await mention(page).waitFor({ timeout: 15_000 });
      await mention(page).hover();
      const host = frame(page)!.locator(CARD);
      await host.waitFor({ state: 'attached', timeout: 5000 });
      // Read through DOM.getDocument, which pierces frames as well (the accessibility tree call covers the top frame only).
      await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain(title);
      expect(await frame(page)!.evaluate((tag) => document.querySelector(tag)?.shadowRoot ?? null, CARD)).toBeNull();
      await page.mouse.move(2, 2);
      await host.waitFor({ state: 'detached', timeout: 5000 });
    });
  });

  it('makes no request beyond the test server and the extension', () => {
    expect(env.extension.network.requests.length).toBeGreaterThan(0);
    expect(requestsOutside(env.extension.network.requests, [env.server.origin, env.extension.extensionOrigin])).toEqual([]);
  });
});
