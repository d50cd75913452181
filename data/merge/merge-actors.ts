import type { AttackGroup } from '../attack/build-attack';
import type { EtdaCard } from '../readers/read-etda-cards';
import type { MispCluster } from '../readers/read-misp-galaxy';
import { groupIdsInUrls, isGroupId, nameKey } from './name-key';

/** The records that together make one actor. At most one ATT&CK group, by construction. */
export interface ActorDraft {
  id: string;
  attack?: AttackGroup;
  etda: EtdaCard[];
  misp: MispCluster[];
  microsoft: MispCluster[];
}

export interface MergeInput {
  groups: readonly AttackGroup[];
  /** Revoked group id -> replacement group id. */
  groupRedirects: ReadonlyMap<string, string>;
  etda: readonly EtdaCard[];
  misp: readonly MispCluster[];
  microsoft: readonly MispCluster[];
}

/** A record that can join an actor: its names, and the ATT&CK groups it explicitly names. */
interface Candidate {
  names: string[];
  explicitGroups: string[];
}

/**
 * Merges the sources into actors. Every record joins at most one existing actor (an "anchor"),
 * so merges never chain: ATT&CK groups are anchors from the start; then each ETDA card, then
 * each MISP threat-actor cluster, then each Microsoft activity group either joins the anchor
 * it names explicitly (a MITRE group ID or ATT&CK group URL), or the single anchor its names
 * point to unambiguously, or becomes an anchor of its own. Names shared by several anchors are
 * no evidence. Within one phase the name index is frozen, so the result does not depend on
 * record order.
 */
export function mergeActors(input: MergeInput): ActorDraft[] {
  const drafts = new Map<string, ActorDraft>();
  for (const g of input.groups) drafts.set(g.id, { id: g.id, attack: g, etda: [], misp: [], microsoft: [] });

  const phase = <T>(records: readonly T[], candidate: (r: T) => Candidate, ownId: (r: T) => string, add: (d: ActorDraft, r: T) => void) => {
    const index = buildNameIndex(drafts.values());
    for (const record of records) {
      const c = candidate(record);
      const target = explicitAnchor(c, drafts, input.groupRedirects) ?? nameAnchor(c, index);
      if (target) add(drafts.get(target)!, record);
      else {
        const draft: ActorDraft = { id: ownId(record), etda: [], misp: [], microsoft: [] };
        add(draft, record);
        drafts.set(draft.id, draft);
      }
    }
  };
  phase(
    input.etda,
    (card) => ({
      names: card.names.map((n) => n.name),
      explicitGroups: [...card.names.filter((n) => isGroupId(n.name)).map((n) => n.name), ...groupIdsInUrls(card.mitreAttack)],
    }),
    (card) => stableKey('etda', card.uuid),
    (d, card) => d.etda.push(card),
  );
  const mispCandidate = (c: MispCluster): Candidate => ({
    names: c.names.map((n) => n.name),
    explicitGroups: [...c.names.filter((n) => isGroupId(n.name)).map((n) => n.name), ...groupIdsInUrls(c.refs)],
  });
  phase(input.misp, mispCandidate, (c) => stableKey('misp', c.uuid), (d, c) => d.misp.push(c));
  phase(input.microsoft, mispCandidate, (c) => stableKey('misp', c.uuid), (d, c) => d.microsoft.push(c));
  return [...drafts.values()];
}

/** A key that stays the same across rebuilds: the source's own record uuid, shortened. */
export function stableKey(prefix: 'etda' | 'misp', uuid: string): string {
  return `${prefix}-${uuid.replace(/-/g, '').slice(0, 8).toLowerCase()}`;
}

/** All names of a draft, from every record it holds. */
export function draftNames(d: ActorDraft): string[] {
  return [
    ...(d.attack?.aliases ?? []),
    ...d.etda.flatMap((c) => c.names.map((n) => n.name)),
    ...d.misp.flatMap((c) => c.names.map((n) => n.name)),
    ...d.microsoft.flatMap((c) => c.names.map((n) => n.name)),
  ].filter((n) => !isGroupId(n));
}

function buildNameIndex(drafts: Iterable<ActorDraft>): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const d of drafts) {
    for (const name of draftNames(d)) {
      const key = nameKey(name);
      if (!key) continue;
      let set = index.get(key);
      if (!set) index.set(key, (set = new Set()));
      set.add(d.id);
    }
  }
  return index;
}

/**
 * The ATT&CK group a record names explicitly. When it names several (ETDA folds APT17 and
 * Deputy Dog into one card), it joins the one sharing most names with it; the others keep
 * their own actors and the shared names stay ambiguous. The record's primary name weighs most:
 * the MISP "APT17" cluster that also cites Axiom's page joins APT17.
 */
function explicitAnchor(c: Candidate, drafts: ReadonlyMap<string, ActorDraft>, redirects: ReadonlyMap<string, string>): string | undefined {
  const ids = [...new Set(c.explicitGroups.map((id) => redirects.get(id) ?? id))].filter((id) => drafts.get(id)?.attack);
  if (ids.length <= 1) return ids[0];
  const keys = new Set(c.names.map(nameKey));
  const primary = nameKey(c.names[0] ?? '');
  const overlap = (id: string) => {
    const aliases = drafts.get(id)!.attack!.aliases.map(nameKey);
    return aliases.filter((a) => keys.has(a)).length + (aliases.includes(primary) ? 100 : 0);
  };
  return ids.sort((a, b) => overlap(b) - overlap(a) || a.localeCompare(b))[0];
}

/** The single anchor this record's unambiguous names point to, if they all agree. */
function nameAnchor(c: Candidate, index: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  const targets = new Set<string>();
  for (const name of c.names) {
    if (isGroupId(name)) continue;
    const owners = index.get(nameKey(name));
    if (owners?.size === 1) targets.add([...owners][0]!);
  }
  return targets.size === 1 ? [...targets][0] : undefined;
}
