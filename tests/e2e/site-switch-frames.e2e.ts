/**
 * The popup's on/off switch names the tab's site: turning it off must also stop the content
 * script in the page's frames from other sites (they check the site list against the tab's
 * top-level site, utils/content/page-site.ts), and turning it on again annotates them.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, OTHER_SITE_HOST, type LaunchedExtension } from './harness/launch-extension';
import { fixturePagesDir, recordPageErrors } from './harness/page-probes';
import { serveFolder, type StaticServer } from './harness/static-server';

type WorkerGlobal = { chrome: { storage: { sync: { set(items: object): Promise<void> } } } };

const setSiteList = (extension: LaunchedExtension, siteList: string[]) =>
  extension.serviceWorker.evaluate((list) => (globalThis as unknown as WorkerGlobal).chrome.storage.sync.set({ siteList: list }), siteList);

const mentionCount = (target: Page | Frame) => target.evaluate(() => document.querySelectorAll('ti-mention').length);

describe('the site switch and frames from other sites', () => {
  let extension: LaunchedExtension;
  let server: StaticServer;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    extension = await launchExtension();
    server = await serveFolder(fixturePagesDir);
    await setSiteList(extension, ['127.0.0.1']);
    page = await extension.context.newPage();
    errors = recordPageErrors(page);
    const port = new URL(server.origin).port;
    await page.goto(`${server.origin}/strange/frames.html?cross=${encodeURIComponent(`http://${OTHER_SITE_HOST}:${port}/strange/frame-content.html`)}`);
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  const crossFrame = () => {
    const frame = page.frames().find((f) => f.name() === 'cross');
    if (!frame) throw new Error('no cross-site frame');
    return frame;
  };

  it('leaves a frame of another site alone while the tab’s site is off', async () => {
    await expect.poll(() => crossFrame().url(), { timeout: 5000 }).toContain(OTHER_SITE_HOST);
    await crossFrame().waitForFunction(() => document.body?.textContent?.includes('APT28'));
    await page.waitForTimeout(1500); // the content scripts have read the settings by now
    expect(await mentionCount(crossFrame())).toBe(0);
    expect(await mentionCount(page)).toBe(0);
  });

  it('annotates the frame when the tab’s site is switched on again', async () => {
    await setSiteList(extension, []);
    await expect.poll(() => mentionCount(crossFrame()), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await mentionCount(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
