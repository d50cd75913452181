/**
 * The matcher table: the only index data the content script carries.
 * Produced at build time by data/emit/matcher-table.ts and imported by the content
 * script as JSON; it holds names and IDs, never entity details.
 */

/** Kinds of entity an annotation can name (the `data-ti-kind` values). */
export type AnnotationKind = 'actor' | 'technique' | 'software' | 'campaign' | 'tactic';

/** Name flags (bit set), decided at build time from the sources and word lists. */
export const NameFlag = {
  /**
   * The name is also an ordinary word or another thing's name ("Axiom", "Lazarus",
   * "Sandworm", "Calendar", "Evil Corp"): annotate only with its exact capitalisation and
   * threat context.
   */
  Common: 1,
  /** The name is written in the sources in lower case ("at", "route", "mimikatz"). */
  LowerCaseSource: 2,
  /** The name is an entity's primary name (not only an alias). */
  Primary: 4,
} as const;

/** One entry of `MatcherTable.names`: the name exactly as the sources write it, its flags, and the entities it names, best candidate first (indices into `entities`). */
export type NameEntry = [surface: string, flags: number, entityRefs: number[]];

/**
 * Name hashes precomputed by the data compiler (data/emit/matcher-hashes.ts) with the matcher's
 * own key and hash functions, so that the content script need not derive them from the names
 * at every page load. The matcher checks them against the names and ignores them when they
 * disagree; layout and checks in utils/matcher/name-hashes.ts.
 */
export interface NameHashes {
  /** Layout of `data`; a matcher that reads another layout computes the hashes itself. */
  format: number;
  /** Base64: every prefix hash of the names with its flags, every name's full-key hash, and the continuation filter's bits. */
  data: string;
}

export interface MatcherTable {
  version: 1;
  /** Entity ids (G0001, S0013, C0027, etda-6fa5b25b, misp-1cb7e1cc ...), referenced by index. */
  entities: string[];
  /** One character per entity, parallel to `entities`: a = actor, s = software, c = campaign. */
  entityKinds: string;
  names: NameEntry[];
  /** Valid ATT&CK IDs that may be annotated when written on a page (revoked ones included). */
  ids: {
    technique: string[];
    group: string[];
    software: string[];
    campaign: string[];
    tactic: string[];
  };
  /**
   * Precomputed name hashes (the compiler always writes them). Optional: without them, as in
   * hand-written tables and test fixtures, the matcher derives them from `names`.
   */
  nameHashes?: NameHashes;
}

export const entityKindByCode: Record<string, AnnotationKind> = {
  a: 'actor',
  s: 'software',
  c: 'campaign',
};
