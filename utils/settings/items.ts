import { storage } from 'wxt/utils/storage';
import type { AnnotationKind } from '../matcher/table';
import { DEFAULT_SETTINGS, type HighlightStyle, type Settings, type SiteListMode } from './settings';

/**
 * One typed storage item per setting, synced across the user's browsers. Version 1 and no
 * migrations: an item with a migration map reads storage as soon as it is defined, in every
 * context that imports it (the content script in every frame of every page). A later shape
 * change adds `migrations: { 2: (old) => new }` to its item, and readSettings must then await
 * the items' own getValue.
 */
export const settingItems = {
  annotationEnabled: storage.defineItem<boolean>('sync:annotationEnabled', {
    fallback: DEFAULT_SETTINGS.annotationEnabled,
    version: 1,
  }),
  siteListMode: storage.defineItem<SiteListMode>('sync:siteListMode', {
    fallback: DEFAULT_SETTINGS.siteListMode,
    version: 1,
  }),
  siteList: storage.defineItem<string[]>('sync:siteList', {
    fallback: DEFAULT_SETTINGS.siteList,
    version: 1,
  }),
  kinds: storage.defineItem<AnnotationKind[]>('sync:annotateKinds', {
    fallback: DEFAULT_SETTINGS.kinds,
    version: 1,
  }),
  hoverDelayMs: storage.defineItem<number>('sync:hoverDelayMs', {
    fallback: DEFAULT_SETTINGS.hoverDelayMs,
    version: 1,
  }),
  highlightStyle: storage.defineItem<HighlightStyle>('sync:highlightStyle', {
    fallback: DEFAULT_SETTINGS.highlightStyle,
    version: 1,
  }),
  strictMode: storage.defineItem<boolean>('sync:strictMode', {
    fallback: DEFAULT_SETTINGS.strictMode,
    version: 1,
  }),
} satisfies { [K in keyof Settings]: unknown };

export type SettingKey = keyof Settings;
