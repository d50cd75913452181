import { MENTION_TAG } from './mention-element';
import { dom } from './natives';

/**
 * The mention style: a subtle amber wash and dotted underline in the text's own colour,
 * readable on light and dark pages. `all: unset` stops page rules (`* {}`, `[role=button]`)
 * from leaking in; `display: inline` keeps line layout as it was.
 */
export const mentionCss = `
${MENTION_TAG} {
  all: unset;
  display: inline;
  border-bottom: 1px dotted currentColor;
  background: rgba(245, 166, 35, 0.18);
  background: color-mix(in srgb, #f5a623 18%, transparent);
  border-radius: 2px;
  cursor: help;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
${MENTION_TAG}:hover { background: color-mix(in srgb, #f5a623 32%, transparent); }
${MENTION_TAG}[data-ti-look="background"] { border-bottom: none; background: color-mix(in srgb, #f5a623 30%, transparent); }
${MENTION_TAG}[data-ti-look="subtle"] { background: none; border-bottom: 1px dotted color-mix(in srgb, currentColor 55%, transparent); }
${MENTION_TAG}[data-ti-look="subtle"]:hover { background: color-mix(in srgb, #f5a623 18%, transparent); }
${MENTION_TAG}:focus-visible { outline: 2px solid #f5a623; outline-offset: 1px; }
@media (forced-colors: active) {
  ${MENTION_TAG} { border-bottom-color: CanvasText; }
  ${MENTION_TAG}:focus-visible { outline-color: Highlight; }
}
`;

/** Marks the `<style>` fallback element so removal and tests can find it. */
export const STYLE_MARKER = 'data-ti-lens-style';

export type StyleRoot = Document | ShadowRoot;

/**
 * Adds the mention stylesheet to a document or shadow root. Prefers a constructed sheet in
 * `adoptedStyleSheets` (no DOM node, not subject to the page's style-src CSP), created from
 * the root's own window so the constructor document matches; falls back to a `<style>`
 * element filled with textContent where that throws (older engines, Firefox Xrays).
 * Returns a created node for the caller to track as its own, if one was inserted.
 */
export function injectStylesheet(root: StyleRoot): HTMLStyleElement | undefined {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  const view = doc?.defaultView as (typeof globalThis) | null | undefined;
  try {
    if (view && 'adoptedStyleSheets' in root && typeof view.CSSStyleSheet === 'function') {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(mentionCss);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      // An assignment a wrapper silently dropped counts as a failure too.
      if (root.adoptedStyleSheets.includes(sheet)) return undefined;
    }
  } catch {
    // fall through to a <style> element
  }
  if (!doc) return undefined;
  const style = dom.createElement(doc, 'style') as HTMLStyleElement;
  dom.setAttribute(style, STYLE_MARKER, '');
  style.textContent = mentionCss;
  const parent = root.nodeType === 9 ? (doc.head ?? doc.documentElement) : root;
  if (parent) dom.appendChild(parent, style);
  return style;
}
