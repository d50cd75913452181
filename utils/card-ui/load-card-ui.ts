import { type CardUi, takeCardUi } from './card-ui-handoff';

/** Where the built card-ui script is (entrypoints/card-ui.ts; web-accessible, see wxt.config.ts). */
export const CARD_UI_PATH = '/card-ui.js' as const;

/**
 * A loader of the hover-card UI: the first call imports the card-ui script from the
 * extension, later calls share that import. Rejects when the script cannot be loaded or
 * left no API.
 */
export function cardUiLoader(url: string, importScript: (url: string) => Promise<unknown> = (u) => import(/* @vite-ignore */ u)): () => Promise<CardUi> {
  let loading: Promise<CardUi> | undefined;
  return () =>
    (loading ??= importScript(url).then(() => {
      const ui = takeCardUi();
      if (!ui) throw new Error(`TI Lens: ${url} did not provide the card UI`);
      return ui;
    }));
}
