import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useExtensionSession } from './harness/extension-session';
import {
  cardHostSelector,
  mentionReport,
  readMessageLog,
  recordPageErrors,
  startMessageLog,
  storageSnapshot,
  type MentionReport,
} from './harness/page-probes';
import { waitForAnnotations } from './harness/wait-for-annotations';

/** What tests/e2e/fixtures/hostile/forged-messages.html records in window.__hostile. */
interface HostileState {
  extensionId: string;
  forgeRounds: number;
  received: { via: string; data: string }[];
  attempts: Record<string, string>;
  fakeChromeCalls: string[];
  reads: Record<string, string>;
  readsDone?: boolean;
}
type HostileWindow = {
  __hostile: HostileState;
  __forge(): void;
  __readFiles(): Promise<void>;
  __forgeMention(): Promise<Record<string, unknown>>;
};

/** WXT's "content script started" announcement (see the kill-switch tests below). */
const isWxtAnnouncement = (received: { data: string }) => received.data.includes(':wxt:content-script-started');

/** Messages a content script of this page may send: anything else came from the page. */
const contentScriptMessages = new Set(['screenText', 'reportPageSummary', 'selectionChanged']);

describe('a page forging messages to the extension', () => {
  const env = useExtensionSession();
  let page: Page;
  let pageUrl: string;
  let errors: string[];
  let storageBefore: Awaited<ReturnType<typeof storageSnapshot>>;
  let pagesBefore: number;
  let annotated: MentionReport;
  const opened: string[] = [];

  beforeAll(async () => {
    await startMessageLog(env.extension.serviceWorker);
    storageBefore = await storageSnapshot(env.extension.serviceWorker);
    page = await env.extension.context.newPage();
    pagesBefore = env.extension.context.pages().length;
    env.extension.context.on('page', (p) => opened.push(p.url()));
    errors = recordPageErrors(page);
    pageUrl = `${env.server.origin}/hostile/forged-messages.html?ext=${env.extension.extensionId}`;
    await page.goto(pageUrl);
    await waitForAnnotations(page, { atLeast: 5 });
    annotated = await mentionReport(page);
    // Forge again now that the content script is running, then try to read the extension's files.
    for (let round = 0; round < 3; round++) await page.evaluate(() => (window as unknown as HostileWindow).__forge());
    await page.evaluate(() => (window as unknown as HostileWindow).__readFiles());
    await page.waitForTimeout(1000); // time for any answer to arrive
  });

  const state = () => page.evaluate(() => (window as unknown as HostileWindow).__hostile);

  it('gets no answer of any kind', async () => {
    const { received, forgeRounds, attempts, fakeChromeCalls } = await state();
    console.info(`[hostile] ${forgeRounds} rounds of forged messages; direct attempts: ${JSON.stringify(attempts)}`);
    expect(forgeRounds).toBeGreaterThanOrEqual(4);
    // WXT's own announcement is checked (and reported) by the kill-switch tests below.
    expect(received.filter((r) => !isWxtAnnouncement(r))).toEqual([]);
    // Chromium gives pages no chrome.runtime for an extension without externally_connectable.
    expect(Object.keys(attempts)).toHaveLength(5);
    for (const outcome of Object.values(attempts)) expect(outcome).toMatch(/^threw /);
    // Nothing in the extension calls into the page's fake `chrome` object.
    expect(fakeChromeCalls).toEqual([]);
  });

  it('makes the background look nothing up and open nothing', async () => {
    const log = await readMessageLog(env.extension.serviceWorker);
    const fromPage = log.filter((m) => m.url.startsWith(env.server.origin));
    expect(log.filter((m) => m.external)).toEqual([]);
    expect(fromPage.filter((m) => !contentScriptMessages.has(m.type))).toEqual([]);
    // What did arrive came from our content script (sender.id is the extension's own).
    for (const message of fromPage) expect(message.senderId).toBe(env.extension.extensionId);
    expect(env.extension.context.pages()).toHaveLength(pagesBefore);
    expect(opened).toEqual([]);
  });

  it('changes no setting', async () => {
    expect(await storageSnapshot(env.extension.serviceWorker)).toEqual(storageBefore);
  });

  it('cannot read the index or any other packaged file', async () => {
    const { reads, readsDone } = await state();
    expect(readsDone).toBe(true);
    console.info(`[hostile] reads of extension files: ${JSON.stringify(reads)}`);
    expect(Object.keys(reads)).toHaveLength(23);
    for (const [what, outcome] of Object.entries(reads)) {
      if (what.startsWith('iframe')) expect(outcome, what).toMatch(/^not readable/);
      else expect(outcome, what).toMatch(/^failed/);
    }
    // The blocked frame is an error page, not the lookup page.
    expect(page.frames().map((f) => f.url()).filter((url) => url.startsWith(env.extension.extensionOrigin))).toEqual([]);
  });

  it('leaves the annotations and the badge as the content script made them', async () => {
    expect(annotated.nested).toBe(0);
    expect(annotated.malformed).toBe(0);
    expect(annotated.texts).toEqual(expect.arrayContaining(['APT28', 'G0007', 'T1059', 'Mimikatz', 'G0001']));
    expect(await mentionReport(page)).toEqual(annotated);
    // The badge counts the page's real entities, not the forged summary's.
    const entities = await page.evaluate(
      () => new Set([...document.querySelectorAll('ti-mention')].map((m) => m.getAttribute('data-ti-id')!.split(' ')[0])).size,
    );
    // Without the tabs permission the worker cannot see tab URLs: read every tab's badge.
    const badges = await env.extension.serviceWorker.evaluate(async () => {
      type Chrome = {
        tabs: { query(q: object): Promise<{ id?: number }[]> };
        action: { getBadgeText(d: { tabId: number }): Promise<string> };
      };
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      const tabs = await chrome.tabs.query({});
      return Promise.all(tabs.map((tab) => chrome.action.getBadgeText({ tabId: tab.id! })));
    });
    expect(badges.filter((text) => text !== '')).toEqual([String(entities)]);
    expect(errors).toEqual([]);
  });

  it('a mention forged by the page, driven by synthetic events, opens nothing, looks nothing up and reveals nothing', async () => {
    const logBefore = (await readMessageLog(env.extension.serviceWorker)).length;
    const outcome = await page.evaluate(() => (window as unknown as HostileWindow).__forgeMention());
    await page.waitForTimeout(500);
    const lookups = (await readMessageLog(env.extension.serviceWorker)).slice(logBefore).filter((m) => m.type === 'getCards');
    console.info(`[hostile] forged mention: ${JSON.stringify(outcome)}; getCards lookups it triggered: ${lookups.length}`);
    // Cards open only for mentions the annotator made, and only from the reader's own input.
    expect(outcome).toMatchObject({
      cardHost: null,
      attachShadow: 'no card',
      realMentionCard: false,
      selectionHasCard: false,
      innerTextHasCard: false,
    });
    expect(lookups).toEqual([]);
    expect(env.extension.context.pages()).toHaveLength(pagesBefore);
    expect(opened).toEqual([]);
    expect(await storageSnapshot(env.extension.serviceWorker)).toEqual(storageBefore);
    expect((await readMessageLog(env.extension.serviceWorker)).filter((m) => m.type === 'openProfile')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the reader hovering, clicking or pressing Enter on the forged mention gets no card either; a real mention still works', async () => {
    const logBefore = (await readMessageLog(env.extension.serviceWorker)).length;
    const forged = page.locator('#forged-mention');
    await forged.scrollIntoViewIfNeeded();
    await forged.hover();
    await page.waitForTimeout(800);
    await forged.click();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    expect(await page.locator(cardHostSelector).count()).toBe(0);
    const lookups = () => readMessageLog(env.extension.serviceWorker).then((log) => log.slice(logBefore).filter((m) => m.type === 'getCards'));
    expect(await lookups()).toEqual([]);
    // The same real input on one of the annotator's mentions opens its card.
    await page.mouse.move(0, 0);
    await page.locator('ti-mention:not(#forged-mention)').first().hover();
    await page.locator(cardHostSelector).first().waitFor({ timeout: 5000 });
    expect((await lookups()).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

/**
 * WXT (0.20.27) content scripts dispatch a `<id>:content:wxt:content-script-started`
 * CustomEvent on the document and announce themselves with a window.postMessage carrying that
 * name, and abort their context when such an event from "a newer instance" arrives. A page
 * could therefore tell that the reader runs TI Lens, and switch it off on itself. The
 * registered content script is not a WXT content script (entrypoints/content-loader.ts) and
 * stops only when its extension context is really gone (utils/content/orphan-signal.ts).
 */
describe('a page that knows WXT\'s script-started event', () => {
  const env = useExtensionSession();
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    page = await env.extension.context.newPage();
    errors = recordPageErrors(page);
    await page.goto(`${env.server.origin}/hostile/kill-switch.html?ext=${env.extension.extensionId}`);
    await page.waitForFunction(() => (window as unknown as { __killSwitch: { lateAdded: boolean } }).__killSwitch.lateAdded);
    await waitForAnnotations(page, { quietMs: 800, timeoutMs: 10_000 }).catch(() => 0);
  });

  const killSwitch = () =>
    page.evaluate(() => (window as unknown as { __killSwitch: { announcements: string[]; fired: number; heard: number } }).__killSwitch);

  it('is not told the extension id by the content script, nor that the extension runs here', async () => {
    const { announcements, heard } = await killSwitch();
    console.info(`[hostile] WXT announcements the page saw: ${JSON.stringify(announcements)}; script-started events it did not fire: ${heard}`);
    expect(announcements).toEqual([]);
    expect(heard).toBe(0);
  });

  it('cannot switch annotation and hover cards off with it', async () => {
    const { fired } = await killSwitch();
    const report = await mentionReport(page);
    console.info(`[hostile] forged script-started events: ${fired}; mentions afterwards: ${JSON.stringify(report.texts)}`);
    expect(fired).toBeGreaterThan(10);
    expect(report.texts).toEqual(['APT28', 'T1059', 'APT28', 'T1059']);
    await page.locator('#late ti-mention').first().click();
    await page.locator('ti-lens-card').waitFor({ timeout: 5000 });
    expect(errors).toEqual([]);
  });
});
