import type { Actor, Campaign, Software } from '../../data/schema';
import type { DetailsStore } from '../index-data/details-store';
import { buildNavigatorLayer, type LayerResult } from './navigator-layer';

/** Entities with techniques of their own: what can be exported as a layer. */
export type EntityWithTechniques = Actor | Software | Campaign;

/** "APT28 (G0007)"; ETDA- and MISP-only actors by name alone. */
export function exportTitle(entity: EntityWithTechniques): string {
  const id = entity.kind === 'actor' ? entity.attackId : entity.id;
  return id ? `${entity.name} (${id})` : entity.name;
}

/** The Navigator layer for an entity, with the ATT&CK release of the packaged index. */
export async function layerForEntity(store: DetailsStore, entity: EntityWithTechniques): Promise<LayerResult> {
  const [techniques, tactics, sources] = await Promise.all([store.all('technique'), store.all('tactic'), store.sources()]);
  const techniqueById = new Map(techniques.map((t) => [t.id, t]));
  const tacticById = new Map(tactics.map((t) => [t.id, t]));
  const attackVersion = sources.find((s) => s.id === 'attack')?.version ?? '';
  const title = exportTitle(entity);
  return buildNavigatorLayer(
    {
      title,
      description: `ATT&CK techniques used by ${title}, exported by TI Lens from ATT&CK ${attackVersion}.`,
      techniques: entity.techniques,
      attackVersion,
      links: entity.links.filter((l) => l.url.startsWith('https://attack.mitre.org/')),
    },
    { technique: (id) => techniqueById.get(id), tactic: (id) => tacticById.get(id) },
  );
}
