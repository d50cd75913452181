import type { MatcherTable, NameEntry } from '../../utils/matcher/table';
import { NameFlag } from '../../utils/matcher/table';
import { ATTACK_ID_PATTERN, type CompiledIndex, type Entity } from '../schema';
import { isGroupId, nameKey } from '../merge/name-key';
import { genericWordVariants } from '../words/generic-word-variants';
import { isOrdinaryName } from '../words/ordinary-name';
import { emitNameHashes } from './matcher-hashes';

const KIND_CODE = { actor: 'a', software: 's', campaign: 'c' } as const;
type NamedEntity = Extract<Entity, { kind: keyof typeof KIND_CODE }>;
const MAX_NAME_LENGTH = 64;

/**
 * The content script's table: every actor, software and campaign name with the entities it
 * names (best first) and its flags, plus the ATT&CK IDs that may be annotated.
 */
export function emitMatcherTable(index: CompiledIndex, ordinaryWords: ReadonlySet<string>): MatcherTable {
  const named: NamedEntity[] = [
    ...index.actors,
    ...activeFirst(index.software),
    ...index.campaigns,
  ];
  const entityIndex = new Map<string, number>();
  const entities: string[] = [];
  let entityKinds = '';
  const refOf = (e: NamedEntity) => {
    let i = entityIndex.get(e.id);
    if (i === undefined) {
      i = entities.push(e.id) - 1;
      entityIndex.set(e.id, i);
      entityKinds += KIND_CODE[e.kind];
    }
    return i;
  };

  // Surfaces that differ only in case and spacing ("Wicked Panda", "WICKED PANDA") are one
  // name to the matcher, so candidates are ranked per normalised key and every surface of
  // the key carries the same ranking.
  const byKey = new Map<string, { surfaces: Set<string>; entities: NamedEntity[] }>();
  for (const e of named) {
    for (const surface of namesOf(e).flatMap((n) => [n, ...genericWordVariants(n)])) {
      const key = nameKey(surface);
      if (!key) continue;
      const group = byKey.get(key) ?? { surfaces: new Set<string>(), entities: [] };
      group.surfaces.add(surface);
      if (!group.entities.includes(e)) group.entities.push(e);
      byKey.set(key, group);
    }
  }
  const names: NameEntry[] = [];
  for (const [key, group] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const refs = rankCandidates(key, withoutDeprecatedTwins(group.entities)).map(refOf);
    const primary = group.entities.some((e) => nameKey(e.name) === key);
    for (const surface of [...group.surfaces].sort()) {
      let flags = 0;
      if (isOrdinaryName(surface, ordinaryWords)) flags |= NameFlag.Common;
      if (/\p{L}/u.test(surface) && !/\p{Lu}/u.test(surface)) flags |= NameFlag.LowerCaseSource;
      if (primary) flags |= NameFlag.Primary;
      names.push([surface, flags, refs]);
    }
  }

  const ids = (list: readonly { id: string }[], extra: string[] = []) => [...new Set([...list.map((e) => e.id), ...extra])].sort();
  const redirected = (kind: string) => index.redirects.filter((r) => r.kind === kind).map((r) => r.from);
  return {
    version: 1,
    entities,
    entityKinds,
    names,
    ids: {
      technique: ids(index.techniques, redirected('technique')),
      group: ids(index.actors.filter((a) => a.attackId), redirected('actor')),
      software: ids(index.software, redirected('software')),
      campaign: ids(index.campaigns, redirected('campaign')),
      tactic: ids(index.tactics),
    },
    nameHashes: emitNameHashes(names),
  };
}

function namesOf(e: NamedEntity): string[] {
  return [e.name, ...e.aliases].filter(
    (n) => n.length >= 2 && n.length <= MAX_NAME_LENGTH && !ATTACK_ID_PATTERN.test(n) && !isGroupId(n) && /\p{L}/u.test(n),
  );
}

/** Deprecated ATT&CK copies (an ICS duplicate of enterprise malware) never outrank the active entry. */
function activeFirst<T extends { deprecated?: boolean }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => Number(!!a.deprecated) - Number(!!b.deprecated));
}

function withoutDeprecatedTwins(list: NamedEntity[]): NamedEntity[] {
  const active = list.filter((e) => !e.deprecated);
  return active.length ? active : list;
}

/**
 * Best candidate first: ATT&CK-backed entities (what analysts mean by "Wicked Panda" is APT41,
 * not a stray cluster of that name), then the entity whose primary name this is, then the
 * entity more sources give this very name to ("Group 72" is Axiom for ATT&CK, ETDA and MISP;
 * only one MISP cluster also lists it for APT17), then actors before software.
 */
function rankCandidates(key: string, list: NamedEntity[]): NamedEntity[] {
  const score = (e: NamedEntity) =>
    (e.kind !== 'actor' || e.attackId ? 8 : 0) +
    (nameKey(e.name) === key ? 4 : 0) +
    nameSupport(e, key) * 0.5 +
    (e.kind === 'actor' ? 0.2 : 0) +
    e.sources.length * 0.01;
  return [...list].sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** How many sources give this entity the name (ATT&CK counts double: it curates its aliases). */
function nameSupport(e: NamedEntity, key: string): number {
  if (e.kind !== 'actor') return 2;
  const sources = new Set(e.aliasInfo.filter((a) => nameKey(a.name) === key).flatMap((a) => a.sources));
  return sources.size + (sources.has('attack') ? 1 : 0);
}
