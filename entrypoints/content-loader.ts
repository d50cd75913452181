import { startContentScript } from '~/utils/content/content-loader';
import { signalOfOrphanedScript } from '~/utils/content/orphan-signal';
import { SCRIPT_PATHS } from '~/utils/script-loading/load-extension-script';

/**
 * The registered content script, in every page and frame (declared in wxt.config.ts). It is
 * an unlisted script rather than a WXT content script: WXT's content-script context costs
 * every page about half a millisecond, and announces the extension to the page with a
 * CustomEvent whose type holds the extension id, which tells a page that knows the id that
 * the reader runs TI Lens, even where it annotates nothing.
 */
export default defineUnlistedScript(() => {
  startContentScript({
    win: window,
    signal: signalOfOrphanedScript(document),
    mainUrl: browser.runtime.getURL(SCRIPT_PATHS['content-main']),
  });
});
