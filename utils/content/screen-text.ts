import { isSkippedTag } from '../annotate/skip-rules';

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

/** How much text one screening may collect before the page is handed to the annotator unscreened. */
export interface ScreenLimits {
  /** UTF-16 code units of text. */
  maxChars: number;
  /** Nodes visited (elements and text), which bounds the walk on pages of many tiny nodes. */
  maxNodes: number;
}

/**
 * Past this much text a page goes to the annotator unscreened: sending it would cost more
 * than the screening saves, and pages this long nearly always mention something.
 */
export const SCREEN_LIMITS: ScreenLimits = { maxChars: 512 * 1024, maxNodes: 30_000 };

export interface ScreenText {
  /** The data of each text node worth screening, one string per node (matches never span nodes). */
  texts: string[];
  /** False when a limit was reached: the text is not all there, so it cannot rule anything out. */
  complete: boolean;
}

/** What the walk passes by and the annotator would also scan: open shadow roots and readable frames. */
export interface ScreenDiscoveries {
  onShadowRoot(root: ShadowRoot): void;
  /** The frame's document when the annotator would scan it from here (same-origin, about:blank, srcdoc), else null. */
  onFrame(frame: HTMLIFrameElement | HTMLFrameElement): Document | null;
}

/**
 * The text the annotator could find a mention in under `roots`, for a screening that only has
 * to rule mentions out: every text node outside elements the annotator skips by tag (script,
 * style, form fields, SVG...), in open shadow roots and readable frames too. It may hold more
 * than the annotator scans (editors, which it skips by selector, are kept: cheaper, and more
 * text can only make a screening say "maybe"), never less.
 *
 * One native TreeWalker with no filter: a filter is a call from C++ into JS per node, the
 * cost this exists to avoid on pages with nothing to annotate.
 */
export function collectScreenText(roots: readonly Node[], limits: ScreenLimits, discoveries: ScreenDiscoveries): ScreenText {
  const texts: string[] = [];
  const queue = [...roots];
  let chars = 0;
  let nodes = 0;
  for (let r = 0; r < queue.length; r++) {
    const root = queue[r]!;
    if (isUnderSkippedTag(root.parentNode)) continue;
    if (root.nodeType === 3) {
      chars += push(texts, (root as Text).data);
      if (chars > limits.maxChars) return { texts, complete: false };
      continue;
    }
    const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
    if (!doc) continue;
    const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
    let node: Node | null = root.nodeType === 1 ? root : walker.nextNode();
    while (node) {
      if (++nodes > limits.maxNodes || chars > limits.maxChars) return { texts, complete: false };
      if (node.nodeType === 3) {
        chars += push(texts, (node as Text).data);
      } else {
        const el = node as Element;
        const tag = el.localName;
        if (tag === 'iframe' || tag === 'frame') {
          const frameDoc = discoveries.onFrame(el as HTMLIFrameElement);
          if (frameDoc) queue.push(frameDoc);
          node = nextSkippingChildren(walker, root);
          continue;
        }
        if (isSkippedTag(tag)) {
          node = nextSkippingChildren(walker, root);
          continue;
        }
        const shadow = el.shadowRoot;
        if (shadow) {
          discoveries.onShadowRoot(shadow);
          queue.push(shadow);
        }
      }
      node = walker.nextNode();
    }
  }
  return { texts, complete: chars <= limits.maxChars };
}

/** Adds `data` when it could hold a mention (two characters or more); returns its length. */
function push(texts: string[], data: string): number {
  if (data.length < 2) return 0;
  texts.push(data);
  return data.length;
}

/** The node after `walker.currentNode`'s subtree, staying under `root`. */
function nextSkippingChildren(walker: TreeWalker, root: Node): Node | null {
  for (let at: Node | null = walker.currentNode; at && at !== root; at = walker.parentNode()) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
  }
  return null;
}

/** `node` is, or is inside, an element skipped by its tag (for a root: a node added inside a <script>...). */
function isUnderSkippedTag(node: Node | null): boolean {
  for (let at = node; at; at = at.parentNode) {
    if (at.nodeType === 1 && isSkippedTag((at as Element).localName)) return true;
  }
  return false;
}
