import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateLayer } from '../unit/export/navigator-layer-schema';
import { launchExtension, type LaunchedExtension } from './harness/launch-extension';
import { requestsOutside } from './harness/network-recorder';
import { repoRoot } from './harness/paths';

/** lookup.html?q=… opened as a normal tab. */
class LookupPage {
  constructor(readonly page: Page) {}

  static async open(extension: LaunchedExtension, query: string): Promise<LookupPage> {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`${extension.extensionOrigin}/lookup.html?q=${encodeURIComponent(query)}`);
    return new LookupPage(page);
  }

  profileTitle() {
    return this.page.locator('.profile > .til-card .til-title');
  }
  async waitForProfile(name: string) {
    await this.page.locator(`.profile[data-profile-id] > .til-card .til-title`).getByText(name, { exact: true }).waitFor({ timeout: 15_000 });
  }
  tacticNames() {
    return this.page.locator('.profile .til-tactic-group h4').allTextContents();
  }
}

describe('the lookup page', () => {
  let extension: LaunchedExtension;
  let lookup: LookupPage;

  beforeAll(async () => {
    extension = await launchExtension();
    lookup = await LookupPage.open(extension, 'Group 72');
    await lookup.waitForProfile('Axiom');
  });

  afterAll(async () => {
    await extension?.close();
  });

  it('shows Axiom for "Group 72", naming the other actor that alias is given to', async () => {
    const card = lookup.page.locator('.profile > .til-card');
    expect(await card.textContent()).toContain('G0001');
    expect(await lookup.page.locator('.profile .note').textContent()).toContain('APT17');
    expect(await lookup.page.title()).toBe('Axiom · TI Lens');
  });

  it('lists its techniques by tactic, matrix style', async () => {
    const tactics = await lookup.tacticNames();
    expect(tactics.some((t) => t.startsWith('Initial Access'))).toBe(true);
    expect(tactics.some((t) => t.startsWith('Resource Development'))).toBe(true);
    const initialAccess = lookup.page.locator('.til-tactic-group', { hasText: 'Initial Access' });
    expect(await initialAccess.textContent()).toContain('T1566');
    const resourceDevelopment = lookup.page.locator('.til-tactic-group', { hasText: 'Resource Development' });
    expect(await resourceDevelopment.textContent()).toContain('T1583.002');
  });

  it('links tools to their software profiles and shows aliases, country, operations and sources', async () => {
    expect(await lookup.page.locator('a[href="lookup.html?q=S0013"]').first().textContent()).toContain('PlugX');
    const text = (await lookup.page.locator('.profile').textContent()) ?? '';
    for (const expected of ['Talos', 'China', 'Operations', 'MITRE', 'CC BY-NC-SA 4.0']) expect(text).toContain(expected);
  });

  it('downloads a valid ATT&CK Navigator layer', async () => {
    const download = lookup.page.waitForEvent('download');
    await lookup.page.locator('[data-action="navigator-layer"]').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Axiom_G0001-layer.json');
    const layer = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(validateLayer(layer)).toEqual([]);
    expect(layer.versions).toEqual({ attack: '18', navigator: '5.1.0', layer: '4.5' });
    expect(layer.domain).toBe('enterprise-attack');
    expect(layer.techniques).toEqual(expect.arrayContaining([expect.objectContaining({ techniqueID: 'T1566', tactic: 'initial-access', score: 1 })]));
  });

  it('copies the techniques as text and as Markdown', async () => {
    // Headless Chromium cannot grant clipboard permissions to extension origins: record the writes instead.
    await lookup.page.evaluate(() => {
      const copied: string[] = [];
      (window as unknown as { copied: string[] }).copied = copied;
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    });
    const copied = () => lookup.page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    await lookup.page.locator('[data-action="copy-text"]').click();
    await expect.poll(() => lookup.page.locator('.export-status').textContent()).toContain('Copied 16 techniques as text');
    expect((await copied())[0]).toContain('  T1566 Phishing');
    await lookup.page.locator('[data-action="copy-markdown"]').click();
    await expect.poll(async () => (await copied())[1]).toContain('- [T1566](https://attack.mitre.org/techniques/T1566/) Phishing');
  });

  it('opens another profile in place and comes back with the browser history', async () => {
    await lookup.page.locator('a[href="lookup.html?q=S0013"]').first().click();
    await lookup.waitForProfile('PlugX');
    expect(lookup.page.url()).toMatch(/lookup\.html\?q=S0013$/);
    await lookup.page.goBack();
    await lookup.waitForProfile('Axiom');
  });

  it.runIf(process.env.UPDATE_SCREENSHOTS)('saves a screenshot for the README', async () => {
    mkdirSync(join(repoRoot, 'docs/screenshots'), { recursive: true });
    await lookup.page.evaluate(() => scrollTo(0, 0));
    await lookup.page.screenshot({ path: join(repoRoot, 'docs/screenshots/lookup.png') });
  });

  it('lists the groups and software using a technique', async () => {
    const page = await LookupPage.open(extension, 't1566.001');
    await page.waitForProfile('Spearphishing Attachment');
    await expect.poll(() => page.page.locator('.technique-users').textContent()).toContain('All groups using T1566.001');
    expect(await page.page.locator('.technique-users').textContent()).toContain('APT28');
    await page.page.close();
  });

  it('lets the reader choose when a name is ambiguous', async () => {
    const page = await LookupPage.open(extension, 'Spearphishing Attachment');
    await expect.poll(() => page.page.locator('.choices h1').textContent()).toContain('names several entities');
    expect(await page.page.locator('.choices [data-ti-id]').evaluateAll((links) => links.map((l) => l.getAttribute('data-ti-id')))).toEqual(
      expect.arrayContaining(['T1566.001', 'T1598.002', 'T0865']),
    );
    await page.page.close();
  });

  it('says when nothing matches and offers the closest names', async () => {
    const page = await LookupPage.open(extension, 'Sandwurmm Teeam');
    await expect.poll(() => page.page.locator('main').textContent()).toMatch(/No exact match|Nothing matches/);
    expect(await page.page.locator('main [data-ti-id="G0034"]').count()).toBe(1);
    await page.page.close();
  });

  it('shows a hostile query only as text, bounded to 100 characters', async () => {
    const hostile = `<img src=x onerror="document.title='pwned'">${'A'.repeat(200)}`;
    const page = await LookupPage.open(extension, hostile);
    await expect.poll(() => page.page.locator('main h1').count()).toBe(1);
    expect(await page.page.locator('main img').count()).toBe(0);
    expect(await page.page.title()).not.toBe('pwned');
    expect(await page.page.locator('.lookup-form input').inputValue()).toHaveLength(100);
    await page.page.close();
  });

  it('makes no network requests', () => {
    expect(requestsOutside(extension.network.requests, [extension.extensionOrigin])).toEqual([]);
  });
});
