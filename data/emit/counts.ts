import type { MatcherTable } from '../../utils/matcher/table';
import type { CompiledIndex } from '../schema';

/** What the build prints: actors by source combination, ambiguous aliases, ATT&CK counts. */
export function describeCounts(index: CompiledIndex, table: MatcherTable): string {
  const combos = new Map<string, number>();
  for (const a of index.actors) {
    const key = a.sources.join(' + ');
    combos.set(key, (combos.get(key) ?? 0) + 1);
  }
  const ambiguous = table.names.filter(([, , refs]) => refs.length > 1).length;
  const active = <T extends { deprecated?: boolean }>(list: T[]) => list.filter((e) => !e.deprecated).length;
  const lines = [
    `actors: ${index.actors.length} (${index.actors.filter((a) => a.attackId).length} with an ATT&CK group)`,
    ...[...combos].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`),
    `names in the matcher: ${table.names.length}, ambiguous (several entities): ${ambiguous}`,
    `techniques: ${index.techniques.length} (${index.techniques.filter((t) => t.parent).length} sub-techniques, ${active(index.techniques)} active)`,
    `tactics: ${index.tactics.length}`,
    `software: ${index.software.length} (${active(index.software)} active)`,
    `campaigns: ${index.campaigns.length}`,
    `redirects (revoked IDs): ${index.redirects.length}`,
  ];
  return lines.join('\n');
}
