import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAnnotations } from './harness/annotation-elements';
import { launchExtension, type LaunchedExtension } from './harness/launch-extension';
import { requestsOutside } from './harness/network-recorder';
import { repoRoot } from './harness/paths';
import { serveFolder, type StaticServer } from './harness/static-server';
import { waitForAnnotations } from './harness/wait-for-annotations';

/** options.html opened as a normal tab. */
class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(extension: LaunchedExtension): Promise<OptionsPage> {
    const page = await extension.context.newPage();
    await page.goto(`${extension.extensionOrigin}/options.html`);
    await page.locator('#site-input').waitFor();
    return new OptionsPage(page);
  }

  async addSite(host: string) {
    await this.page.locator('#site-input').fill(host);
    await this.page.getByRole('button', { name: 'Add' }).click();
    await this.page.locator(`[data-site="${host}"]`).waitFor();
  }
  async removeSite(host: string) {
    await this.page.getByRole('button', { name: `Remove ${host}` }).click();
    await this.page.locator(`[data-site="${host}"]`).waitFor({ state: 'detached' });
  }
}

type WorkerGlobal = { chrome: { storage: { sync: { get(keys: string[]): Promise<Record<string, unknown>> } } } };

/** Values in chrome.storage.sync, read in the service worker. */
const syncStorage = (extension: LaunchedExtension, keys: string[]) =>
  extension.serviceWorker.evaluate((k) => (globalThis as unknown as WorkerGlobal).chrome.storage.sync.get(k), keys);

describe('the options page', () => {
  let extension: LaunchedExtension;
  let server: StaticServer;
  let options: OptionsPage;

  beforeAll(async () => {
    extension = await launchExtension();
    server = await serveFolder(join(repoRoot, 'tests/e2e/pages'));
    options = await OptionsPage.open(extension);
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  it('shows the defaults', async () => {
    expect(await options.page.locator('input[name="annotationEnabled"]').isChecked()).toBe(true);
    expect(await options.page.locator('input[name="siteListMode"][value="deny"]').isChecked()).toBe(true);
    expect(await options.page.locator('input[name="highlightStyle"][value="underline"]').isChecked()).toBe(true);
    expect(await options.page.locator('input[name="hoverDelayMs"]').inputValue()).toBe('300');
    expect(await options.page.locator('input[name="strictMode"]').isChecked()).toBe(false);
    expect(await options.page.locator('input[name="kind-actor"]').isChecked()).toBe(true);
    expect(await options.page.locator('input[name="kind-tactic"]').isChecked()).toBe(false);
  });

  it('saves each change to its sync storage item at once', async () => {
    await options.page.locator('input[name="strictMode"]').check();
    await options.page.locator('input[name="highlightStyle"][value="subtle"]').check();
    // Tactic IDs are opt-in: turning them on stores all five kinds.
    await options.page.locator('input[name="kind-tactic"]').check();
    await expect
      .poll(() => syncStorage(extension, ['strictMode', 'highlightStyle', 'annotateKinds']))
      .toEqual({ strictMode: true, highlightStyle: 'subtle', annotateKinds: ['actor', 'technique', 'software', 'campaign', 'tactic'] });
    await options.page.locator('input[name="strictMode"]').uncheck();
    await options.page.locator('input[name="highlightStyle"][value="underline"]').check();
    await options.page.locator('input[name="kind-tactic"]').uncheck();
  });

  it('rejects what is not a host name', async () => {
    await options.page.locator('#site-input').fill('not a host!');
    await options.page.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => options.page.getByRole('status').last().textContent()).toContain('Not a host name');
    await options.page.locator('#site-input').fill('');
  });

  it('turning a site off removes the annotations from its open pages without a reload', async () => {
    const article = await extension.context.newPage();
    await article.goto(`${server.origin}/popup-threat-report.html`);
    expect(await waitForAnnotations(article, { atLeast: 1 })).toBeGreaterThan(0);

    await options.addSite('127.0.0.1');
    expect(await syncStorage(extension, ['siteList'])).toEqual({ siteList: ['127.0.0.1'] });
    await expect.poll(() => countAnnotations(article), { timeout: 5000 }).toBe(0);

    await options.removeSite('127.0.0.1');
    await expect.poll(() => countAnnotations(article), { timeout: 5000 }).toBeGreaterThan(0);
    await article.close();
  });

  it('shows the datasets, their counts and the attributions their licences require', async () => {
    const about = options.page.locator('.about');
    await about.locator('[data-counts]').waitFor();
    const text = (await about.textContent()) ?? '';
    expect(text).toMatch(/\d+ threat actors \(\d+ ATT&CK groups\), \d+ techniques/);
    expect(text).toContain('© 2025 The MITRE Corporation');
    expect(text).toContain('version 18.1');
    expect(text).toContain('CC BY-NC-SA 4.0');
    expect(text).toContain('CC0 1.0 or BSD-2-Clause');
  });

  it('makes no network requests of its own', () => {
    expect(requestsOutside(extension.network.requests, [extension.extensionOrigin, server.origin])).toEqual([]);
  });
});
