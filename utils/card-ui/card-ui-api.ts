import type { HoverCardOptions } from '../hover-card/start-hover-cards';

/** What the card-ui script (entrypoints/card-ui.ts) hands to the content script. */
export interface CardUi {
  startHoverCards(options: HoverCardOptions): void;
}
