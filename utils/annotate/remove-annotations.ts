import { MENTION_TAG } from './mention-element';
import { dom } from './natives';
import { accessibleFrameDocument } from './frames';

export type AnnotatedRoot = Document | ShadowRoot | Element;

/** The root plus every open shadow root and readable frame document below it. */
function rootsBelow(root: AnnotatedRoot): AnnotatedRoot[] {
  const roots: AnnotatedRoot[] = [];
  const pending: AnnotatedRoot[] = [root];
  for (let next = pending.pop(); next; next = pending.pop()) {
    roots.push(next);
    const doc = next.nodeType === 9 ? (next as Document) : next.ownerDocument;
    if (!doc) continue;
    const walker = dom.createTreeWalker(doc, next, 0x1, null as unknown as NodeFilter);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node as Element;
      if (el.shadowRoot) pending.push(el.shadowRoot);
      if (el.localName === 'iframe' || el.localName === 'frame') {
        const frameDoc = accessibleFrameDocument(el as HTMLIFrameElement);
        if (frameDoc) pending.push(frameDoc);
      }
    }
  }
  return roots;
}

/** Merges a text node with its adjacent text siblings (a local normalize()). */
function mergeAdjacentText(text: Text): void {
  const parent = text.parentNode;
  const isText = (node: Node | null): node is Text => node !== null && node.nodeType === 3;
  if (!parent) return;
  let first: Text = text;
  while (isText(first.previousSibling)) first = first.previousSibling;
  const run: Text[] = [first];
  while (isText(run[run.length - 1]!.nextSibling)) run.push(run[run.length - 1]!.nextSibling as Text);
  if (run.length === 1) return;
  first.data = run.map((node) => node.data).join('');
  for (const node of run.slice(1)) dom.removeChild(parent, node);
}

/** The contiguous siblings around `node` that came from the same page text node (the node itself included). */
function siblingsFrom(node: Node, origin: Text, originOf: (node: Node) => Text | undefined): Node[] {
  let first = node;
  while (first.previousSibling && originOf(first.previousSibling) === origin) first = first.previousSibling;
  const run = [first];
  for (let next = first.nextSibling; next && originOf(next) === origin; next = next.nextSibling) run.push(next);
  return run;
}

/**
 * Joins a split page text node back: the origin, still in place at the head of its run,
 * gets the run's whole text and the rest goes, so frameworks holding the node keep
 * working. A run whose head is not the origin (the page removed it and the annotator's
 * repair has not run) becomes one new text node. Returns the number of mentions removed.
 */
function joinRun(doc: Document, mention: Element, origin: Text, originOf: (node: Node) => Text | undefined): number {
  const parent = mention.parentNode!;
  const run = siblingsFrom(mention, origin, originOf);
  const text = run.map((node) => node.textContent ?? '').join('');
  const [head, ...rest] = run;
  if (head === origin) {
    if (origin.data !== text) dom.setData(origin, text);
  } else {
    dom.replaceChild(parent, dom.createTextNode(doc, text), head!);
  }
  for (const node of rest) dom.removeChild(parent, node);
  return run.filter((node) => node.nodeType === 1).length;
}

export interface RemoveOptions {
  /**
   * The page text node an annotator-created node was split from (Annotator.originalTextOf).
   * With it, each split page text node gets its whole text back in the very same Text
   * object (frameworks holding a reference to it keep working), and only mentions it knows
   * are removed. Without it, unwrapped text is merged with all adjacent text nodes, like
   * normalize(), and every <ti-mention> goes.
   */
  originOf?: (node: Node) => Text | undefined;
  /**
   * Which <ti-mention> elements to remove (Annotator.isOwnMention); the page's own elements
   * with that tag stay. Default: those `originOf` knows, or all without `originOf`.
   */
  isOwnMention?: (el: Element) => boolean;
}

/**
 * Replaces the annotator's <ti-mention> elements under `root` (including open shadow roots
 * and readable frames) by their text and re-joins what the annotator split, so the page's
 * text is exactly what it was. Abort the annotator first, or it will annotate the restored
 * text again. Returns the number of mentions removed. Stylesheets stay: they match nothing
 * any more.
 */
export function removeAnnotations(root: AnnotatedRoot, options: RemoveOptions = {}): number {
  const { originOf } = options;
  const isOwn = options.isOwnMention ?? (originOf ? (el: Element) => originOf(el) !== undefined : () => true);
  let removed = 0;
  for (const scope of rootsBelow(root)) {
    const doc = scope.nodeType === 9 ? (scope as Document) : scope.ownerDocument;
    if (!doc) continue;
    for (const mention of Array.from(scope.querySelectorAll(MENTION_TAG))) {
      const parent = mention.parentNode;
      // No parent: already joined back as part of an earlier run.
      if (!parent || !isOwn(mention)) continue;
      const origin = originOf?.(mention);
      if (origin && originOf) {
        removed += joinRun(doc, mention, origin, originOf);
      } else {
        const text = dom.createTextNode(doc, mention.textContent ?? '');
        dom.replaceChild(parent, text, mention);
        mergeAdjacentText(text);
        removed++;
      }
    }
  }
  return removed;
}
