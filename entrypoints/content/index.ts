import scan from '~/data/generated/matcher-scan.json?raw';
import lookup from '~/data/generated/matcher-lookup.json?raw';
import { startPageSession } from '~/utils/content/page-session';
import { signalOfOrphanedScript } from '~/utils/content/orphan-signal';
import { contentMatcherTable } from '~/utils/matcher/content-table';

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
    startPageSession({ win: window, table: contentMatcherTable({ scan, lookup }), signal: signalOfOrphanedScript(ctx.signal) });
  },
});
