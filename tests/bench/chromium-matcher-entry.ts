/** Bundled by chromium-bench.ts for a plain page: exposes the matcher to the page. */
import { createMatcher } from '../../utils/matcher/matcher';
import { NameIndex } from '../../utils/matcher/name-index';
import type { MatcherTable } from '../../utils/matcher/table';

Object.assign(globalThis, {
  tiBenchCreateMatcher: createMatcher,
  tiBenchUsesShippedHashes: (table: MatcherTable) => new NameIndex(table).usedShippedHashes,
});
