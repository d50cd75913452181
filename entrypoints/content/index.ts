import { startContentScript } from '~/utils/content/content-loader';
import { signalOfOrphanedScript } from '~/utils/content/orphan-signal';
import { SCRIPT_PATHS } from '~/utils/script-loading/load-extension-script';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // Sandboxed srcdoc frames have an opaque origin: without this the content script skips
  // them, and their parent cannot reach into them. (Chromium; Firefox MV2 has no such key.)
  matchOriginAsFallback: { chrome: true },
  runAt: 'document_idle',
  // WXT would otherwise post a message naming the extension id to every page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startContentScript({
      win: window,
      signal: signalOfOrphanedScript(ctx.signal),
      mainUrl: browser.runtime.getURL(SCRIPT_PATHS['content-main']),
    });
  },
});
