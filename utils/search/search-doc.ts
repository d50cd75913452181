import type { EntityKind } from '../../data/schema';

/** Where the build puts the search index inside the extension (public/search/…). */
export const SEARCH_INDEX_PATH = 'search/search-index.json';

/** Bump on any incompatible change of `SearchIndexFile`. */
export const SEARCH_INDEX_VERSION = 1;

/** The short, searchable fields of one entity: never descriptions. */
export interface SearchDoc {
  id: string;
  kind: EntityKind;
  name: string;
  /** Other names, without the primary name, best attested first. */
  aliases: string[];
  /**
   * How well each alias is attested (parallel to `aliases`): the number of sources giving
   * it, plus one when ATT&CK does. Absent when every alias comes from ATT&CK alone.
   */
  aliasWeights?: number[];
  /** A sub-technique's parent technique name ("Phishing"). */
  parent?: string;
  /**
   * The ATT&CK domain of a technique, tactic or software when it is not enterprise-attack
   * ("mobile-attack", "ics-attack"): the same names repeat across matrices.
   */
  domain?: string;
  /** Deprecated ATT&CK objects: still found, ranked last. */
  deprecated?: true;
}

/** A serialized Fuse index (`FuseIndex#toJSON()`). */
export interface SerializedFuseIndex {
  keys: readonly { path: string[]; id: string; weight: number; src: string | string[] }[];
  records: unknown[];
}

/**
 * Every name the documents answer to (primary name, "Parent: Sub-technique", aliases),
 * normalised at build time with `looseText`, as parallel arrays: the runtime builds its
 * look-up tables from them without normalising anything.
 */
export interface SearchNameTable {
  /** Index into `docs`. */
  doc: number[];
  /** `looseText(name)`: lower case, words separated by single spaces. */
  text: string[];
  /** Index into the document's `aliases`; -1 for its primary name (or "Parent: name"). */
  alias: number[];
}

/** What the build writes to SEARCH_INDEX_PATH and the popup and lookup page load. */
export interface SearchIndexFile {
  version: typeof SEARCH_INDEX_VERSION;
  docs: SearchDoc[];
  names: SearchNameTable;
  /** Built with `Fuse.createIndex(SEARCH_KEYS, docs)`. */
  fuse: SerializedFuseIndex;
  /** Revoked ATT&CK IDs and the IDs that replace them. */
  redirects: [from: string, to: string][];
}
