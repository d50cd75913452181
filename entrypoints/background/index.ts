import { serveBadge } from '@/utils/background/badge-service';
import { serveCards } from '@/utils/background/card-service';
import { registerLookupMenu } from '@/utils/background/context-menu';
import { serveProfiles } from '@/utils/background/profile-service';
import { serveScreening } from '@/utils/background/screen-service';
import { createDetailsStore } from '@/utils/index-data/details-store';
import { readPackagedJson } from '@/utils/index-data/extension-files';
import { contentMatcherTable } from '@/utils/matcher/content-table';
import { createMatcher } from '@/utils/matcher/matcher';
import { migrateLegacySettings } from '@/utils/settings/legacy-settings';
import scan from '~/data/generated/matcher-scan.json?raw';
import lookup from '~/data/generated/matcher-lookup.json?raw';

export default defineBackground(() => {
  const store = createDetailsStore(readPackagedJson);
  serveCards(store, browser.runtime.id);
  serveBadge(browser.runtime.id);
  registerLookupMenu(browser.runtime.id);
  serveProfiles(browser.runtime.id);
  serveScreening(() => createMatcher(contentMatcherTable({ scan, lookup })), browser.runtime.id);
  migrateLegacySettings().catch((error) => console.error('TI Lens: legacy settings migration failed', error));
});
