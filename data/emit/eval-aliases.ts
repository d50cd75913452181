import type { CompiledIndex } from '../schema';

/**
 * For the annotation evaluation: each actor's own key -> the keys a labeled corpus uses for
 * the same records ("etda:<card name>", "misp:<cluster value>", the ATT&CK ID).
 */
export function emitEvalAliases(index: CompiledIndex): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of index.actors) {
    out[a.id] = [
      ...(a.attackId ? [a.attackId] : []),
      ...a.records.map((r) => `${r.source === 'etda' ? 'etda' : 'misp'}:${r.name}`),
    ];
  }
  return out;
}
