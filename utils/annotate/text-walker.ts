import { dom } from './natives';
import { isSkippedElement } from './skip-rules';

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

/** Callbacks for things the walk passes by but does not enter itself. */
export interface WalkDiscoveries {
  /** An element with an open shadow root (its light DOM children are still walked). */
  onShadowRoot(root: ShadowRoot): void;
  /** An iframe/frame element (its fallback content is not walked). */
  onFrame(frame: HTMLIFrameElement | HTMLFrameElement): void;
}

/**
 * A TreeWalker over the text nodes under `root` that rejects skipped subtrees (script,
 * editors, our own mentions...) at their element, so their text is never visited.
 *
 * It shows elements as well as text: with SHOW_TEXT alone the filter never sees elements
 * and could not reject a subtree, only test every text node's ancestors. Elements are
 * returned as FILTER_SKIP, so `nextNode()` only ever yields Text nodes.
 */
export function createTextWalker(root: Node, discoveries: WalkDiscoveries): TreeWalker {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) throw new Error('createTextWalker: root has no document');
  const filter = (node: Node): number => {
    if (node.nodeType !== 1) return FILTER_ACCEPT;
    const el = node as Element;
    const tag = el.localName;
    if (tag === 'iframe' || tag === 'frame') {
      discoveries.onFrame(el as HTMLIFrameElement);
      return FILTER_REJECT;
    }
    if (isSkippedElement(el)) return FILTER_REJECT;
    const shadow = el.shadowRoot;
    if (shadow) discoveries.onShadowRoot(shadow);
    return FILTER_SKIP;
  };
  return dom.createTreeWalker(doc, root, SHOW_ELEMENT | SHOW_TEXT, filter as unknown as NodeFilter);
}
