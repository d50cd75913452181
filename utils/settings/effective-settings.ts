import type { AnnotationKind } from '../matcher/table';
import type { HighlightStyle, Settings } from './settings';
import { isSiteEnabled } from './site-list';

/** What a content script on one page needs to know, all settings applied. */
export interface PageSettings {
  /** Annotate this page at all (global switch and site list). */
  annotate: boolean;
  kinds: ReadonlySet<AnnotationKind>;
  hoverDelayMs: number;
  highlightStyle: HighlightStyle;
  /** Drop matches of names that are also ordinary words (`common: true`). */
  strict: boolean;
}

export function effectiveSettings(settings: Settings, hostname: string): PageSettings {
  return {
    annotate:
      settings.annotationEnabled &&
      settings.kinds.length > 0 &&
      isSiteEnabled(hostname, settings.siteListMode, settings.siteList),
    kinds: new Set(settings.kinds),
    hoverDelayMs: settings.hoverDelayMs,
    highlightStyle: settings.highlightStyle,
    strict: settings.strictMode,
  };
}
