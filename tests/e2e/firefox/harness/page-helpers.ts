import type { Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { annotationSelector } from '../../harness/annotation-elements';
import { waitForAnnotations, type WaitForAnnotationsOptions } from '../../harness/wait-for-annotations';

/** The annotation element the content script writes (see utils/annotate/mention-element.ts). */
export const mentionSelector = `ti-mention${annotationSelector}`;

/**
 * The extension's own UI hosts, as the annotator's skip rules name them
 * (utils/annotate/skip-rules.ts): a `ti-lens-*` tag or a `data-ti-lens-ui` attribute.
 */
export const extensionUiSelector = '[data-ti-lens-ui]';
export const extensionUiTagPrefix = 'ti-lens';

export interface Mention {
  kind: string;
  /** Candidate ids, best first (`data-ti-id` is a space-separated list). */
  ids: string[];
  text: string;
}

/**
 * Waits until the page's annotation count settles (at least `atLeast`), with the Chromium
 * harness's waiter: it only calls `page.evaluateHandle(fn, arg)` and `JSHandle.evaluate` and
 * `dispose`, which puppeteer's Page offers with the same meaning.
 */
export function waitForMentions(page: Page, options: WaitForAnnotationsOptions): Promise<number> {
  return waitForAnnotations(page as unknown as PlaywrightPage, options);
}

export function readMentions(page: Page): Promise<Mention[]> {
  return page.$$eval(mentionSelector, (elements) =>
    elements.map((element) => ({
      kind: element.getAttribute('data-ti-kind') ?? '',
      ids: (element.getAttribute('data-ti-id') ?? '').split(/\s+/).filter(Boolean),
      text: element.textContent ?? '',
    })),
  );
}

/** A page or one of its frames: the helpers below only query and evaluate in it. */
type Scope = Page | Frame;

/** The first mention whose text is exactly `text`, or a clear error. */
export async function mentionWithText(page: Scope, text: string): Promise<ElementHandle<Element>> {
  for (const handle of await page.$$(mentionSelector)) {
    if ((await handle.evaluate((element) => element.textContent)) === text) return handle;
    await handle.dispose();
  }
  throw new Error(`No annotation with the text "${text}" on ${page.url()}`);
}

export interface UiHostState {
  tag: string;
  /** Border box in viewport coordinates (transforms applied). */
  box: { x: number; y: number; width: number; height: number };
  viewport: { width: number; height: number };
  /** A non-empty box, and `checkVisibility` with visibility and opacity checked. */
  visible: boolean;
}

/**
 * Every extension UI host in the document with its box. The card itself sits in a closed
 * shadow root, out of reach; the host is what the page (and a test) can see.
 */
export function extensionUiHosts(page: Scope): Promise<UiHostState[]> {
  return page.evaluate(
    (selector, prefix) => {
      const found: UiHostState[] = [];
      for (const element of document.querySelectorAll('*')) {
        if (!element.localName.startsWith(prefix) && !element.matches(selector)) continue;
        const rect = element.getBoundingClientRect();
        found.push({
          tag: element.localName,
          box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
          viewport: { width: window.innerWidth, height: window.innerHeight },
          visible:
            rect.width > 0 &&
            rect.height > 0 &&
            element.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
        });
      }
      return found;
    },
    extensionUiSelector,
    extensionUiTagPrefix,
  );
}

/**
 * Polls `extensionUiHosts` until one is visible and its box has stayed the same for `quietMs`
 * (a card grows once its data arrives, and is placed again); throws with what it saw after
 * `timeoutMs`.
 */
export async function waitForVisibleUiHost(page: Scope, timeoutMs = 10_000, quietMs = 500): Promise<UiHostState> {
  const deadline = Date.now() + timeoutMs;
  let last: UiHostState | undefined;
  let stableSince = 0;
  for (;;) {
    const hosts = await extensionUiHosts(page);
    const visible = hosts.find((host) => host.visible);
    if (!visible || JSON.stringify(visible) !== JSON.stringify(last)) stableSince = Date.now();
    last = visible;
    if (visible && Date.now() - stableSince >= quietMs) return visible;
    if (Date.now() > deadline)
      throw new Error(
        `No visible extension UI host (a ti-lens-* element or [data-ti-lens-ui]) that kept still for ${quietMs} ms ` +
          `within ${timeoutMs} ms; hosts seen last: ${JSON.stringify(hosts)}`,
      );
    await new Promise((wake) => setTimeout(wake, 100));
  }
}
