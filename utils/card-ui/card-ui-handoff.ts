/**
 * How the hover-card UI (entrypoints/card-ui.ts, a separate script of about 60 KB: Preact,
 * the card components, floating-ui) reaches the content script that imported it. WXT builds
 * unlisted scripts as IIFEs without exports, so the script leaves its API in one
 * symbol-keyed slot of the global it runs in, which the content script's loader takes (and
 * empties) right after the import resolves. That global is the content script's isolated
 * world (Chromium) or sandbox (Firefox): the page never sees it.
 */
import type { HoverCardOptions } from '../hover-card/start-hover-cards';

export interface CardUi {
  startHoverCards(options: HoverCardOptions): void;
}

const SLOT = Symbol.for('ti-lens.card-ui');

type Holder = { [SLOT]?: CardUi };

/** Called by the card-ui script when it runs. */
export function offerCardUi(ui: CardUi, global: object = globalThis): void {
  (global as Holder)[SLOT] = ui;
}

/** The API the card-ui script left, removed from the global; undefined when it left none. */
export function takeCardUi(global: object = globalThis): CardUi | undefined {
  const holder = global as Holder;
  const ui = holder[SLOT];
  delete holder[SLOT];
  return ui;
}
