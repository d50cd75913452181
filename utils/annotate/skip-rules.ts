import { MENTION_TAG } from './mention-tag';

/** Elements whose text is never annotated: not rendered as prose, typed into, or our own. */
const skippedTags = new Set([
  'script', 'style', 'noscript', 'template', 'title',
  'textarea', 'input', 'select', 'option', 'optgroup', 'button',
  'iframe', 'frame', 'object', 'embed', 'canvas',
  // Everything inside SVG/MathML: an HTML element in SVG text would not render at all.
  'svg', 'math',
  MENTION_TAG,
]);

/**
 * Rich-text and code editors, editable regions, and this extension's own UI hosts
 * (`data-ti-lens-ui` on the hover card host, or any `ti-lens-*` tag).
 */
export const skippedAreaSelector = [
  '[contenteditable]:not([contenteditable="false"])',
  '.CodeMirror', '.cm-editor', '.monaco-editor', '.ProseMirror', '.ql-editor',
  '.mce-content-body', '.tox', '[data-lexical-editor]', '[data-ti-lens-ui]',
].join(',');

/** Elements skipped for their tag alone (the cheap half of isSkippedElement). */
export function isSkippedTag(tag: string): boolean {
  return skippedTags.has(tag) || tag.startsWith('ti-lens');
}

export function isSkippedElement(el: Element): boolean {
  if (isSkippedTag(el.localName)) return true;
  // Only elements with a class or attributes can match the selector; skip the call otherwise.
  return el.attributes.length > 0 && el.matches(skippedAreaSelector);
}

/** Text worth handing to the matcher: at least 2 characters, not whitespace only. */
export function isWorthScanning(text: string): boolean {
  return text.length >= 2 && /\S/.test(text);
}

/** True when the node or one of its ancestors (across shadow hosts) is skipped, or the document is in design mode. */
export function isInSkippedArea(node: Node): boolean {
  const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
  if (doc?.designMode === 'on') return true;
  for (let current: Node | null = node; current; current = current.parentNode ?? shadowHost(current)) {
    if (current.nodeType === 1 && isSkippedElement(current as Element)) return true;
  }
  return false;
}

function shadowHost(node: Node): Element | null {
  return node.nodeType === 11 ? ((node as ShadowRoot).host ?? null) : null;
}
