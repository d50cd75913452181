import { useEffect, useState } from 'preact/hooks';
import type { Searcher } from '@/utils/search/create-searcher';
import { SEARCH_READY_MARK } from '@/utils/search/page-data';

export type SearcherState = { status: 'loading' } | { status: 'ready'; searcher: Searcher } | { status: 'error'; message: string };

/** Waits for the page's searcher; marks when search became usable and warms it up when idle. */
export function useSearcher(loading: Promise<Searcher>): SearcherState {
  const [state, setState] = useState<SearcherState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    loading.then(
      (searcher) => {
        if (!current) return;
        performance.mark(SEARCH_READY_MARK);
        setState({ status: 'ready', searcher });
        // Build the fuzzy tables and JIT-compile the search paths before the reader types.
        setTimeout(() => {
          searcher.prepare();
          searcher.search('lazrus grop');
        }, 0);
      },
      (error: unknown) => current && setState({ status: 'error', message: String(error) }),
    );
    return () => {
      current = false;
    };
  }, [loading]);
  return state;
}
