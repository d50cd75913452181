import { browser } from 'wxt/browser';

/**
 * A signal that aborts only when this content script is really orphaned (the extension was
 * updated, reloaded or disabled, so `runtime.id` is gone). WXT's context also aborts when a
 * "newer script started" event reaches the document, and a page can forge that event to
 * switch the extension off on itself; such an abort is ignored here.
 */
export function signalOfOrphanedScript(contextSignal: AbortSignal, runtimeAlive = () => !!browser.runtime?.id): AbortSignal {
  const controller = new AbortController();
  const check = () => {
    if (!runtimeAlive()) controller.abort();
  };
  if (contextSignal.aborted) check();
  else contextSignal.addEventListener('abort', check, { once: true });
  return controller.signal;
}
