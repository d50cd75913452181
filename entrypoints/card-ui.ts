import { offerCardUi } from '~/utils/card-ui/card-ui-handoff';
import { startHoverCards } from '~/utils/hover-card/start-hover-cards';

/**
 * The hover-card UI, loaded by the content script with a dynamic import the first time the
 * reader reaches for a mention (utils/card-ui/load-card-ui.ts), so pages nobody hovers never
 * compile it.
 */
export default defineUnlistedScript(() => {
  offerCardUi({ startHoverCards });
});
