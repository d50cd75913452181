import { ATTACK_ID_SOURCE, type EntityKind } from '../../data/schema';

/** Every id the index can hold: ATT&CK IDs and the stable keys of non-ATT&CK actors. */
const ENTITY_ID = new RegExp(`^(?:${ATTACK_ID_SOURCE}|(?:etda|misp)-[0-9a-f]{8})$`);

export function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 16 && ENTITY_ID.test(value);
}

/** The kind of entity an id names, from its shape alone. */
export function kindOfId(id: string): EntityKind | undefined {
  if (!isEntityId(id)) return undefined;
  if (id.startsWith('TA')) return 'tactic';
  switch (id[0]) {
    case 'T':
      return 'technique';
    case 'S':
      return 'software';
    case 'C':
      return 'campaign';
    default:
      return 'actor';
  }
}

/** An ATT&CK ID written anywhere in a short text ("t1566.001", " G0001 "), upper-cased. */
export function parseAttackId(text: string): string | undefined {
  const m = /^\s*((?:t|ta|g|s|c)\d{4}(?:\.\d{3})?)\s*$/i.exec(text);
  if (!m?.[1]) return undefined;
  const id = m[1].toUpperCase();
  return isEntityId(id) ? id : undefined;
}
