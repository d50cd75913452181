/**
 * The annotation element. A custom tag name that page stylesheets do not target; it is
 * deliberately not registered with customElements (no constructor, no page-visible class).
 */
export const MENTION_TAG = 'ti-mention';
