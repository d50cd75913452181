import { browser } from 'wxt/browser';

/**
 * Where the running instance leaves its check, on the document object as the extension's
 * world sees it: the page's world never sees the property (nor can it call or forge it).
 */
const SLOT = Symbol.for('ti-lens.content-script');

type Holder = { [SLOT]?: () => void };

/**
 * A signal that aborts when this content script is orphaned: the extension was updated,
 * reloaded or disabled (`runtime.id` is gone) and a new instance started in the same
 * document, in the same extension world (Chromium keeps that world across a reload). The new
 * instance calls the previous one's check; a check that finds its runtime alive does nothing.
 * (Firefox gives every instance a sandbox of its own and tears down the old one itself.)
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
