import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useExtensionSession } from './harness/extension-session';
import { requestsOutside } from './harness/network-recorder';
import { repoRoot } from './harness/paths';
import { waitForAnnotations } from './harness/wait-for-annotations';

/** One `<ti-mention>` as the page sees it. */
interface Mention {
  text: string;
  kind: string | null;
  ids: string[];
  /** The id of the nearest ancestor with one (inside a shadow root: of its nearest ancestor there, else of the host). */
  in: string;
  tabindex: string | null;
  role: string | null;
  /** The mention holds exactly one text node and nothing else. */
  plainText: boolean;
  nested: boolean;
}

/** Every mention of a frame's document and its open shadow roots, in tree order per root. */
function mentionsIn(target: Page | Frame): Promise<Mention[]> {
  return target.evaluate(() => {
    const found: Mention[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.shift(); root; root = roots.shift()) {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) roots.push(el.shadowRoot);
        if (el.localName !== 'ti-mention') continue;
        const host = (el.getRootNode() as ShadowRoot).host as Element | undefined;
        found.push({
          text: el.textContent ?? '',
          kind: el.getAttribute('data-ti-kind'),
          ids: (el.getAttribute('data-ti-id') ?? '').split(' '),
          in: el.closest('[id]')?.id ?? host?.id ?? '',
          tabindex: el.getAttribute('tabindex'),
          role: el.getAttribute('role'),
          plainText: el.childNodes.length === 1 && el.firstChild?.nodeType === 3,
          nested: !!el.parentElement?.closest('ti-mention'),
        });
      }
    }
    return found;
  });
}

const brief = (m: Mention) => `${m.kind} ${m.ids.join(' ')} "${m.text}" in #${m.in}`;

type WorkerGlobal = {
  chrome: {
    storage: { sync: { set(items: Record<string, unknown>): Promise<void>; remove(keys: string[]): Promise<void> } };
    tabs: { query(q: Record<string, unknown>): Promise<{ id?: number }[]> };
    action: { getBadgeText(d: { tabId: number }): Promise<string> };
  };
};

describe('annotating pages', () => {
  const env = useExtensionSession(join(repoRoot, 'tests/e2e/fixtures/annotation'));

  /** Opens a fixture in a new tab, recording `document.body.textContent` at DOMContentLoaded (before the content script runs). */
  async function openFixture(path: string): Promise<Page> {
    const page = await env.extension.context.newPage();
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __textAtLoad: string }).__textAtLoad = document.body.textContent ?? '';
      });
    });
    await page.goto(`${env.server.origin}/${path}`);
    return page;
  }

  beforeAll(async () => {
  });

  describe('a threat report', () => {
    let page: Page;
    let mentions: Mention[];
    const byText = (text: string) => mentions.filter((m) => m.text === text);

    beforeAll(async () => {
      page = await openFixture('threat-report.html');
      await waitForAnnotations(page, { atLeast: 11 });
      mentions = await mentionsIn(page);
    });

    afterAll(async () => {
      await page?.close();
    });

    it('annotates exactly the mentions an analyst would expect', () => {
      expect(mentions.map(brief)).toEqual([
        'actor G0007 "APT28" in #p-apt28',
        'actor G0007 "APT 28" in #p-apt28',
        'actor G0007 "Fancy Bear" in #p-apt28',
        'actor G0001 G0025 "Group 72" in #p-group72',
        'actor G0010 "Turla" in #p-turla',
        'technique T1566.001 "T1566.001" in #p-t1566',
        'technique T1086 "T1086" in #p-t1086',
        'software S0013 "PlugX" in #li-plugx',
        'software S0002 "Mimikatz" in #li-mimikatz',
        'software S0154 "Cobalt Strike" in #li-cobalt',
        'campaign C0012 "Operation CuckooBees" in #p-campaign',
      ]);
    });

    it.each([
      ['Group 72', 'actor', 'G0001'],
      ['APT28', 'actor', 'G0007'],
      ['APT 28', 'actor', 'G0007'],
      ['Fancy Bear', 'actor', 'G0007'],
      ['T1566.001', 'technique', 'T1566.001'],
      ['T1086', 'technique', 'T1086'],
      ['PlugX', 'software', 'S0013'],
      ['Mimikatz', 'software', 'S0002'],
      ['Cobalt Strike', 'software', 'S0154'],
      ['Operation CuckooBees', 'campaign', 'C0012'],
    ])('annotates "%s" once as %s %s (best id first)', (text, kind, id) => {
      const found = byText(text);
      expect(found).toHaveLength(1);
      expect(found[0]!.kind).toBe(kind);
      expect(found[0]!.ids[0]).toBe(id);
    });

    it('wraps a sub-technique ID whole: one T1566.001 mention, no T1566 mention', () => {
      expect(byText('T1566')).toEqual([]);
      expect(mentions.filter((m) => m.in === 'p-t1566').map((m) => m.text)).toEqual(['T1566.001']);
    });

    it('annotates "Turla" in "Turla\'s", not the possessive', async () => {
      expect(byText('Turla')).toHaveLength(1);
      const around = await page.locator('#p-turla ti-mention').evaluate((el) => [
        el.previousSibling?.textContent?.slice(-15),
        el.textContent,
        el.nextSibling?.textContent?.slice(0, 10),
      ]);
      expect(around).toEqual(['also confirmed ', 'Turla', "'s return "]);
    });

    it('follows the DOM contract: focusable role=button elements holding just the matched text', () => {
      for (const m of mentions) {
        expect(m, brief(m)).toMatchObject({ tabindex: '0', role: 'button', plainText: true, nested: false });
        expect(m.ids.every((id) => /^\S+$/.test(id)), brief(m)).toBe(true);
      }
    });

    it('leaves URLs, e-mail addresses, defanged domains and file names alone', async () => {
      for (const id of ['ref-url', 'ref-link', 'p-indicators']) expect(mentions.filter((m) => m.in === id), id).toEqual([]);
      expect(await page.locator('#refs ti-mention, #p-indicators ti-mention').count()).toBe(0);
      // The text is still there, in one piece.
      expect(await page.locator('#ref-url').textContent()).toBe('https://attack.mitre.org/techniques/T1059/');
      expect(await page.locator('#p-indicators').textContent()).toContain('apt28[.]example[.]com');
      expect(await page.locator('#p-indicators').textContent()).toContain('mimikatz.exe');
      expect(await page.locator('#p-indicators').textContent()).toContain('apt28@example.org');
    });

    it('leaves the title, form fields and attributes alone', async () => {
      expect(await page.title()).toBe('APT28 and Mimikatz: quarterly intrusion review');
      expect(await page.locator('head ti-mention').count()).toBe(0);
      expect(await page.locator('#form-area form ti-mention').count()).toBe(0);
      expect(await page.locator('#tip-actor').inputValue()).toBe('Mimikatz and APT28');
      expect(await page.locator('#tip-details').inputValue()).toBe('We think Fancy Bear used PlugX and Cobalt Strike here.');
      expect(await page.locator('#tip-kind option').allTextContents()).toEqual(['APT28', 'Turla']);
      expect(await page.locator('#p-attributes abbr').getAttribute('title')).toBe('APT28');
      expect(await page.locator('#p-attributes img').getAttribute('alt')).toBe('Turla infrastructure diagram');
      expect(await page.locator('#p-attributes ti-mention').count()).toBe(0);
    });

    it('keeps the page text exactly as it was', async () => {
      const [before, after] = await page.evaluate(() => [
        (window as unknown as { __textAtLoad?: string }).__textAtLoad,
        document.body.textContent,
      ]);
      expect(before).toBeTypeOf('string');
      expect(before!.length).toBeGreaterThan(1000);
      expect(after).toBe(before);
    });

    it('annotates tactic IDs only once the user turns tactics on', async () => {
      // Default: tactics are opt-in (utils/settings/settings.ts), so "TA0001" stays plain text.
      expect(await page.locator('#p-t1566').textContent()).toContain('(TA0001)');
      expect(mentions.some((m) => m.kind === 'tactic')).toBe(false);
      const sync = (items: Record<string, unknown> | null) =>
        env.extension.serviceWorker.evaluate(
          (next) => {
            const storage = (globalThis as unknown as WorkerGlobal).chrome.storage.sync;
            return next ? storage.set(next) : storage.remove(['annotateKinds']);
          },
          items,
        );
      try {
        await sync({ annotateKinds: ['actor', 'technique', 'software', 'campaign', 'tactic'] });
        await expect.poll(() => page.locator('ti-mention[data-ti-kind="tactic"]').allTextContents(), { timeout: 10_000 }).toEqual(['TA0001']);
        expect(await page.locator('ti-mention[data-ti-kind="tactic"]').getAttribute('data-ti-id')).toBe('TA0001');
        expect(await waitForAnnotations(page, { atLeast: 12 })).toBe(12);
      } finally {
        await sync(null);
      }
      await expect.poll(() => page.locator('ti-mention[data-ti-kind="tactic"]').count(), { timeout: 10_000 }).toBe(0);
      expect(await waitForAnnotations(page, { atLeast: 11 })).toBe(11);
      // Re-annotating restored and re-split the text without changing it.
      const [before, after] = await page.evaluate(() => [
        (window as unknown as { __textAtLoad?: string }).__textAtLoad,
        document.body.textContent,
      ]);
      expect(after).toBe(before);
    });
  });

  describe('an ordinary page whose words are also threat names', () => {
    it('annotates nothing ("axiom of choice", "Lazarus rose", "Mercury", "Dune", "Calendar", "Cobalt blue")', async () => {
      const page = await openFixture('ordinary.html');
      await waitForAnnotations(page);
      // A sentinel added after load is scanned after the page's own text: once it is
      // annotated, the first scan is over and whatever it left is its final answer.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.id = 'sentinel';
        p.textContent = 'Sentinel: T1566.001';
        document.body.append(p);
      });
      await page.locator('#sentinel ti-mention').waitFor({ timeout: 15_000 });
      await waitForAnnotations(page, { atLeast: 1 });
      expect((await mentionsIn(page)).map(brief)).toEqual(['technique T1566.001 "T1566.001" in #sentinel']);
      await page.close();
    });
  });

  describe('a single-page app', () => {
    let page: Page;

    beforeAll(async () => {
      page = await openFixture('spa.html');
      await page.bringToFront();
    });

    afterAll(async () => {
      await page?.close();
    });

    /** The toolbar badge of the active tab: how many distinct entities its page mentions. */
    const badgeText = () =>
      env.extension.serviceWorker.evaluate(async () => {
        const chrome = (globalThis as unknown as WorkerGlobal).chrome;
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id === undefined ? null : chrome.action.getBadgeText({ tabId: tab.id });
      });

    it('annotates text the page adds and changes after load', async () => {
      // The page appends #live and rewrites #status-text 500 ms after load.
      expect(await waitForAnnotations(page, { atLeast: 5 })).toBe(5);
      expect((await mentionsIn(page)).map(brief)).toEqual([
        'actor G0007 "APT28" in #intro',
        'software S0002 "Mimikatz" in #tools',
        'actor G0034 "Sandworm Team" in #live',
        'technique T1059.001 "T1059.001" in #live',
        'actor G0010 "Turla" in #status-text',
      ]);
      await expect.poll(badgeText).toBe('5');
    });

    it('follows a client-side navigation: old mentions go with the old view, the new view is annotated once', async () => {
      await page.locator('a[data-route="ransomware"]').click();
      await page.waitForURL(/\/feed\/ransomware$/);
      expect(await waitForAnnotations(page, { atLeast: 4 })).toBe(4);
      const mentions = await mentionsIn(page);
      expect(mentions.map(brief)).toEqual([
        'software S0154 "Cobalt Strike" in #rw-1',
        'technique T1486 "T1486" in #rw-1',
        'actor G0007 "APT28" in #rw-2',
        'actor G0010 "Turla" in #status-text',
      ]);
      expect(mentions.every((m) => !m.nested && m.plainText)).toBe(true);
      expect(await page.locator('ti-mention ti-mention').count()).toBe(0);
      expect(await page.locator('#view').textContent()).toContain(
        'Affiliates of the ransomware crew used Cobalt Strike and then T1486 to encrypt file servers.',
      );
      await expect.poll(badgeText).toBe('4');
    });

    it('annotates a view rendered again from the same markup', async () => {
      await page.locator('a[data-route="overview"]').click();
      await page.waitForURL(/\/feed\/overview$/);
      expect(await waitForAnnotations(page, { atLeast: 3 })).toBe(3);
      expect((await mentionsIn(page)).map(brief)).toEqual([
        'actor G0007 "APT28" in #intro',
        'software S0002 "Mimikatz" in #tools',
        'actor G0010 "Turla" in #status-text',
      ]);
      expect(await page.locator('ti-mention ti-mention').count()).toBe(0);
      await expect.poll(badgeText).toBe('3');
    });
  });

  describe('open shadow roots and same-origin frames', () => {
    let page: Page;

    beforeAll(async () => {
      page = await openFixture('shadow-and-frames.html');
    });

    afterAll(async () => {
      await page?.close();
    });

    it('annotates text inside an open shadow root', async () => {
      expect(await waitForAnnotations(page, { atLeast: 2 })).toBe(2);
      expect((await mentionsIn(page)).map(brief)).toEqual([
        'actor G0047 "Gamaredon Group" in #in-shadow',
        'technique T1059.001 "T1059.001" in #in-shadow',
      ]);
      // Playwright locators pierce open shadow roots.
      expect(await page.locator('briefing-card ti-mention').allTextContents()).toEqual(['Gamaredon Group', 'T1059.001']);
    });

    it('annotates same-origin frames, srcdoc included', async () => {
      const child = page.frame({ url: /frame-child\.html$/ });
      const srcdoc = page.frames().find((f) => f.url() === 'about:srcdoc');
      expect(child).toBeTruthy();
      expect(srcdoc).toBeTruthy();
      await expect.poll(async () => (await mentionsIn(child!)).length, { timeout: 15_000 }).toBe(2);
      await expect.poll(async () => (await mentionsIn(srcdoc!)).length, { timeout: 15_000 }).toBe(1);
      expect((await mentionsIn(child!)).map(brief)).toEqual([
        'software S0367 "Emotet" in #in-child',
        'software S0154 "Cobalt Strike" in #in-child',
      ]);
      expect((await mentionsIn(srcdoc!)).map(brief)).toEqual(['actor G0094 "Kimsuky" in #in-frame']);
    });
  });

  it('makes no request beyond the test server and the extension', () => {
    expect(env.extension.network.requests.length).toBeGreaterThan(0);
    expect(requestsOutside(env.extension.network.requests, [env.server.origin, env.extension.extensionOrigin])).toEqual([]);
  });
});
