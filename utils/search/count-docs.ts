import type { EntityKind } from '../../data/schema';
import type { SearchDoc } from './search-doc';

export interface EntityCounts {
  byKind: Record<EntityKind, number>;
  subtechniques: number;
  /** Actors known to ATT&CK (a G-number), the rest come from ETDA and MISP only. */
  attackGroups: number;
}

/** How many entities of each kind the packaged index holds, from the search docs. */
export function countDocs(docs: readonly SearchDoc[]): EntityCounts {
  const byKind: Record<EntityKind, number> = { actor: 0, technique: 0, software: 0, campaign: 0, tactic: 0 };
  let subtechniques = 0;
  let attackGroups = 0;
  for (const doc of docs) {
    byKind[doc.kind]++;
    if (doc.kind === 'technique' && doc.id.includes('.')) subtechniques++;
    if (doc.kind === 'actor' && /^G\d{4}$/.test(doc.id)) attackGroups++;
  }
  return { byKind, subtechniques, attackGroups };
}
