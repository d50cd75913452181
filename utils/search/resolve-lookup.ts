import type { Searcher } from './create-searcher';
import type { SearchHit } from './search-hit';

export type LookupResolution =
  /** One entity clearly answers the query; `others` are weaker exact matches (the same alias elsewhere). */
  | { type: 'profile'; hit: SearchHit; others: SearchHit[] }
  /** Several entities answer equally well, or none exactly: the reader chooses. */
  | { type: 'choose'; reason: 'ambiguous' | 'inexact'; hits: SearchHit[] }
  /** Nothing matches; `closest` are loose fuzzy suggestions. */
  | { type: 'none'; closest: SearchHit[] };

/** What the lookup page shows for a query: a profile, a list to choose from, or suggestions. */
export function resolveLookup(searcher: Searcher, query: string): LookupResolution {
  const hits = searcher.search(query);
  const exact = hits.filter((h) => h.tier === 'id' || h.tier === 'name');
  const [top, second] = exact;
  if (!top) return hits.length ? { type: 'choose', reason: 'inexact', hits } : { type: 'none', closest: searcher.closest(query) };
  if (!second || top.tier === 'id' || clearlyBetter(top, second)) return { type: 'profile', hit: top, others: exact.slice(1) };
  return { type: 'choose', reason: 'ambiguous', hits: exact };
}

/**
 * A primary name beats an alias, a better attested alias beats a weaker one, and the same
 * name in the enterprise matrix beats its mobile or ICS twin.
 */
function clearlyBetter(a: SearchHit, b: SearchHit): boolean {
  if (a.alias === undefined && b.alias !== undefined) return true;
  if (a.alias !== undefined && b.alias !== undefined) return (a.aliasWeight ?? 0) > (b.aliasWeight ?? 0);
  return a.alias === undefined && a.doc.kind === b.doc.kind && !a.doc.domain && !!b.doc.domain;
}
