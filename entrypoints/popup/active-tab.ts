import { browser } from 'wxt/browser';
import { messenger, type PageSummary } from '@/utils/messaging/protocol';
import { parsePageSummary } from '@/utils/messaging/validate';

export interface ActiveTab {
  id: number;
  /** The page's host name when the browser lets the popup see its URL (activeTab) and it is a web page. */
  hostname?: string;
}

/** The tab the popup was opened over. No "tabs" permission: the URL is visible through activeTab only. */
export async function getActiveTab(): Promise<ActiveTab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || tab.id < 0) return undefined;
  return { id: tab.id, ...webHostOf(tab.url) };
}

function webHostOf(url: string | undefined): { hostname?: string } {
  if (!url) return {};
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) && parsed.hostname ? { hostname: parsed.hostname } : {};
  } catch {
    return {};
  }
}

const SUMMARY_TIMEOUT_MS = 1500;

/**
 * What the tab's content script annotated, or undefined when there is none to ask (browser
 * pages, the store, pages loaded before the extension) or it does not answer in time.
 */
export async function fetchPageSummary(tabId: number, timeoutMs = SUMMARY_TIMEOUT_MS): Promise<PageSummary | undefined> {
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, timeoutMs, undefined));
  const answer = messenger
    .sendMessage('getPageSummary', undefined, { tabId, frameId: 0 })
    .then((data) => parsePageSummary(data))
    .catch(() => undefined);
  return Promise.race([answer, timeout]);
}
