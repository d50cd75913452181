import type { AnnotationKind } from '../matcher/table';

export type SiteListMode = 'deny' | 'allow';
export type HighlightStyle = 'underline' | 'background' | 'subtle';

export const ANNOTATION_KINDS: readonly AnnotationKind[] = ['actor', 'technique', 'software', 'campaign', 'tactic'];
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background', 'subtle'];
export const SITE_LIST_MODES: readonly SiteListMode[] = ['deny', 'allow'];
export const MAX_HOVER_DELAY_MS = 5000;

/** Every user setting, one storage item each (see items.ts). */
export interface Settings {
  /** Annotate pages at all. */
  annotationEnabled: boolean;
  /** 'deny': annotate everywhere except the listed sites; 'allow': only on them. */
  siteListMode: SiteListMode;
  /** Host names; an entry covers its subdomains. */
  siteList: string[];
  /** Kinds of entity to annotate. */
  kinds: AnnotationKind[];
  /** How long the pointer rests on an annotation before its card opens. */
  hoverDelayMs: number;
  highlightStyle: HighlightStyle;
  /** Annotate only names that are never ordinary words (drop `common` matches). */
  strictMode: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  annotationEnabled: true,
  siteListMode: 'deny',
  siteList: [],
  // Tactic IDs (TA0001) are opt-in: on real pages they are mostly ATT&CK navigation and
  // metadata rather than mentions an analyst wants explained, and they crowd reports.
  kinds: ANNOTATION_KINDS.filter((kind) => kind !== 'tactic'),
  hoverDelayMs: 300,
  highlightStyle: 'underline',
  strictMode: false,
});
