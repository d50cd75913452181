import type { Entity, TechniqueRef } from '../../data/schema';
import type { DetailsStore } from '../index-data/details-store';
import type { CardData, EntityRef, TechniqueGroup } from './card-data';

const TOP_GROUPS = 8;

/**
 * The data a card shows for one entity id: the entity plus the names of everything it
 * points to. `matchedText` is the text the reader met on the page, to say who gave that name.
 */
export async function buildCard(store: DetailsStore, id: string, matchedText?: string): Promise<CardData | undefined> {
  const resolved = await store.resolve(id);
  if (!resolved) return undefined;
  const { entity, redirect } = resolved;
  const sources = (await store.sources()).filter((s) => entity.sources.includes(s.id));
  const base = { sources, ...(redirect ? { redirect } : {}) };
  const refs = async (ids: readonly string[]) => (await Promise.all(ids.map((i) => refOf(store, i)))).filter(isRef);

  switch (entity.kind) {
    case 'actor':
      return {
        ...base,
        kind: 'actor',
        entity,
        ...matchedAliasOf(entity, matchedText),
        techniquesByTactic: await groupByTactic(store, entity.techniques),
        campaigns: await refs(entity.campaigns),
      };
    case 'technique':
      return {
        ...base,
        kind: 'technique',
        entity,
        tactics: await refs(entity.tactics),
        ...(entity.parent ? { parent: await refOf(store, entity.parent) } : {}),
        subtechniques: await refs(entity.subtechniques),
        usedByCount: entity.usedBy.length,
        topGroups: await refs(entity.usedBy.slice(0, TOP_GROUPS)),
        softwareUsingCount: entity.softwareUsing.length,
      };
    case 'software':
      return { ...base, kind: 'software', entity, usedBy: await refs(entity.usedBy), techniquesByTactic: await groupByTactic(store, entity.techniques) };
    case 'campaign':
      return {
        ...base,
        kind: 'campaign',
        entity,
        attributedTo: await refs(entity.attributedTo),
        software: await refs(entity.software),
        techniquesByTactic: await groupByTactic(store, entity.techniques),
      };
    case 'tactic': {
      const techniques = await store.all('technique');
      return { ...base, kind: 'tactic', entity, techniqueCount: techniques.filter((t) => t.tactics.includes(entity.id)).length };
    }
  }
}

function matchedAliasOf(entity: Extract<Entity, { kind: 'actor' }>, matchedText: string | undefined) {
  if (!matchedText) return {};
  const key = aliasKey(matchedText);
  const alias = entity.aliasInfo.find((a) => aliasKey(a.name) === key);
  return alias ? { matchedAlias: alias } : {};
}

/** Names compare as the page writes them loosely: case, spaces, hyphens and possessives aside. */
export function aliasKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/['’]s$/u, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

async function refOf(store: DetailsStore, id: string): Promise<EntityRef | undefined> {
  const e = await store.get(id);
  return e ? { id: e.id, name: e.name } : undefined;
}

function isRef(r: EntityRef | undefined): r is EntityRef {
  return r !== undefined;
}

/** Techniques grouped under their tactics in matrix order, sub-techniques after their parents. */
export async function groupByTactic(store: DetailsStore, techniques: readonly TechniqueRef[]): Promise<TechniqueGroup[]> {
  const tactics = await store.all('tactic');
  const groups: TechniqueGroup[] = [];
  for (const tactic of tactics) {
    const members = techniques.filter((t) => t.tactics.includes(tactic.id));
    if (!members.length) continue;
    const named = await Promise.all(
      members.map(async (t) => {
        const e = await store.get(t.id);
        const parent = t.id.includes('.') ? t.id.slice(0, t.id.indexOf('.')) : undefined;
        const parentName = parent ? (await store.get(parent))?.name : undefined;
        return { id: t.id, name: e?.name ?? t.id, ...(parent ? { parent } : {}), ...(parentName ? { parentName } : {}) };
      }),
    );
    named.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    groups.push({ tactic: { id: tactic.id, name: tactic.name }, techniques: named });
  }
  return groups;
}
