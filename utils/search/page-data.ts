import { createDetailsStore, type DetailsStore } from '../index-data/details-store';
import { readPackagedJson } from '../index-data/extension-files';
import type { Searcher } from './create-searcher';
import { loadSearcher } from './load-searcher';

/** What an extension page (popup, lookup) reads from the packaged index: owned by the page's root component. */
export interface PageData {
  /** Starts loading at once; resolves when the prebuilt search index is parsed. */
  searcher: Promise<Searcher>;
  /** Entity details, loaded per kind on first use. */
  store: DetailsStore;
}

export function createPageData(): PageData {
  return { searcher: loadSearcher(readPackagedJson), store: createDetailsStore(readPackagedJson) };
}

/** Marks the moment search became usable, for the end-to-end timing check ("ti-lens:search-ready"). */
export const SEARCH_READY_MARK = 'ti-lens:search-ready';
