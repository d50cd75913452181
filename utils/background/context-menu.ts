import { browser, type Browser } from 'wxt/browser';
import { parseAttackId } from '../index-data/entity-id';
import { messenger } from '../messaging/protocol';
import { parseSelectionMessage } from '../messaging/validate';
import { isOwnSender } from '../messaging/validate';
import { boundQuery, lookupSearch } from '../search/lookup-query';

export const LOOKUP_MENU_ID = 'ti-lookup-selection';
/** Chrome and Firefox put the selected text where `%s` stands. */
export const DEFAULT_MENU_TITLE = 'Look up actor "%s"';

/** The menu title for a selection: the ID itself for an ATT&CK ID, else the generic title. */
export function menuTitleFor(selection: string | undefined): string {
  const id = parseAttackId(boundQuery(selection));
  return id ? `Look up ${id}` : DEFAULT_MENU_TITLE;
}

/** The lookup page URL for a selection, or undefined when nothing usable is selected. */
export function lookupUrlFor(selection: string | undefined, extensionUrl: (path: '/lookup.html') => string): string | undefined {
  const query = boundQuery(selection);
  return query ? extensionUrl('/lookup.html') + lookupSearch(query) : undefined;
}

type MenuInfo = Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'selectionText'>;
interface MenuTab {
  id?: number;
  index?: number;
  windowId?: number;
}

/** Opens the lookup page for the clicked menu item's selection in a new tab next to the page's. */
export async function openLookupForClick(info: MenuInfo, tab: MenuTab | undefined): Promise<void> {
  if (info.menuItemId !== LOOKUP_MENU_ID) return;
  const url = lookupUrlFor(info.selectionText, (path) => browser.runtime.getURL(path));
  if (!url) return;
  await browser.tabs.create({
    url,
    ...(tab?.index !== undefined && tab.index >= 0 ? { index: tab.index + 1 } : {}),
    ...(tab?.windowId !== undefined && tab.windowId >= 0 ? { windowId: tab.windowId } : {}),
    ...(tab?.id !== undefined && tab.id >= 0 ? { openerTabId: tab.id } : {}),
  });
}

async function createLookupMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: LOOKUP_MENU_ID, title: DEFAULT_MENU_TITLE, contexts: ['selection'] });
}

async function retitle(selection: string | undefined, refresh = false): Promise<void> {
  await browser.contextMenus.update(LOOKUP_MENU_ID, { title: menuTitleFor(selection) });
  if (refresh) await firefoxMenus()?.refresh();
}

/** Firefox's `menus` API, which can retitle a menu while it is shown. */
function firefoxMenus() {
  return (browser as unknown as { menus?: typeof browser.contextMenus & { refresh(): Promise<void>; onShown: { addListener(cb: (info: { selectionText?: string; menuIds: (string | number)[] }) => void): void } } }).menus;
}

/**
 * The "Look up" item on selected text. Chrome cannot retitle a menu as it opens, so content
 * scripts report each settled selection and the title follows it; Firefox also retitles on
 * `menus.onShown`. Call once from the background's main function.
 */
export function registerLookupMenu(runtimeId: string): void {
  createLookupMenu().catch((error) => console.error('TI Lens: cannot create the context menu', error));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    openLookupForClick(info, tab).catch((error) => console.error('TI Lens: cannot open the lookup page', error));
  });
  messenger.onMessage('selectionChanged', async ({ data, sender }) => {
    const text = parseSelectionMessage(data);
    if (!isOwnSender(sender, runtimeId) || text === undefined) return;
    await retitle(text).catch(() => {});
  });
  firefoxMenus()?.onShown.addListener((info) => {
    if (info.menuIds.includes(LOOKUP_MENU_ID)) retitle(info.selectionText, true).catch(() => {});
  });
}
