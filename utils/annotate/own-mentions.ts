import { isScannedByParentFrame } from './frames';
import { MENTION_TAG } from './mention-element';

/**
 * Tells the annotator's own <ti-mention> elements from look-alikes a page writes (to make
 * the extension look names up, or to have its own markup unwrapped).
 *
 * Hover cards run in every frame's own content-script instance, but a readable frame is
 * annotated by its parent's instance (annotate-page.ts), so the check cannot be a local
 * variable. The annotator publishes it on each document it scans, as a property of the
 * document object seen from the extension's world: Chromium shares that world's DOM
 * objects between same-origin frames, and the page's own world never sees the property.
 *
 * Firefox gives each frame's content script a sandbox of its own, and a property one
 * sandbox sets on a DOM object is not seen from another: a frame annotated by its parent
 * cannot read the parent's check there. Such frames accept any <ti-mention> in Firefox
 * (what all frames did before this check existed); hover cards still ignore events the
 * page dispatches, so only the reader's own pointer or keys on a look-alike reach them.
 */
const SLOT = Symbol.for('ti-lens.own-mentions');

type Check = (el: Element) => boolean;
type Holder = { [SLOT]?: Check };

/** Makes `check` the answer for mentions in `doc` until `signal` aborts. */
export function publishOwnMentions(doc: Document, check: Check, signal: AbortSignal): void {
  if (signal.aborted) return;
  const holder = doc as unknown as Holder;
  holder[SLOT] = check;
  signal.addEventListener('abort', () => {
    if (holder[SLOT] === check) delete holder[SLOT];
  }, { once: true });
}

/** True for a <ti-mention> the annotator of its document created. */
export function isOwnMention(el: Element): boolean {
  if (el.localName !== MENTION_TAG) return false;
  try {
    const doc = el.ownerDocument;
    const check = (doc as unknown as Holder)[SLOT];
    if (check) return check(el) === true;
    const win = doc.defaultView;
    return import.meta.env.FIREFOX === true && win !== null && isScannedByParentFrame(win);
  } catch {
    return false;
  }
}
