import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveFolder, type StaticServer } from '../harness/static-server';
import { launchFirefox, type LaunchedFirefox } from './harness/launch-firefox';
import {
  extensionUiHosts,
  mentionWithText,
  readMentions,
  waitForMentions,
  waitForVisibleUiHost,
} from './harness/page-helpers';
import { builtFirefoxExtensionDir } from './harness/paths';

const pagesDir = join(import.meta.dirname, 'pages');

describe('the built extension in Firefox ESR', () => {
  let server: StaticServer;
  let firefox: LaunchedFirefox;
  let page: Page;

  beforeAll(async () => {
    server = await serveFolder(pagesDir);
    firefox = await launchFirefox();
    page = await firefox.browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${server.origin}/threat-report.html`, { waitUntil: 'load', timeout: 15_000 });
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.error(`Last lines from Firefox:\n${firefox?.log() ?? '(not launched)'}`));
  });

  it('installs as a temporary add-on under its gecko id', () => {
    const manifest = JSON.parse(readFileSync(join(builtFirefoxExtensionDir, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    };
    expect(firefox.extensionId).toBe(manifest.browser_specific_settings.gecko.id);
  });

  it('loads the local report page', async () => {
    expect(page.url()).toBe(`${server.origin}/threat-report.html`);
    expect(await page.title()).toContain('threat report');
  });

  it('annotates the actors, technique and software the report names', async () => {
    await waitForMentions(page, { atLeast: 4, timeoutMs: 20_000 });
    const mentions = await readMentions(page);
    const find = (text: string) => {
      const found = mentions.find((mention) => mention.text === text);
      if (!found) throw new Error(`"${text}" is not annotated; annotations: ${JSON.stringify(mentions)}`);
      return found;
    };
    // Candidate ids are listed best first.
    expect([find('APT28').kind, find('APT28').ids[0]]).toEqual(['actor', 'G0007']);
    expect(find('T1566.001')).toMatchObject({ kind: 'technique', ids: ['T1566.001'] });
    expect([find('Mimikatz').kind, find('Mimikatz').ids[0]]).toEqual(['software', 'S0002']);
    expect(find('Group 72').kind).toBe('actor');
    expect(find('Group 72').ids).not.toEqual([]);
  });

  it('opens a hover card inside the viewport when an annotation is hovered', async () => {
    expect((await extensionUiHosts(page)).filter((host) => host.visible)).toEqual([]);
    const mention = await mentionWithText(page, 'APT28');
    await mention.hover();
    const host = await waitForVisibleUiHost(page, 10_000);
    const { box, viewport } = host;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 1);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 1);
  });

  it('opens a hover card on a mention the page annotated in its srcdoc frame', async () => {
    const frame = page.frames().find((f) => f.url() === 'about:srcdoc');
    expect(frame).toBeDefined();
    // The parent's instance annotates the frame; the frame's own instance loads the hover
    // cards once a mention is there (utils/content/first-mention.ts).
    const deadline = Date.now() + 15_000;
    while (!(await frame!.$('ti-mention')) && Date.now() < deadline) await new Promise((wake) => setTimeout(wake, 100));
    const mention = await mentionWithText(frame!, 'Kimsuky');
    await page.mouse.move(0, 0);
    await mention.hover();
    const host = await waitForVisibleUiHost(frame!, 10_000);
    expect(host.box.width * host.box.height).toBeGreaterThan(0);
  });

  it('sends nothing beyond loopback (every other request ends at the test proxy)', () => {
    expect(firefox.proxy.requests).toEqual([]);
  });
});
