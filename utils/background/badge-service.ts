import { browser } from 'wxt/browser';
import { messenger } from '../messaging/protocol';
import { isOwnSender, parsePageSummary } from '../messaging/validate';

/** The toolbar badge shows how many distinct entities the tab's page mentions. */
export function serveBadge(runtimeId: string): () => void {
  return messenger.onMessage('reportPageSummary', async ({ data, sender }) => {
    const summary = parsePageSummary(data);
    const tabId = sender.tab?.id;
    if (!isOwnSender(sender, runtimeId) || !summary || tabId === undefined || sender.frameId !== 0) return;
    const count = summary.entities.length;
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#8a5a00' });
    await browser.action.setBadgeText({ tabId, text: count === 0 ? '' : count > 999 ? '999+' : String(count) });
  });
}
