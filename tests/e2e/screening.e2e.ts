import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { countAnnotations } from './harness/annotation-elements';
import { useExtensionSession } from './harness/extension-session';
import { activeTabPageSummary } from './harness/page-summary';
import { requestsOutside } from './harness/network-recorder';
import { repoRoot } from './harness/paths';
import { waitForAnnotations } from './harness/wait-for-annotations';

/**
 * A page that mentions nothing gets only the small registered content script: the background
 * screens its text and the annotator (content-main.js) is never loaded, until the page adds
 * text that mentions something.
 */
describe('a page that mentions nothing', () => {
  const env = useExtensionSession(join(repoRoot, 'tests/e2e/fixtures/annotation'));
  let page: Page;

  beforeAll(async () => {
    page = await env.extension.context.newPage();
    await page.goto(`${env.server.origin}/no-mentions.html`);
    await page.bringToFront();
  });

  const mainModuleRequests = () => env.extension.network.requests.filter((r) => r.url.endsWith('/content-main.js'));
  const menuFrame = () => page.frames().find((f) => f.url() === 'about:srcdoc')!;

  const pageSummary = () => activeTabPageSummary(env.extension);

  it('is left untouched and the annotator is not loaded, in the page or its frame', async () => {
    expect(await waitForAnnotations(page, { quietMs: 1500 })).toBe(0);
    expect(await menuFrame().locator('#dish').textContent()).toBe('Monday: tomato soup and bread.');
    expect(mainModuleRequests()).toEqual([]);
  });

  it('still answers the popup: nothing on this page', async () => {
    await expect.poll(pageSummary).toEqual({ mentions: 0, entities: [], notAnnotated: 0 });
  });

  it('is annotated as soon as it adds text that mentions an actor, and the popup then lists it', async () => {
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Update: the phishing wave was attributed to APT28, which ran T1059.001 scripts.';
      document.getElementById('news')!.append(p);
    });
    expect(await waitForAnnotations(page, { atLeast: 2 })).toBe(2);
    expect(await page.locator('#late ti-mention').allTextContents()).toEqual(['APT28', 'T1059.001']);
    expect(mainModuleRequests().length).toBeGreaterThan(0);
    await expect.poll(async () => ((await pageSummary()) as { mentions: number }).mentions).toBe(2);
  });

  it('loads the annotator in the frame only once the page annotates a mention there, whose card then opens', async () => {
    expect(mainModuleRequests().filter((r) => r.initiator === 'about:srcdoc')).toEqual([]);
    await menuFrame().evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Tuesday: a talk on Turla by the security team.';
      document.body.append(p);
    });
    const mention = menuFrame().locator('ti-mention');
    await mention.waitFor();
    expect(await mention.textContent()).toBe('Turla');
    // (Chromium reports each module request twice: by the extension's id and by a per-session URL.)
    await expect.poll(() => mainModuleRequests().filter((r) => r.initiator === 'about:srcdoc').length).toBeGreaterThan(0);
    await mention.focus();
    await page.keyboard.press('Enter');
    await menuFrame().locator('ti-lens-card').waitFor({ state: 'attached' });
  });

  it('keeps its text exactly as it was', async () => {
    expect(await page.locator('#news > p').first().textContent()).toBe(
      'The new building on the river opens to staff in May. Parking passes can be picked up at the front desk from the first of the month.',
    );
    expect(await countAnnotations(page)).toBe(2);
    expect(await menuFrame().locator('body').textContent()).toBe('Monday: tomato soup and bread.Tuesday: a talk on Turla by the security team.');
  });

  it('makes no network request outside the test server and the extension', () => {
    expect(requestsOutside(env.extension.network.requests, [env.server.origin, env.extension.extensionOrigin])).toEqual([]);
  });
});
