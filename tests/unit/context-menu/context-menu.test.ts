import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_MENU_TITLE,
  LOOKUP_MENU_ID,
  lookupUrlFor,
  menuTitleFor,
  openLookupForClick,
  registerLookupMenu,
} from '../../../utils/background/context-menu';

describe('the lookup menu title', () => {
  it.each([
    ['T1566.001', 'Look up T1566.001'],
    [' t1566.001 ', 'Look up T1566.001'],
    ['g0007', 'Look up G0007'],
    ['TA0001', 'Look up TA0001'],
    ['S0013', 'Look up S0013'],
    ['APT28', DEFAULT_MENU_TITLE],
    ['T1566.001 and more', DEFAULT_MENU_TITLE],
    ['T15', DEFAULT_MENU_TITLE],
    ['', DEFAULT_MENU_TITLE],
    [undefined, DEFAULT_MENU_TITLE],
  ])('for %j is %j', (selection, title) => {
    expect(menuTitleFor(selection)).toBe(title);
  });

  it('uses %s so the browser shows the selection itself', () => {
    expect(DEFAULT_MENU_TITLE).toBe('Look up actor "%s"');
  });
});

describe('opening the lookup page from the menu', () => {
  beforeEach(() => fakeBrowser.reset());

  it('builds a bounded lookup URL, or none for an empty selection', () => {
    const url = (p: string) => `chrome-extension://id${p}`;
    expect(lookupUrlFor('  Fancy   Bear ', url)).toBe('chrome-extension://id/lookup.html?q=Fancy%20Bear');
    expect(lookupUrlFor('x'.repeat(300), url)).toBe(`chrome-extension://id/lookup.html?q=${'x'.repeat(100)}`);
    expect(lookupUrlFor('  ', url)).toBeUndefined();
  });

  it('opens lookup.html?q=<selection> in a new tab next to the page', async () => {
    const page = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    await openLookupForClick({ menuItemId: LOOKUP_MENU_ID, selectionText: 'Group 72' }, page);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(`chrome-extension://${fakeBrowser.runtime.id}/lookup.html?q=Group%2072`);
  });

  it('ignores other menu items and empty selections', async () => {
    const before = (await fakeBrowser.tabs.query({})).length;
    await openLookupForClick({ menuItemId: 'other', selectionText: 'APT28' }, undefined);
    await openLookupForClick({ menuItemId: LOOKUP_MENU_ID, selectionText: '' }, undefined);
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
  });
});

describe('registering the menu', () => {
  afterEach(() => vi.restoreAllMocks());

  it('creates one selection item and opens the lookup page on click', async () => {
    fakeBrowser.reset();
    const created: unknown[] = [];
    let onClicked: ((info: unknown, tab: unknown) => void) | undefined;
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((props: unknown) => void created.push(props)) as never);
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(((cb: typeof onClicked) => void (onClicked = cb)) as never);
    vi.spyOn(fakeBrowser.menus.onShown, 'addListener').mockImplementation(() => {});

    registerLookupMenu(fakeBrowser.runtime.id);
    await vi.waitFor(() => expect(created).toEqual([{ id: LOOKUP_MENU_ID, title: DEFAULT_MENU_TITLE, contexts: ['selection'] }]));

    onClicked?.({ menuItemId: LOOKUP_MENU_ID, selectionText: 'T1566.001' }, undefined);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain(
        `chrome-extension://${fakeBrowser.runtime.id}/lookup.html?q=T1566.001`,
      ),
    );
  });
});
