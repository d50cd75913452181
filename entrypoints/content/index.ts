import matcherTable from '~/data/generated/matcher-table.json';
import { startPageSession } from '~/utils/content/page-session';
import { signalOfOrphanedScript } from '~/utils/content/orphan-signal';
import type { MatcherTable } from '~/utils/matcher/table';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // WXT would otherwise post a message naming the extension id to every page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startPageSession({ win: window, table: matcherTable as MatcherTable, signal: signalOfOrphanedScript(ctx.signal) });
  },
});
