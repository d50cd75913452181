import { browser } from 'wxt/browser';

/**
 * Where the running instance leaves its check, on the document object as the extension's
 * world sees it: the page's world never sees the property (nor can it call or forge it).
 */
const SLOT = Symbol.for('ti-lens.content-script');

type Holder = { [SLOT]?: () => void };

/**
 * A signal that aborts when this content script is orphaned (the extension was updated,
 * reloaded or disabled, so `runtime.id` is gone) and a newer instance has started in the same
 * document: the newer instance calls the check the previous one left on the document, when it
 * can see it (only the extension's world can), and the check aborts only if its own runtime is
 * gone. This replaces WXT's "newer instance" CustomEvent, which the page could see and forge.
 * An orphaned instance that no newer one reaches keeps running; its extension calls then fail,
 * and it fails open or quietly.
 */
export function signalOfOrphanedScript(doc: Document, runtimeAlive = () => !!browser.runtime?.id): AbortSignal {
  const controller = new AbortController();
  const holder = doc as unknown as Holder;
  try {
    holder[SLOT]?.();
  } catch {
    // the previous instance's world is gone
  }
  holder[SLOT] = () => {
    if (!runtimeAlive()) controller.abort();
  };
  return controller.signal;
}
