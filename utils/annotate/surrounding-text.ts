import { dom } from './natives';

/** Elements that delimit a "paragraph" of context for a common-name match. */
const blockTags = new Set([
  'p', 'li', 'td', 'th', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer',
  'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dd', 'dt', 'dl', 'ul', 'ol',
  'table', 'tr', 'caption', 'pre', 'figure', 'figcaption', 'details', 'summary', 'address',
  'fieldset', 'form', 'body',
]);

/** Text that is in the DOM but not rendered as prose, left out of the context. */
const unrenderedTags = new Set(['script', 'style', 'noscript', 'template']);

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

/** A window of text around a match, and the match's offsets inside that window. */
export interface TextWindow {
  text: string;
  start: number;
  end: number;
}

/** The nearest block-level ancestor, or the document / shadow root the node sits in. */
export function contextContainer(node: Node): Node {
  let last: Node = node;
  for (let current = node.parentNode; current; current = current.parentNode) {
    if (current.nodeType === 1 && blockTags.has((current as Element).localName)) return current;
    last = current;
  }
  return last;
}

/**
 * The text of the match's block-level container (its textContent without script/style),
 * cut to at most about `maxChars` centred on the match, with the match offsets translated
 * into it. Walks outwards from the text node, so the cost is bounded by `maxChars`, not by
 * the size of the container.
 */
export function surroundingText(node: Text, start: number, end: number, maxChars = 2000): TextWindow {
  const matchText = node.data.slice(start, end);
  const side = Math.max(0, Math.floor((maxChars - matchText.length) / 2));
  const container = contextContainer(node);
  const doc = node.ownerDocument;

  let before = node.data.slice(Math.max(0, start - side), start);
  let after = node.data.slice(end, end + side);
  if (doc && (before.length < side || after.length < side)) {
    const filter = (n: Node): number =>
      n.nodeType === 1 ? (unrenderedTags.has((n as Element).localName) ? 2 : 3) : 1;
    const walker = dom.createTreeWalker(doc, container, SHOW_ELEMENT | SHOW_TEXT, filter as unknown as NodeFilter);
    walker.currentNode = node;
    for (let prev = walker.previousNode(); prev && before.length < side; prev = walker.previousNode()) {
      before = (prev as Text).data.slice(-(side - before.length)) + before;
    }
    walker.currentNode = node;
    for (let next = walker.nextNode(); next && after.length < side; next = walker.nextNode()) {
      after += (next as Text).data.slice(0, side - after.length);
    }
  }
  return { text: before + matchText + after, start: before.length, end: before.length + matchText.length };
}
