import type { IFuseOptions } from 'fuse.js';
import type { SearchDoc } from './search-doc';

/**
 * The fuzzy-searched fields, shared by the build (Fuse.createIndex) and the runtime
 * (new Fuse): both must use the same keys in the same order. IDs are not fuzzy-searched:
 * exact and prefix ID look-ups rank them first, and fuzzy IDs ("T1546.001" for "T1566.001")
 * are noise.
 */
export const SEARCH_KEYS = [
  { name: 'name', weight: 2 },
  { name: 'aliases', weight: 1 },
];

/** Fuzzy matching for misspellings ("lazarsu", "sandwrom"); exact and substring tiers come first. */
export const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: SEARCH_KEYS,
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.34,
  minMatchCharLength: 2,
};

/** Looser settings for "did you mean" suggestions when nothing matched. */
export const CLOSEST_FUSE_OPTIONS: IFuseOptions<SearchDoc> = { ...FUSE_OPTIONS, threshold: 0.6 };
