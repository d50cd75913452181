import type { SearchDoc } from './search-doc';

/** How a hit matched, strongest first. */
export const MATCH_TIERS = ['id', 'name', 'id-prefix', 'word', 'substring', 'fuzzy'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

export interface SearchHit {
  doc: SearchDoc;
  tier: MatchTier;
  /** The alias that matched when it is not the primary name ("Fancy Bear" for APT28). */
  alias?: string;
  /** How well that alias is attested (see SearchDoc.aliasWeights); higher is better. */
  aliasWeight?: number;
  /** The revoked ID the query named, when the hit is its replacement. */
  redirectedFrom?: string;
  /** Within a tier, lower is better (fuse score, or name length for substring tiers). */
  score: number;
  /**
   * The document's position in the index, the last tie-break: the build orders documents by
   * kind, ATT&CK groups before other actors, enterprise before mobile before ICS, then ID.
   */
  order: number;
}


const tierRank = new Map<MatchTier, number>(MATCH_TIERS.map((t, i) => [t, i]));
const ATTACK_KEY = /^(?:T|TA|G|S|C)\d{4}/;

/**
 * Best first: tier, primary name before alias, better attested alias, active before
 * deprecated, score, ATT&CK-backed before other actors, then index order (kind, matrix, ID).
 */
export function compareHits(a: SearchHit, b: SearchHit): number {
  return (
    tierRank.get(a.tier)! - tierRank.get(b.tier)! ||
    Number(a.alias !== undefined) - Number(b.alias !== undefined) ||
    (b.aliasWeight ?? 0) - (a.aliasWeight ?? 0) ||
    Number(!!a.doc.deprecated) - Number(!!b.doc.deprecated) ||
    a.score - b.score ||
    Number(!ATTACK_KEY.test(a.doc.id)) - Number(!ATTACK_KEY.test(b.doc.id)) ||
    a.order - b.order
  );
}
