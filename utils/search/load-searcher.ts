import type { JsonFileReader } from '../index-data/details-store';
import { createSearcher, type Searcher } from './create-searcher';
import { SEARCH_INDEX_PATH, SEARCH_INDEX_VERSION, type SearchIndexFile } from './search-doc';

/** Loads the packaged search index (built at build time) and makes it searchable. */
export async function loadSearcher(readJson: JsonFileReader): Promise<Searcher> {
  const file = (await readJson(SEARCH_INDEX_PATH)) as SearchIndexFile;
  if (file?.version !== SEARCH_INDEX_VERSION)
    throw new Error(`${SEARCH_INDEX_PATH}: version ${String(file?.version)}, expected ${SEARCH_INDEX_VERSION}: rebuild the extension`);
  return createSearcher(file);
}
