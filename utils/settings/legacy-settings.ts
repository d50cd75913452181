import { storage } from 'wxt/utils/storage';
import { settingItems } from './items';
import { normalizeHostname } from './site-list';

/**
 * The pre-release build kept a plain list of sites where annotation was off under this
 * key (never versioned). It becomes the deny list.
 */
export const legacyDisabledSites = storage.defineItem<string[] | null>('sync:disabledSites', { fallback: null });

/**
 * Moves legacy values into the current items, once: the old disabled sites join the site
 * list when it is a deny list (an allow list has no place for them), then the old key goes.
 * Safe to call on every start.
 */
export async function migrateLegacySettings(): Promise<void> {
  const legacy = await legacyDisabledSites.getValue();
  if (legacy === null) return;
  if (Array.isArray(legacy) && (await settingItems.siteListMode.getValue()) === 'deny') {
    const list = await settingItems.siteList.getValue();
    const hosts = legacy.flatMap((s) => (typeof s === 'string' ? (normalizeHostname(s) ?? []) : []));
    await settingItems.siteList.setValue([...new Set([...list, ...hosts])]);
  }
  await legacyDisabledSites.removeValue();
}
