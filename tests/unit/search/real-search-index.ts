import { compileIndex } from '../../../data/compile-index';
import { emitSearchIndex } from '../../../data/emit/search-index';
import { loadSourceDocuments } from '../../../data/load-sources';
import { resolveSourcesDir } from '../../../data/source-dir';
import { createSearcher, type Searcher } from '../../../utils/search/create-searcher';
import type { SearchIndexFile } from '../../../utils/search/search-doc';

/** The real sources, when TI_SOURCES_DIR names them (CI sets it): ranking tests run against the real index. */
export const SOURCES = process.env.TI_SOURCES_DIR;

/** The search index exactly as the build emits it, through a JSON round trip like the packaged file. */
export async function realSearchIndex(): Promise<SearchIndexFile> {
  const index = compileIndex(await loadSourceDocuments(resolveSourcesDir()));
  return JSON.parse(JSON.stringify(emitSearchIndex(index))) as SearchIndexFile;
}

export async function realSearcher(): Promise<Searcher> {
  return createSearcher(await realSearchIndex());
}
