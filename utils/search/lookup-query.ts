/** Longest query the lookup page and the context menu accept; the rest is cut off. */
export const MAX_QUERY_LENGTH = 100;

/** Untrusted text (a URL parameter, a page selection) made a bounded, single-line query. */
export function boundQuery(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

/** The query of a lookup page URL's search part (`?q=…`). */
export function readLookupQuery(search: string): string {
  return boundQuery(new URLSearchParams(search).get('q'));
}

/** The search part of the lookup page URL for a query: append to runtime.getURL('/lookup.html'). */
export function lookupSearch(query: string): string {
  return `?q=${encodeURIComponent(boundQuery(query))}`;
}
