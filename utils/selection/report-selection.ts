import { boundQuery } from '../search/lookup-query';

/** Selections settle this long before they are reported: dragging a selection fires many events. */
export const SELECTION_DEBOUNCE_MS = 150;

/**
 * Calls `report` with the page's selection (trimmed, at most 100 characters) whenever it
 * settles on a different text, until `signal` aborts. For the content script: keeps the
 * context menu's title in step with what a right-click would look up.
 */
export function reportSelectionChanges(
  report: (text: string) => void,
  signal: AbortSignal,
  doc: Document = document,
  delayMs = SELECTION_DEBOUNCE_MS,
): void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    timer = undefined;
    const text = boundQuery(doc.getSelection()?.toString().slice(0, 1000));
    if (text === last) return;
    last = text;
    report(text);
  };
  doc.addEventListener(
    'selectionchange',
    () => {
      clearTimeout(timer);
      timer = setTimeout(settle, delayMs);
    },
    { signal },
  );
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
