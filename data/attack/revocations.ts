import type { StixObject, StixRelationship } from '../readers/read-stix-bundle';

/**
 * Returns a function giving, for any STIX id, the object it finally stands for: revoked
 * objects follow their `revoked-by` chain to the end (T1086 -> T1059.001; T1073 takes two
 * hops). Cycles stop where they would repeat.
 */
export function followRevocations(
  objects: ReadonlyMap<string, StixObject>,
  relationships: readonly StixRelationship[],
): (stixId: string) => string {
  const revokedBy = new Map<string, string>();
  for (const rel of relationships) {
    if (rel.type === 'revoked-by' && objects.get(rel.source)?.revoked) revokedBy.set(rel.source, rel.target);
  }
  const cache = new Map<string, string>();
  return (stixId) => {
    const cached = cache.get(stixId);
    if (cached) return cached;
    const seen = new Set<string>([stixId]);
    let current = stixId;
    for (let next = revokedBy.get(current); next && !seen.has(next); next = revokedBy.get(current)) {
      seen.add(next);
      current = next;
    }
    cache.set(stixId, current);
    return current;
  };
}
