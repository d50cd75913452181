/**
 * The matcher table: the only index data the content script carries.
 * Produced at build time by data/emit/emit-matcher-table.ts and imported by the content
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
}

export const entityKindByCode: Record<string, AnnotationKind> = {
  a: 'actor',
  s: 'software',
  c: 'campaign',
};
