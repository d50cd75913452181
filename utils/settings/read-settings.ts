import { storage } from 'wxt/utils/storage';
import { settingItems, type SettingKey } from './items';
import { sanitizeSettings } from './sanitize-settings';
import type { Settings } from './settings';

const keys = Object.keys(settingItems) as SettingKey[];

/** Every setting, validated: one storage read (the items have no migrations to wait for). */
export async function readSettings(): Promise<Settings> {
  const values = await storage.getItems(keys.map((k) => settingItems[k]));
  return sanitizeSettings(Object.fromEntries(keys.map((k, i) => [k, values[i]!.value])));
}

/** Stores one setting. */
export function writeSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
  return (settingItems[key] as { setValue(v: Settings[K]): Promise<void> }).setValue(value);
}

/**
 * Calls back with all settings now, then again after every change of any of them (from the
 * options page, the popup, or another synced browser), until `signal` aborts. Changes that
 * arrive together are read once. Resolves after the first call.
 */
export async function watchContentSettings(callback: (settings: Settings) => void, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  let pending: Promise<void> | undefined;
  const reread = () => {
    pending ??= Promise.resolve().then(async () => {
      pending = undefined;
      const settings = await readSettings();
      if (!signal.aborted) callback(settings);
    });
  };
  const unwatchers = keys.map((k) => settingItems[k].watch(reread));
  signal.addEventListener('abort', () => unwatchers.forEach((unwatch) => unwatch()), { once: true });
  const settings = await readSettings();
  if (!signal.aborted) callback(settings);
}
