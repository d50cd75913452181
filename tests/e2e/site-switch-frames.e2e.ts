/**
 * The popup's on/off switch names the tab's site: turning it off must also stop the content
 * script in the page's frames from other sites (they check the site list against the tab's
 * top-level site, utils/content/page-site.ts), and turning it on again annotates them.
 */
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useExtensionSession } from './harness/extension-session';
import { OTHER_SITE_HOST } from './harness/launch-extension';
import { recordPageErrors, setSyncStorage } from './harness/page-probes';

const mentionCount = (target: Page | Frame) => target.evaluate(() => document.querySelectorAll('ti-mention').length);

describe('the site switch and frames from other sites', () => {
  const env = useExtensionSession();
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    await setSyncStorage(env.extension.serviceWorker, { siteList: ['127.0.0.1'] });
    page = await env.extension.context.newPage();
    errors = recordPageErrors(page);
    const port = new URL(env.server.origin).port;
    await page.goto(`${env.server.origin}/strange/frames.html?cross=${encodeURIComponent(`http://${OTHER_SITE_HOST}:${port}/strange/frame-content.html`)}`);
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
    await setSyncStorage(env.extension.serviceWorker, { siteList: [] });
    await expect.poll(() => mentionCount(crossFrame()), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await mentionCount(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
