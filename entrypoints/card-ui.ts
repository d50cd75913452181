import { startHoverCards } from '~/utils/hover-card/start-hover-cards';
import { offerScriptApi } from '~/utils/script-loading/handoff';

/**
 * The hover-card UI, imported by the content script the first time the reader reaches for a
 * mention (utils/card-ui/lazy-hover-cards.ts), so pages nobody hovers never compile it.
 */
export default defineUnlistedScript(() => {
  offerScriptApi('card-ui', { startHoverCards });
});
