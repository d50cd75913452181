// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mergeActors, stableKey } from '../../../data/merge/merge-actors';
import { card, cluster, groupUrl, uuidFor } from '../../fixtures/data/cards';
import { type GroupDef, mergeInput, placement } from '../../fixtures/data/merge-input';

const groups: GroupDef[] = [
  { id: 'G0001', name: 'Axiom', aliases: ['Group 72'] },
  { id: 'G0006', name: 'APT1', aliases: ['Comment Crew', 'Byzantine Candor'] },
  { id: 'G0007', name: 'APT28', aliases: ['Fancy Bear', 'Twin Alias'] },
  { id: 'G0016', name: 'APT29', aliases: ['Cozy Bear', 'Twin Alias'] },
  { id: 'G0025', name: 'APT17', aliases: ['Deputy Dog'] },
  { id: 'G0118', name: 'UNC2452', revokedBy: 'G0016' },
];
const merge = (records: Parameters<typeof mergeInput>[0]) => placement(mergeActors(mergeInput(records)));

describe('mergeActors: explicit evidence', () => {
  it('an ETDA name "G0001" given by MITRE attaches the card, even with no shared name', () => {
    expect(merge({ groups, etda: [card([['Unrelated Name', 'Vendor'], ['G0001', 'MITRE']])] })).toMatchObject({ 'etda:Unrelated Name': 'G0001' });
  });

  it('an ETDA mitre-attack URL attaches the card', () => {
    expect(merge({ groups, etda: [card([['Unrelated Name', 'Vendor']], { 'mitre-attack': [groupUrl('G0001')] })] })).toMatchObject({ 'etda:Unrelated Name': 'G0001' });
  });

  it('a MISP synonym G0006 attaches the cluster', () => {
    expect(merge({ groups, misp: [cluster('Shanghai Group', { synonyms: ['G0006'] })] })).toMatchObject({ 'misp:Shanghai Group': 'G0006' });
  });

  it('a MISP ref to attack.mitre.org/groups/G0006/ attaches the cluster', () => {
    expect(merge({ groups, misp: [cluster('Shanghai Group', { refs: ['https://attack.mitre.org/groups/G0006/'] })] })).toMatchObject({ 'misp:Shanghai Group': 'G0006' });
  });

  it('explicit evidence outweighs names that point elsewhere', () => {
    expect(merge({ groups, misp: [cluster('Fancy Bear', { synonyms: ['G0006'] })] })).toMatchObject({ 'misp:Fancy Bear': 'G0006' });
  });

  it('an explicit revoked group ID attaches to its replacement', () => {
    expect(merge({ groups, etda: [card([['Dark Halo', 'Volexity'], ['G0118', 'MITRE']])] })).toMatchObject({ 'etda:Dark Halo': 'G0016' });
  });

  it('an explicit ID of no known group is no evidence: names decide', () => {
    expect(merge({ groups, etda: [card([['Group 72', 'Talos'], ['G9999', 'MITRE']])] })).toMatchObject({ 'etda:Group 72': 'G0001' });
  });

  it('a record naming two groups joins the one whose names it shares most', () => {
    const etda = [card([['Tailgater', 'Vendor'], ['APT17', 'Mandiant'], ['Deputy Dog', 'FireEye'], ['Axiom', 'Novetta'], ['G0001', 'MITRE'], ['G0025', 'MITRE']])];
    const result = mergeActors(mergeInput({ groups, etda }));
    expect(placement(result)).toMatchObject({ 'etda:Tailgater': 'G0025' });
    expect(result.find((d) => d.id === 'G0001')!.etda).toEqual([]);
  });

  it('the primary name weighs most: the MISP "APT17" cluster that also cites Axiom joins APT17', () => {
    const misp = [cluster('APT17', { synonyms: ['Axiom', 'Group 72', 'G0001', 'G0025'], refs: [groupUrl('G0001'), groupUrl('G0025')] })];
    expect(merge({ groups, misp })).toMatchObject({ 'misp:APT17': 'G0025' });
  });

  it('with equal overlap the choice does not depend on the order the IDs are written in', () => {
    const a = merge({ groups, etda: [card([['Neither', 'V'], ['G0025', 'MITRE'], ['G0001', 'MITRE']])] });
    const b = merge({ groups, etda: [card([['Neither', 'V'], ['G0001', 'MITRE'], ['G0025', 'MITRE']])] });
    expect(a['etda:Neither']).toBe(b['etda:Neither']);
  });
});

describe('mergeActors: names', () => {
  it('an unambiguous shared name attaches, ignoring case, spacing and punctuation', () => {
    expect(merge({ groups, etda: [card([['GROUP-72', 'Talos']])], misp: [cluster('comment crew')] })).toMatchObject({
      'etda:GROUP-72': 'G0001',
      'misp:comment crew': 'G0006',
    });
  });

  it('a name shared by two anchors is no evidence: alone it leaves the record on its own', () => {
    const card1 = card([['Twin Alias', 'Vendor']]);
    expect(merge({ groups, etda: [card1] })).toMatchObject({ 'etda:Twin Alias': stableKey('etda', card1.uuid as string) });
  });

  it('an ambiguous name does not stop an unambiguous one from deciding', () => {
    expect(merge({ groups, etda: [card([['Twin Alias', 'Vendor'], ['Cozy Bear', 'CrowdStrike']])] })).toMatchObject({ 'etda:Twin Alias': 'G0016' });
  });

  it('names pointing to two different anchors attach to neither', () => {
    const c = card([['Fancy Bear', 'CrowdStrike'], ['Cozy Bear', 'CrowdStrike']]);
    const result = mergeActors(mergeInput({ groups, etda: [c] }));
    expect(placement(result)['etda:Fancy Bear']).toBe(stableKey('etda', c.uuid as string));
    expect(result.filter((d) => d.attack).every((d) => d.etda.length === 0)).toBe(true);
  });

  it('group IDs are not names: two records sharing only an unknown group ID do not meet through it', () => {
    const m = cluster('Lone Wolf', { synonyms: ['G9998'] });
    const e = card([['Other Wolf', 'V'], ['G9998', 'MITRE']]);
    const p = merge({ groups, etda: [e], misp: [m] });
    expect(p['misp:Lone Wolf']).toBe(stableKey('misp', m.uuid as string));
  });

  it('later phases see earlier records: a MISP cluster joins an ETDA-only actor by an ETDA name', () => {
    const e = card([['Lonely Panda', 'CrowdStrike'], ['LP-1', 'Vendor']]);
    expect(merge({ groups, etda: [e], misp: [cluster('LP-1')], microsoft: [cluster('Storm-0001', { synonyms: ['Lonely Panda'] })] })).toEqual({
      'etda:Lonely Panda': stableKey('etda', e.uuid as string),
      'misp:LP-1': stableKey('etda', e.uuid as string),
      'ms:Storm-0001': stableKey('etda', e.uuid as string),
    });
  });

  it('records of one phase do not see each other: two ETDA cards sharing a new name stay apart', () => {
    const a = card([['Shared New', 'V1'], ['A', 'V1']]);
    const b = card([['Shared New', 'V2'], ['B', 'V2']], { actor: 'Shared New, B' });
    const p = merge({ groups, etda: [a, b] });
    expect(p['etda:Shared New']).toBe(stableKey('etda', a.uuid as string));
    expect(p['etda:Shared New, B']).toBe(stableKey('etda', b.uuid as string));
  });

  it('ATT&CK groups stay anchors even when no record joins them; revoked groups are no actors', () => {
    const ids = mergeActors(mergeInput({ groups })).map((d) => d.id).sort();
    expect(ids).toEqual(['G0001', 'G0006', 'G0007', 'G0016', 'G0025']);
  });
});

describe('stableKey', () => {
  it('is the source prefix and the first 8 hex digits of the record uuid', () => {
    expect(stableKey('etda', '6FA5B25B-276e-4f24-a54a-86e6c05fb27f')).toBe('etda-6fa5b25b');
    expect(stableKey('misp', uuidFor('x'))).toBe(`misp-${uuidFor('x').slice(0, 8)}`);
  });
});
