import scan from '~/data/generated/matcher-scan.json?raw';
import lookup from '~/data/generated/matcher-lookup.json?raw';
import { startPageSession } from '~/utils/content/page-session';
import { contentMatcherTable } from '~/utils/matcher/content-table';
import { offerScriptApi } from '~/utils/script-loading/handoff';

/**
 * Everything the content script does on a page: the matcher and its table, the annotator,
 * settings and messaging. The registered content script (entrypoints/content) only imports
 * it: a module imported from the extension is compiled off the page's main thread.
 */
export default defineUnlistedScript(() => {
  offerScriptApi('content-main', {
    start: (signal) => startPageSession({ win: window, table: contentMatcherTable({ scan, lookup }), signal }),
  });
});
