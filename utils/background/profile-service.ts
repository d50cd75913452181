import { browser } from 'wxt/browser';
import { messenger } from '../messaging/protocol';
import { isOwnSender, parseProfileRequest } from '../messaging/validate';
import { lookupSearch } from '../search/lookup-query';

/**
 * Opens an entity's profile next to the tab that asked. Pages may not navigate to extension
 * pages that are not web-accessible, so hover cards ask the background instead of linking.
 */
export function serveProfiles(runtimeId: string): () => void {
  return messenger.onMessage('openProfile', async ({ data, sender }) => {
    const id = parseProfileRequest(data);
    if (!isOwnSender(sender, runtimeId) || !id) return;
    const tab = sender.tab;
    await browser.tabs.create({
      url: browser.runtime.getURL('/lookup.html') + lookupSearch(id),
      ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
      ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
    });
  });
}
