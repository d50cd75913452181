const FOCUSABLE = 'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]), textarea:not([disabled]), [tabindex]';

/** Elements Tab can reach inside `root`, in document order. */
export function focusablesIn(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getAttribute('tabindex') !== '-1');
}

/** Keeps Tab and Shift+Tab cycling inside `root` (a dialog opened from the keyboard). */
export function trapTab(root: ShadowRoot, event: KeyboardEvent): void {
  const items = focusablesIn(root);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const index = items.indexOf(root.activeElement as HTMLElement);
  if (event.shiftKey && index <= 0) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (index === -1 || index === items.length - 1)) {
    event.preventDefault();
    first.focus();
  }
}
