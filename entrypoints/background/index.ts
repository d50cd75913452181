import { serveBadge } from '@/utils/background/badge-service';
import { serveCards } from '@/utils/background/card-service';
import { registerLookupMenu } from '@/utils/background/context-menu';
import { serveProfiles } from '@/utils/background/profile-service';
import { createDetailsStore } from '@/utils/index-data/details-store';
import { readPackagedJson } from '@/utils/index-data/extension-files';
import { migrateLegacySettings } from '@/utils/settings/legacy-settings';

export default defineBackground(() => {
  const store = createDetailsStore(readPackagedJson);
  serveCards(store, browser.runtime.id);
  serveBadge(browser.runtime.id);
  registerLookupMenu(browser.runtime.id);
  serveProfiles(browser.runtime.id);
  migrateLegacySettings().catch((error) => console.error('TI Lens: legacy settings migration failed', error));
});
