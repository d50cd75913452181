// @vitest-environment node
/**
 * The OilRig / Cleaver / Magic Hound / APT42 trap: four ATT&CK groups, and ETDA/MISP records
 * that bridge them pairwise by shared names (Cobalt Gypsy, Tarh Andishan, UNC788). A merge
 * that chains records (union-find over shared names) folds all four into one actor.
 */
import { describe, expect, it } from 'vitest';
import { buildActor } from '../../../data/merge/build-actor';
import { type ActorDraft, draftNames, mergeActors, stableKey } from '../../../data/merge/merge-actors';
import { nameKey } from '../../../data/merge/name-key';
import type { MergeInput } from '../../../data/merge/merge-actors';
import { card, cluster, groupUrl } from '../../fixtures/data/cards';
import { canonical, mergeInput, placement, shuffled } from '../../fixtures/data/merge-input';

const groups = [
  { id: 'G0049', name: 'OilRig', aliases: ['COBALT GYPSY', 'APT34', 'Helix Kitten', 'EUROPIUM'] },
  { id: 'G0003', name: 'Cleaver', aliases: ['Threat Group 2889', 'TG-2889'] },
  { id: 'G0059', name: 'Magic Hound', aliases: ['TA453', 'Charming Kitten', 'Phosphorus', 'APT35'] },
  { id: 'G1044', name: 'APT42', aliases: [] },
  { id: 'G0058', name: 'Charming Kitten', revokedBy: 'G0059' },
];
// Names from Cleaver (TG-2889) and from OilRig (Cobalt Gypsy) at once: evidence for neither.
const cuttingKitten = card([['Cutting Kitten', 'CrowdStrike'], ['TG-2889', 'SecureWorks'], ['Cobalt Gypsy', 'SecureWorks'], ['Tarh Andishan', 'Cylance']]);
const etda = [
  card([['OilRig', 'Palo Alto'], ['APT 34', 'FireEye'], ['Chrysene', 'Dragos'], ['Cobalt Gypsy', 'SecureWorks'], ['G0049', 'MITRE']], { actor: 'OilRig, APT 34' }),
  card([['Magic Hound', 'Palo Alto'], ['APT 35', 'Mandiant'], ['Tarh Andishan', 'Cylance'], ['UNC788', 'FireEye'], ['G0058', 'MITRE'], ['G0059', 'MITRE']], {
    actor: 'Magic Hound, APT 35',
    'mitre-attack': [groupUrl('G0058'), groupUrl('G0059')],
  }),
  card([['APT 42', 'Mandiant'], ['GreenBravo', 'Recorded Future']]),
  cuttingKitten,
];
const aptFortyTwo = cluster('APT42', { synonyms: ['UNC788', 'CALANQUE'] });
const misp = [
  cluster('Cleaver', { synonyms: ['Operation Cleaver', 'Tarh Andishan', 'TG-2889', 'Cobalt Gypsy', 'G0003'], refs: [groupUrl('G0003')] }),
  aptFortyTwo,
  cluster('CHRYSENE', { synonyms: ['OilRig', 'Greenbug'] }),
  cluster('Charming Kitten', { synonyms: ['Newscaster', 'G0058'], refs: [groupUrl('G0058')] }),
  cluster('OilRig', { synonyms: ['APT 34', 'Cobalt Gypsy', 'EUROPIUM', 'G0049'], refs: [groupUrl('G0049')] }),
  cluster('APT35', { synonyms: ['Magic Hound', 'G0059', 'Phosphorus'] }),
];
const microsoft = [cluster('Mint Sandstorm', { synonyms: ['PHOSPHORUS', 'APT35'] }), cluster('Hazel Sandstorm', { synonyms: ['EUROPIUM', 'Cobalt Gypsy'] })];

const input = () => mergeInput({ groups, etda, misp, microsoft });

/** What a chaining merge would do: connected components over shared name keys. */
function chainedComponents(m: MergeInput): string[][] {
  const records = [
    ...m.groups.map((g) => ({ id: g.id, names: g.aliases })),
    ...m.etda.map((c) => ({ id: c.uuid, names: c.names.map((n) => n.name) })),
    ...[...m.misp, ...m.microsoft].map((c) => ({ id: c.uuid, names: c.names.map((n) => n.name) })),
  ];
  const parent = new Map(records.map((r) => [r.id, r.id]));
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  const byKey = new Map<string, string>();
  for (const r of records) {
    for (const n of r.names) {
      const owner = byKey.get(nameKey(n));
      if (owner) parent.set(find(r.id), find(owner));
      else byKey.set(nameKey(n), r.id);
    }
  }
  const components = new Map<string, string[]>();
  for (const g of m.groups) components.set(find(g.id), [...(components.get(find(g.id)) ?? []), g.id]);
  return [...components.values()];
}

const holders = (drafts: ActorDraft[], name: string) => drafts.filter((d) => draftNames(d).some((n) => nameKey(n) === nameKey(name))).map((d) => d.id).sort();

describe('mergeActors never chains (OilRig / Cleaver / Magic Hound / APT42)', () => {
  const drafts = mergeActors(input());

  it('the fixture is a real trap: chaining would fold all four groups into one actor', () => {
    expect(chainedComponents(input())).toEqual([expect.arrayContaining(['G0049', 'G0003', 'G0059', 'G1044'])]);
  });

  it('no actor holds two ATT&CK groups, and each group is in exactly one actor', () => {
    const withGroup = drafts.filter((d) => d.attack);
    expect(withGroup.map((d) => d.attack!.id).sort()).toEqual(['G0003', 'G0049', 'G0059', 'G1044']);
    for (const d of withGroup) expect(d.id).toBe(d.attack!.id);
    const actors = drafts.map((d) => buildActor(d, () => undefined));
    expect(actors.filter((a) => a.attackId).map((a) => a.attackId).sort()).toEqual(['G0003', 'G0049', 'G0059', 'G1044']);
  });

  it('every record lands in exactly one actor, where its own evidence points', () => {
    expect(placement(drafts)).toEqual({
      'etda:OilRig, APT 34': 'G0049',
      'etda:Magic Hound, APT 35': 'G0059',
      'etda:APT 42': 'G1044',
      'etda:Cutting Kitten': stableKey('etda', cuttingKitten.uuid as string),
      'misp:Cleaver': 'G0003',
      'misp:APT42': stableKey('misp', aptFortyTwo.uuid as string),
      'misp:CHRYSENE': 'G0049',
      'misp:Charming Kitten': 'G0059',
      'misp:OilRig': 'G0049',
      'misp:APT35': 'G0059',
      'ms:Mint Sandstorm': 'G0059',
      'ms:Hazel Sandstorm': 'G0049',
    });
  });

  it('the bridging aliases map to several actors instead of joining them', () => {
    const own = (c: { uuid?: unknown }, p: 'etda' | 'misp') => stableKey(p, c.uuid as string);
    expect(holders(drafts, 'Cobalt Gypsy')).toEqual(['G0003', 'G0049', own(cuttingKitten, 'etda')].sort());
    expect(holders(drafts, 'Tarh Andishan')).toEqual(['G0003', 'G0059', own(cuttingKitten, 'etda')].sort());
    expect(holders(drafts, 'UNC788')).toEqual(['G0059', own(aptFortyTwo, 'misp')].sort());
  });

  it('the result does not depend on record order within a phase', () => {
    const expected = canonical(drafts);
    for (let seed = 1; seed <= 12; seed++) {
      const m = input();
      const again = mergeActors({ ...m, groups: shuffled(m.groups, seed), etda: shuffled(m.etda, seed + 100), misp: shuffled(m.misp, seed + 200), microsoft: shuffled(m.microsoft, seed + 300) });
      expect(canonical(again), `seed ${seed}`).toEqual(expected);
    }
  });
});
