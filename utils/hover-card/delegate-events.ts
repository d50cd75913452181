import { shadowRootsInPath } from './mention-target';

type Handlers = { [K in 'pointerover' | 'focusin' | 'focusout']?: (event: DocumentEventMap[K]) => void };

/**
 * Runs `handlers` for events anywhere in `doc`, open shadow roots included, once per event.
 * Listens on the document in the capture phase, and on each open shadow root an event has
 * passed through: pointerover and focus events between two nodes of the same shadow root
 * stop at that root (their retargeted relatedTarget equals their target). Events page script
 * dispatched (`isTrusted` false) are ignored: only the reader drives the card.
 */
export function delegateEvents(doc: Document, handlers: Handlers, signal: AbortSignal): void {
  const watched = new WeakSet<ShadowRoot>();
  const handled = new WeakSet<Event>();

  const listen = (target: Document | ShadowRoot) => {
    for (const [type, handler] of Object.entries(handlers) as [string, (event: Event) => void][]) {
      const listener = (event: Event) => {
        if (handled.has(event) || event.isTrusted === false) return;
        handled.add(event);
        watch(event.composedPath());
        handler(event);
      };
      target.addEventListener(type, listener, { capture: true, signal });
    }
  };
  const watch = (path: readonly EventTarget[]) => {
    for (const root of shadowRootsInPath(path)) {
      if (watched.has(root)) continue;
      watched.add(root);
      listen(root);
    }
  };
  listen(doc);
}
