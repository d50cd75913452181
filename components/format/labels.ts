import type { Entity, EntityKind, SourceId } from '../../data/schema';

const kindLabels: Record<EntityKind, [one: string, many: string]> = {
  actor: ['actor', 'actors'],
  technique: ['technique', 'techniques'],
  tactic: ['tactic', 'tactics'],
  software: ['software', 'software'],
  campaign: ['campaign', 'campaigns'],
};

const sourceNames: Record<SourceId, string> = {
  attack: 'ATT&CK',
  etda: 'ETDA',
  'misp-threat-actor': 'MISP',
  'misp-microsoft': 'MISP Microsoft',
};

/** "1 actor", "3 actors", "2 software". */
export function countOf(count: number, kind: EntityKind): string {
  const [one, many] = kindLabels[kind];
  return `${count} ${count === 1 ? one : many}`;
}

/** "3 items" / "1 item" for any noun with a regular plural. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function kindName(kind: EntityKind): string {
  return kindLabels[kind][0];
}

/** The short name a source goes by in lists ("ATT&CK", "ETDA", "MISP"). */
export function sourceShortName(id: SourceId): string {
  return sourceNames[id] ?? id;
}

/** The id to show: the ATT&CK ID when there is one, else the entity's stable key. */
export function displayId(entity: Entity): string {
  return entity.kind === 'actor' ? (entity.attackId ?? entity.id) : entity.id;
}

const matrices: Record<string, string> = { 'enterprise-attack': 'Enterprise', 'mobile-attack': 'Mobile', 'ics-attack': 'ICS' };

/** "Enterprise" for "enterprise-attack"; other domains as written. */
export function matrixName(domain: string): string {
  return matrices[domain] ?? domain;
}
