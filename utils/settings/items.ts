import { storage } from 'wxt/utils/storage';
import type { AnnotationKind } from '../matcher/table';
import { DEFAULT_SETTINGS, type HighlightStyle, type Settings, type SiteListMode } from './settings';

/**
 * One typed storage item per setting, synced across the user's browsers. Version 1 with an
 * empty migration map: a later shape change adds `2: (old) => new` here.
 */
export const settingItems = {
  annotationEnabled: storage.defineItem<boolean>('sync:annotationEnabled', {
    fallback: DEFAULT_SETTINGS.annotationEnabled,
    version: 1,
    migrations: {},
  }),
  siteListMode: storage.defineItem<SiteListMode>('sync:siteListMode', {
    fallback: DEFAULT_SETTINGS.siteListMode,
    version: 1,
    migrations: {},
  }),
  siteList: storage.defineItem<string[]>('sync:siteList', {
    fallback: DEFAULT_SETTINGS.siteList,
    version: 1,
    migrations: {},
  }),
  kinds: storage.defineItem<AnnotationKind[]>('sync:annotateKinds', {
    fallback: DEFAULT_SETTINGS.kinds,
    version: 1,
    migrations: {},
  }),
  hoverDelayMs: storage.defineItem<number>('sync:hoverDelayMs', {
    fallback: DEFAULT_SETTINGS.hoverDelayMs,
    version: 1,
    migrations: {},
  }),
  highlightStyle: storage.defineItem<HighlightStyle>('sync:highlightStyle', {
    fallback: DEFAULT_SETTINGS.highlightStyle,
    version: 1,
    migrations: {},
  }),
  strictMode: storage.defineItem<boolean>('sync:strictMode', {
    fallback: DEFAULT_SETTINGS.strictMode,
    version: 1,
    migrations: {},
  }),
} satisfies { [K in keyof Settings]: unknown };

export type SettingKey = keyof Settings;
