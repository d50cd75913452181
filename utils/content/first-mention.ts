import { MENTION_TAG } from '../annotate/mention-tag';

export interface FirstMentionOptions {
  doc: Document;
  /** The window's own constructor, captured before the page could replace it. */
  MutationObserver: typeof MutationObserver;
  signal: AbortSignal;
  /** Called once, when `doc` holds a <ti-mention>. */
  onMention(): void;
}

/**
 * Waits for the first <ti-mention> in a frame its parent annotates (same-origin, about:blank,
 * srcdoc): the frame needs the main module only for hover cards on the parent's mentions,
 * so a frame with none (most about:blank ad frames) never loads it. Any <ti-mention> counts,
 * the page's own too: the hover cards tell those apart, this only decides when to load them.
 */
export function onFirstMention({ doc, MutationObserver, signal, onMention }: FirstMentionOptions): void {
  if (signal.aborted) return;
  if (doc.querySelector(MENTION_TAG)) return onMention();
  const observer = new MutationObserver((records) => {
    if (!records.some(addsMention)) return;
    stop();
    onMention();
  });
  const stop = (): void => observer.disconnect();
  observer.observe(doc, { childList: true, subtree: true });
  signal.addEventListener('abort', stop, { once: true });
}

function addsMention(record: MutationRecord): boolean {
  for (const node of record.addedNodes) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el.localName === MENTION_TAG || el.querySelector(MENTION_TAG)) return true;
  }
  return false;
}
