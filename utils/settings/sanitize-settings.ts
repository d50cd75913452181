import { normalizeHostname } from './site-list';
import {
  ANNOTATION_KINDS,
  DEFAULT_SETTINGS,
  HIGHLIGHT_STYLES,
  MAX_HOVER_DELAY_MS,
  SITE_LIST_MODES,
  type Settings,
} from './settings';

/** Settings as read from sync storage (another version or a hand edit may have written them): anything invalid falls back to its default. */
export function sanitizeSettings(raw: { [K in keyof Settings]?: unknown }): Settings {
  const d = DEFAULT_SETTINGS;
  const oneOf = <T>(allowed: readonly T[], value: unknown, fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const delay = typeof raw.hoverDelayMs === 'number' && Number.isFinite(raw.hoverDelayMs) ? raw.hoverDelayMs : d.hoverDelayMs;
  return {
    annotationEnabled: typeof raw.annotationEnabled === 'boolean' ? raw.annotationEnabled : d.annotationEnabled,
    siteListMode: oneOf(SITE_LIST_MODES, raw.siteListMode, d.siteListMode),
    siteList: [...new Set(strings(raw.siteList).flatMap((s) => normalizeHostname(s) ?? []))],
    kinds: Array.isArray(raw.kinds)
      ? ANNOTATION_KINDS.filter((k) => (raw.kinds as unknown[]).includes(k))
      : [...d.kinds],
    hoverDelayMs: Math.round(Math.min(MAX_HOVER_DELAY_MS, Math.max(0, delay))),
    highlightStyle: oneOf(HIGHLIGHT_STYLES, raw.highlightStyle, d.highlightStyle),
    strictMode: typeof raw.strictMode === 'boolean' ? raw.strictMode : d.strictMode,
  };
}
