import { serveBadge } from '@/utils/background/badge-service';
import { serveCards } from '@/utils/background/card-service';
import { createDetailsStore } from '@/utils/index-data/details-store';
import { readPackagedJson } from '@/utils/index-data/extension-files';

export default defineBackground(() => {
  const store = createDetailsStore(readPackagedJson);
  serveCards(store, browser.runtime.id);
  serveBadge(browser.runtime.id);
});
