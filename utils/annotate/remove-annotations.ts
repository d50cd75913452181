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

/** The contiguous siblings around `node` that replaced the same page text node. */
function siblingsFrom(node: Node, origin: Text, originOf: (node: Node) => Text | undefined): Node[] {
  let first = node;
  while (first.previousSibling && originOf(first.previousSibling) === origin) first = first.previousSibling;
  const run = [first];
  for (let next = first.nextSibling; next && originOf(next) === origin; next = next.nextSibling) run.push(next);
  return run;
}

export interface RemoveOptions {
  /**
   * The page text node an annotator-created node replaced (Annotator.originalTextOf). With
   * it, each split text node is put back as the very same Text object (frameworks holding a
   * reference to it keep working), or as one new node if the page changed the text since.
   * Without it, unwrapped text is merged with all adjacent text nodes, like normalize().
   */
  originOf?: (node: Node) => Text | undefined;
}

/**
 * Replaces every <ti-mention> under `root` (including open shadow roots and readable
 * frames) by its text and re-joins what the annotator split, so the page's text is exactly
 * what it was. Abort the annotator first, or it will annotate the restored text again.
 * Returns the number of mentions removed. Stylesheets stay: they match nothing any more.
 */
export function removeAnnotations(root: AnnotatedRoot, options: RemoveOptions = {}): number {
  const { originOf } = options;
  let removed = 0;
  for (const scope of rootsBelow(root)) {
    const doc = scope.nodeType === 9 ? (scope as Document) : scope.ownerDocument;
    if (!doc) continue;
    for (const mention of Array.from(scope.querySelectorAll(MENTION_TAG))) {
      const parent = mention.parentNode;
      if (!parent) continue; // already restored as part of an earlier run
      const origin = originOf?.(mention);
      if (origin && originOf) {
        const run = siblingsFrom(mention, origin, originOf);
        const text = run.map((node) => node.textContent ?? '').join('');
        const replacement = origin.parentNode === null && origin.data === text ? origin : dom.createTextNode(doc, text);
        dom.replaceChild(parent, replacement, run[0]!);
        for (const node of run.slice(1)) dom.removeChild(parent, node);
        removed += run.filter((node) => node.nodeType === 1).length;
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
