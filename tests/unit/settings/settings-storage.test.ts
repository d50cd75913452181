import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storage } from 'wxt/utils/storage';
import { effectiveSettings } from '../../../utils/settings/effective-settings';
import { settingItems } from '../../../utils/settings/items';
import { migrateLegacySettings } from '../../../utils/settings/legacy-settings';
import { readSettings, watchContentSettings, writeSetting } from '../../../utils/settings/read-settings';
import { sanitizeSettings } from '../../../utils/settings/sanitize-settings';
import { DEFAULT_SETTINGS } from '../../../utils/settings/settings';

describe('settings in sync storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('has the documented defaults', async () => {
    expect(await readSettings()).toEqual({
      annotationEnabled: true,
      siteListMode: 'deny',
      siteList: [],
      kinds: ['actor', 'technique', 'software', 'campaign'],
      hoverDelayMs: 300,
      highlightStyle: 'underline',
      strictMode: false,
    });
  });

  it('keeps one sync item per setting, which a later version can migrate', async () => {
    await writeSetting('hoverDelayMs', 500);
    expect(await fakeBrowser.storage.sync.get(['hoverDelayMs'])).toEqual({ hoverDelayMs: 500 });
    expect(settingItems.strictMode.key).toBe('sync:strictMode');
    // A value stored without version metadata counts as version 1 for a later migration.
    const version2 = storage.defineItem<number>('sync:hoverDelayMs', { fallback: 300, version: 2, migrations: { 2: (ms: number) => ms * 2 } });
    expect(await version2.getValue()).toBe(1000);
  });

  it('migrates the legacy disabledSites list into the deny list, once', async () => {
    await fakeBrowser.storage.sync.set({ disabledSites: ['Example.com', 'https://news.site/a', 42, 'bad host'], siteList: ['kept.org'] });
    await migrateLegacySettings();
    expect(await settingItems.siteList.getValue()).toEqual(['kept.org', 'example.com', 'news.site']);
    expect(await fakeBrowser.storage.sync.get('disabledSites')).toEqual({});
    await migrateLegacySettings();
    expect(await settingItems.siteList.getValue()).toEqual(['kept.org', 'example.com', 'news.site']);
  });

  it('drops legacy disabled sites when the list is already an allow list', async () => {
    await fakeBrowser.storage.sync.set({ disabledSites: ['example.com'], siteListMode: 'allow', siteList: ['a.org'] });
    await migrateLegacySettings();
    expect(await settingItems.siteList.getValue()).toEqual(['a.org']);
    expect(await fakeBrowser.storage.sync.get('disabledSites')).toEqual({});
  });

  it('replaces invalid stored values by defaults', async () => {
    await fakeBrowser.storage.sync.set({ hoverDelayMs: 'slow', siteListMode: 'maybe', annotateKinds: ['actor', 'virus'], highlightStyle: 'blink' });
    const s = await readSettings();
    expect(s.hoverDelayMs).toBe(300);
    expect(s.siteListMode).toBe('deny');
    expect(s.kinds).toEqual(['actor']);
    expect(s.highlightStyle).toBe('underline');
    expect(sanitizeSettings({ hoverDelayMs: 99999 }).hoverDelayMs).toBe(5000);
    expect(sanitizeSettings({ hoverDelayMs: -5 }).hoverDelayMs).toBe(0);
  });

  it('calls back with all settings now and after each change, until aborted', async () => {
    const seen: boolean[] = [];
    const controller = new AbortController();
    await watchContentSettings((s) => seen.push(s.strictMode), controller.signal);
    expect(seen).toEqual([false]);
    await writeSetting('strictMode', true);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([false, true]);
    controller.abort();
    await writeSetting('strictMode', false);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([false, true]);
  });

  it('reports one site turned off through effectiveSettings', async () => {
    await writeSetting('siteList', ['127.0.0.1']);
    const settings = await readSettings();
    expect(effectiveSettings(settings, '127.0.0.1').annotate).toBe(false);
    expect(effectiveSettings(settings, 'example.com').annotate).toBe(true);
    expect(effectiveSettings({ ...DEFAULT_SETTINGS, annotationEnabled: false }, 'example.com').annotate).toBe(false);
    expect(effectiveSettings({ ...DEFAULT_SETTINGS, kinds: [] }, 'example.com').annotate).toBe(false);
    expect(effectiveSettings({ ...DEFAULT_SETTINGS, strictMode: true }, 'x.com')).toMatchObject({ strict: true, hoverDelayMs: 300 });
  });
});
