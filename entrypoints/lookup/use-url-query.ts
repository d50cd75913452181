import { useEffect, useState } from 'preact/hooks';
import { lookupSearch, readLookupQuery } from '@/utils/search/lookup-query';

/** The page's `?q=` (bounded, untrusted: only ever shown as text) and a way to look up something else in place. */
export function useUrlQuery(): [query: string, navigate: (query: string) => void] {
  const [query, setQuery] = useState(() => readLookupQuery(location.search));
  useEffect(() => {
    const onPop = () => setQuery(readLookupQuery(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = (next: string) => {
    history.pushState(null, '', lookupSearch(next));
    setQuery(readLookupQuery(location.search));
    scrollTo(0, 0);
  };
  return [query, navigate];
}

/** The lookup page URL for a query, relative to the lookup page itself. */
export function profileHref(query: string): string {
  return `lookup.html${lookupSearch(query)}`;
}
