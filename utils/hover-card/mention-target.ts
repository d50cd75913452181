import { isEntityId } from '../index-data/entity-id';
import { MENTION_TAG } from '../annotate/mention-element';
import { isOwnMention } from '../annotate/own-mentions';

/** Most ids one card request may carry (the background rejects more). */
const MAX_IDS = 12;
/** Longest matched text the background accepts. */
const MAX_TEXT = 200;

/**
 * The `<ti-mention>` an event happened in, found through open shadow roots too, and only
 * one `isOwn` accepts (default: the annotator's own, see own-mentions.ts): look-alikes the
 * page wrote are passed over as plain elements.
 */
export function mentionInPath(path: readonly EventTarget[], isOwn: (el: Element) => boolean = isOwnMention): HTMLElement | undefined {
  for (const target of path) {
    const el = target as Element;
    if (el.nodeType === 1 && el.localName === MENTION_TAG && isOwn(el)) return el as HTMLElement;
  }
  return undefined;
}

/** True when the mention sits inside a page link or button, whose click belongs to the page. */
export function isInsidePageControl(path: readonly EventTarget[], mention: Element): boolean {
  const start = path.indexOf(mention);
  return path.slice(start + 1).some((t) => {
    const el = t as Element;
    return el.nodeType === 1 && ((el.localName === 'a' && el.hasAttribute('href')) || el.localName === 'button');
  });
}

/**
 * The mention a click asks a card for: a plain primary click (no modifier) on one of our
 * mentions, not inside a page link or button (that click is the page's), and not the end of
 * a drag that selected text (to copy a name).
 */
export function clickedMention(event: MouseEvent, doc: Document, isOwn: (el: Element) => boolean): HTMLElement | undefined {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return undefined;
  const path = event.composedPath();
  const mention = mentionInPath(path, isOwn);
  if (!mention || isInsidePageControl(path, mention) || doc.getSelection()?.isCollapsed === false) return undefined;
  return mention;
}

/** The mention Enter or Space (without Ctrl, Meta or Alt) was pressed on: it has the focus itself. */
export function activatedMention(event: KeyboardEvent, isOwn: (el: Element) => boolean): HTMLElement | undefined {
  if ((event.key !== 'Enter' && event.key !== ' ') || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const path = event.composedPath();
  const mention = mentionInPath(path, isOwn);
  return mention && path[0] === mention ? mention : undefined;
}

/** The card request a mention stands for: its candidate ids (best first) and its text. */
export function cardRequestOf(mention: HTMLElement): { ids: string[]; matchedText: string } {
  const ids = (mention.getAttribute('data-ti-id') ?? '').split(/\s+/).filter(isEntityId).slice(0, MAX_IDS);
  const matchedText = (mention.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  return { ids, matchedText };
}

/** Open shadow roots an event passed through (ours is closed and never shows up here). */
export function shadowRootsInPath(path: readonly EventTarget[]): ShadowRoot[] {
  return path.filter((t): t is ShadowRoot => (t as Node).nodeType === 11 && 'host' in (t as ShadowRoot));
}
