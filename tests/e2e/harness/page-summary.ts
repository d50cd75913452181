import type { LaunchedExtension } from './launch-extension';

type WorkerGlobal = {
  chrome: {
    tabs: {
      query(q: Record<string, unknown>): Promise<{ id?: number }[]>;
      sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<{ res?: unknown; err?: unknown }>;
    };
  };
};

/**
 * What the active tab's top-frame content script tells the popup ("On this page"), asked from
 * the service worker the way the popup asks (the messaging layer's envelope).
 */
export function activeTabPageSummary(extension: LaunchedExtension): Promise<unknown> {
  return extension.serviceWorker.evaluate(async () => {
    const chrome = (globalThis as unknown as WorkerGlobal).chrome;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const reply = await chrome.tabs.sendMessage(tab!.id!, { id: 1, type: 'getPageSummary', timestamp: Date.now() }, { frameId: 0 });
    return reply.res;
  });
}
