import type { EntityKind } from '../../data/schema';
import type { SearchHit } from './search-hit';

export interface HitGroup {
  kind: EntityKind;
  hits: SearchHit[];
}

/** Hits grouped by kind, groups in the order of their best hit, so the best hit stays first. */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<EntityKind, HitGroup>();
  for (const hit of hits) {
    const group = groups.get(hit.doc.kind);
    if (group) group.hits.push(hit);
    else groups.set(hit.doc.kind, { kind: hit.doc.kind, hits: [hit] });
  }
  return [...groups.values()];
}

/** The hits in display order (group by group): the order keyboard navigation follows. */
export function flattenGroups(groups: readonly HitGroup[]): SearchHit[] {
  return groups.flatMap((g) => g.hits);
}
