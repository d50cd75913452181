import matcherTable from '~/data/generated/matcher-table.json';
import { startPageSession } from '~/utils/content/page-session';
import type { MatcherTable } from '~/utils/matcher/table';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    // ctx.signal aborts when the extension is updated, reloaded or disabled.
    startPageSession({ win: window, table: matcherTable as MatcherTable, signal: ctx.signal });
  },
});
