import { cardStyles } from '../../components/styles';
import { frameCss } from './frame-css';

/** The element the page sees: an empty, unstyleable box pinned to the viewport's corner. */
export const HOST_TAG = 'ti-lens-card';

/** Set through the CSSOM (not a style attribute), which a page's style-src CSP does not govern. */
const HOST_STYLE: [property: string, value: string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['z-index', '2147483647'],
  ['display', 'block'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
];

export interface CardHost {
  /** The light-DOM element the card is positioned with. */
  element: HTMLElement;
  /** The closed shadow root the card lives in (unreachable from the page). */
  root: ShadowRoot;
  /** Where Preact renders. */
  mount: HTMLElement;
}

/**
 * A host element with a closed shadow root holding the card styles and a mount point.
 * Inline `!important` declarations outrank page style sheets, and `all: initial` keeps
 * inherited page styles out; nothing here takes part in the page's layout.
 */
export function createCardHost(doc: Document): CardHost {
  const { element, root } = attachClosedHost(doc);
  for (const [property, value] of HOST_STYLE) element.style.setProperty(property, value, 'important');
  const style = doc.createElement('style');
  style.textContent = `${cardStyles}\n${frameCss}`;
  const mount = doc.createElement('div');
  root.append(style, mount);
  return { element, root, mount };
}

/** Moves the host to (x, y) in viewport coordinates. */
export function moveHost(host: CardHost, x: number, y: number): void {
  host.element.style.setProperty('transform', `translate(${Math.round(x)}px, ${Math.round(y)}px)`, 'important');
}

/** Hides the host without closing the card (the mention scrolled out of view). */
export function setHostVisible(host: CardHost, visible: boolean): void {
  host.element.style.setProperty('visibility', visible ? 'visible' : 'hidden', 'important');
}

/**
 * The host element with its closed shadow root. A page that defines `ti-lens-card` itself
 * (and attaches its own shadow root in the constructor) would make attachShadow throw; then a
 * plain div marked as our UI hosts the card.
 */
function attachClosedHost(doc: Document): { element: HTMLElement; root: ShadowRoot } {
  const element = doc.createElement(HOST_TAG);
  try {
    return { element, root: element.attachShadow({ mode: 'closed' }) };
  } catch {
    const fallback = doc.createElement('div');
    fallback.setAttribute('data-ti-lens-ui', '');
    return { element: fallback, root: fallback.attachShadow({ mode: 'closed' }) };
  }
}
