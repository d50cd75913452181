import { join } from 'node:path';
import type { Frame, Page, Worker } from 'playwright-core';
import { repoRoot } from './paths';

/** Root of the hand-built hostile and strange pages (tests/e2e/fixtures/{hostile,strange}). */
export const fixturePagesDir = join(repoRoot, 'tests/e2e/fixtures');

/**
 * Uncaught errors of the page, its frames and the content script's isolated world (Playwright
 * reports exceptions of every world of the page as `pageerror`).
 */
export function recordPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  return errors;
}

/**
 * In-page source (a string, so it runs unchanged in any world): checks every `<ti-mention>` of
 * the document, open shadow roots included, for the contract attributes, exactly one text
 * child and no nesting; lists [text, kind, ids] of each.
 */
const mentionReportSource = `(() => {
  const found = [];
  const roots = [document];
  for (let root = roots.pop(); root; root = roots.pop()) {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName === 'ti-mention') found.push(element);
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  let nested = 0;
  let malformed = 0;
  for (const mention of found) {
    if (mention.parentElement && mention.parentElement.closest('ti-mention')) nested++;
    const ok = mention.childNodes.length === 1 && mention.firstChild.nodeType === 3 &&
      !!mention.getAttribute('data-ti-kind') && !!mention.getAttribute('data-ti-id') &&
      mention.getAttribute('tabindex') === '0' && mention.getAttribute('role') === 'button';
    if (!ok) malformed++;
  }
  return {
    count: found.length,
    texts: found.map((m) => m.textContent),
    entries: found.map((m) => [m.textContent, m.getAttribute('data-ti-kind'), m.getAttribute('data-ti-id')]),
    nested,
    malformed,
  };
})()`;

/** What the DOM contract says about a document's annotations. */
export interface MentionReport {
  count: number;
  /** The text of each mention, in document order (open shadow roots last). */
  texts: string[];
  /** [text, data-ti-kind, data-ti-id] of each mention. */
  entries: [string, string, string][];
  /** Mentions inside another mention. */
  nested: number;
  /** Mentions that hold anything but one text node, or miss a contract attribute. */
  malformed: number;
}

/** Checks the annotations of a page's or frame's document (in its main world). */
export function mentionReport(target: Page | Frame): Promise<MentionReport> {
  return target.evaluate(mentionReportSource) as Promise<MentionReport>;
}

/**
 * Evaluates `expression` in a fresh isolated world of the page's main frame, through the
 * DevTools protocol: for pages that break the DOM and builtins of their own (main) world,
 * where Playwright's page.evaluate runs.
 */
export async function evaluateIsolated<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'ti-lens-test-probe' });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(`evaluateIsolated: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** {@link mentionReport} from an isolated world the page's scripts cannot touch. */
export function isolatedMentionReport(page: Page): Promise<MentionReport> {
  return evaluateIsolated<MentionReport>(page, mentionReportSource);
}

/** Evaluates `expression` in the page's main world through the DevTools protocol (no page promises or JSON involved). */
export async function evaluateMainWorld<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (exceptionDetails) throw new Error(`evaluateMainWorld: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export interface CardContent {
  /** The shadow root's mode as the DevTools protocol reports it. */
  mode: string;
  /** Text of the card (its stylesheet left out). */
  text: string;
  html: string;
  /** Elements in the card that could run or load script: img, script, iframe, object, embed, javascript: links. */
  active: number;
  /** Computed colour of the card's text, to check page CSS did not reach in. */
  color: string;
}

/** The hover card's host: `ti-lens-card`, or an element marked `data-ti-lens-ui` that hosts a shadow root. */
export const cardHostSelector = 'ti-lens-card, [data-ti-lens-ui]';

/**
 * The content of the hover card's closed shadow root, read through the DevTools protocol
 * (the page itself cannot). Undefined while no card is open.
 */
export async function readClosedCard(page: Page): Promise<CardContent | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type DomNode = {
      nodeName: string;
      attributes?: string[];
      children?: DomNode[];
      shadowRoots?: (DomNode & { shadowRootType?: string; backendNodeId: number })[];
    };
    let host: DomNode | undefined;
    for (const pending: DomNode[] = [root as DomNode]; pending.length > 0 && !host; ) {
      const node = pending.pop()!;
      // The card host, or another element marked as the extension's UI that hosts a shadow root.
      const isUi = node.nodeName === 'TI-LENS-CARD' || (node.attributes?.includes('data-ti-lens-ui') && node.shadowRoots?.length);
      if (isUi) host = node;
      pending.push(...(node.children ?? []), ...(node.shadowRoots ?? []));
    }
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      returnByValue: true,
      functionDeclaration: `function () {
        const active = this.querySelectorAll('img, script, iframe, object, embed, [onerror], [onload], a[href^="javascript:" i]').length;
        const content = [...this.children].filter((el) => el.localName !== 'style');
        const body = this.querySelector('.til-hover') || content[0] || this;
        return {
          text: content.map((el) => el.textContent).join(''),
          html: content.map((el) => el.outerHTML).join(''),
          active,
          color: getComputedStyle(body).color,
        };
      }`,
    });
    return { mode: shadow.shadowRootType ?? '', ...(result.value as Omit<CardContent, 'mode'>) };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Polls the closed card until `ready` holds (e.g. its data has loaded). */
export async function waitForCard(page: Page, ready: (card: CardContent) => boolean, timeoutMs = 10_000): Promise<CardContent> {
  const deadline = Date.now() + timeoutMs;
  let last: CardContent | undefined;
  for (;;) {
    last = await readClosedCard(page);
    if (last && ready(last)) return last;
    if (Date.now() > deadline) throw new Error(`The hover card did not get ready within ${timeoutMs} ms (last text: ${JSON.stringify(last?.text)})`);
    await page.waitForTimeout(100);
  }
}

type WorkerGlobal = {
  chrome: {
    storage: {
      sync: { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
      local: { get(keys: null): Promise<Record<string, unknown>> };
    };
    runtime: {
      onMessage: { addListener(listener: (message: unknown, sender: { url?: string; id?: string; frameId?: number }) => void): void };
      onMessageExternal: { addListener(listener: (message: unknown, sender: { url?: string; id?: string }) => void): void };
      onConnectExternal: { addListener(listener: (port: { sender?: { url?: string } }) => void): void };
    };
  };
  __tiLensTestLog?: LoggedMessage[];
};

/** A message the background received, as recorded by {@link startMessageLog}. */
export interface LoggedMessage {
  type: string;
  external: boolean;
  url: string;
  senderId: string;
}

/**
 * Records, in the service worker, every runtime message and external message or connection
 * it receives (listeners that answer nothing, beside the extension's own). Idempotent.
 */
export async function startMessageLog(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as WorkerGlobal;
    if (g.__tiLensTestLog) return;
    const log: LoggedMessage[] = [];
    g.__tiLensTestLog = log;
    // No named helper functions here: tsx would wrap them in a `__name` call the worker lacks.
    g.chrome.runtime.onMessage.addListener((message, sender) => {
      const type = (message as { type?: unknown } | null)?.type;
      log.push({ type: typeof type === 'string' ? type : typeof message, external: false, url: sender.url ?? '', senderId: sender.id ?? '' });
    });
    g.chrome.runtime.onMessageExternal.addListener((message, sender) => {
      const type = (message as { type?: unknown } | null)?.type;
      log.push({ type: typeof type === 'string' ? type : typeof message, external: true, url: sender.url ?? '', senderId: sender.id ?? '' });
    });
    g.chrome.runtime.onConnectExternal.addListener((port) => {
      log.push({ type: 'connect', external: true, url: port.sender?.url ?? '', senderId: '' });
    });
  });
}

export function readMessageLog(worker: Worker): Promise<LoggedMessage[]> {
  return worker.evaluate(() => [...((globalThis as unknown as WorkerGlobal).__tiLensTestLog ?? [])]);
}

/** Everything in chrome.storage.sync and chrome.storage.local, read in the service worker. */
export function storageSnapshot(worker: Worker): Promise<{ sync: Record<string, unknown>; local: Record<string, unknown> }> {
  return worker.evaluate(async () => {
    const g = globalThis as unknown as WorkerGlobal;
    return { sync: await g.chrome.storage.sync.get(null), local: await g.chrome.storage.local.get(null) };
  });
}

/** Writes settings into chrome.storage.sync from the service worker, as the options page would. */
export function setSyncStorage(worker: Worker, items: object): Promise<void> {
  return worker.evaluate((i) => (globalThis as unknown as WorkerGlobal).chrome.storage.sync.set(i), items);
}

/**
 * The frames (by URL) in which an extension's content script has an isolated world, from the
 * execution contexts the DevTools protocol reports for the page (and its same-process frames).
 */
export async function contentScriptFrames(page: Page, extensionOrigin: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable'); // reports the existing contexts first
    await cdp.send('Runtime.disable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    type Tree = { frame: { id: string; url: string }; childFrames?: Tree[] };
    const urls = new Map<string, string>();
    for (const pending: Tree[] = [frameTree as Tree]; pending.length > 0; ) {
      const tree = pending.pop()!;
      urls.set(tree.frame.id, tree.frame.url);
      pending.push(...(tree.childFrames ?? []));
    }
    return contexts
      .filter((c) => c.auxData?.type === 'isolated' && c.origin === extensionOrigin)
      .map((c) => urls.get(c.auxData?.frameId ?? '') ?? '?');
  } finally {
    await cdp.detach().catch(() => {});
  }
}
