// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildAttack } from '../../../data/attack/build-attack';
import { readStixBundle } from '../../../data/readers/read-stix-bundle';
import { ENTERPRISE_FILE, ICS_FILE, MOBILE_FILE, bundle20, enterpriseBundle, group, icsBundle, ids, mobileBundle, rel, revoked, technique } from '../../fixtures/data/stix';

function build(...bundles: [unknown, string, string][]) {
  return buildAttack(bundles.map(([json, file, domain]) => readStixBundle(json, file, domain)));
}
const all = () =>
  build([enterpriseBundle(), ENTERPRISE_FILE, 'enterprise-attack'], [mobileBundle(), MOBILE_FILE, 'mobile-attack'], [icsBundle(), ICS_FILE, 'ics-attack']);

describe('buildAttack: revocations', () => {
  const data = all();
  const redirect = (from: string) => data.redirects.find((r) => r.from === from);

  it('follows a one-hop revoked-by (T1086 -> T1059.001) and names the revoked object', () => {
    expect(redirect('T1086')).toEqual({ from: 'T1086', to: 'T1059.001', kind: 'technique', reason: 'revoked', name: 'PowerShell' });
  });

  it('follows a two-hop chain to its end (T1073 -> T1574.002 -> T1574.001)', () => {
    expect(redirect('T1073')).toMatchObject({ to: 'T1574.001', kind: 'technique' });
    expect(redirect('T1574.002')).toMatchObject({ to: 'T1574.001' });
  });

  it('redirects revoked groups', () => {
    expect(redirect('G0058')).toMatchObject({ to: 'G0059', kind: 'actor', name: 'Charming Kitten' });
  });

  it('never turns the deprecated course-of-action sharing T1086 into a technique', () => {
    expect(data.techniques.map((t) => t.id)).not.toContain('T1086');
    expect(data.techniques.some((t) => t.name === 'PowerShell Mitigation')).toBe(false);
  });

  it('keeps revoked objects out of the entity lists', () => {
    const entityIds = [...data.techniques, ...data.software, ...data.campaigns, ...data.tactics, ...data.groups].map((e) => e.id);
    for (const r of data.redirects) expect(entityIds).not.toContain(r.from);
    for (const r of data.redirects) expect(entityIds).toContain(r.to);
  });

  it('stops at a cycle instead of looping', () => {
    const d = build([
      bundle20([technique('T1', 'A', [], revoked), technique('T2', 'B', [], revoked), rel('revoked-by', ids.T('T1'), ids.T('T2')), rel('revoked-by', ids.T('T2'), ids.T('T1'))]),
      'x.json',
      'enterprise-attack',
    ]);
    expect(d.techniques).toEqual([]);
    expect(d.redirects).toEqual([]);
  });

  it('counts a use of a revoked technique for its final replacement', () => {
    const axiom = data.groups.find((g) => g.id === 'G0001')!;
    expect(axiom.techniques.map((t) => t.id)).toContain('T1059.001');
    const plugx = data.software.find((s) => s.id === 'S0013')!;
    expect(plugx.techniques.map((t) => t.id)).toContain('T1574.001');
  });
});

describe('buildAttack: structure and relationships', () => {
  const data = all();
  const technique = (id: string) => data.techniques.find((t) => t.id === id)!;
  const groupOf = (id: string) => data.groups.find((g) => g.id === id)!;
  const softwareOf = (id: string) => data.software.filter((s) => s.id === id);

  it('gives sub-techniques their parent and parents their sub-techniques (revoked ones left out)', () => {
    expect(technique('T1059.001').parent).toBe('T1059');
    expect(technique('T1059').subtechniques).toEqual(['T1059.001']);
    expect(technique('T1574').subtechniques).toEqual(['T1574.001']);
    expect(technique('T1059').parent).toBeUndefined();
  });

  it('maps kill chain phases to the tactic of the same domain', () => {
    expect(technique('T1566').tactics).toEqual(['TA0001']);
    expect(technique('T1476').tactics).toEqual(['TA0027']);
    expect(technique('T0817').tactics).toEqual(['TA0108']);
    expect(data.tactics.find((t) => t.id === 'TA0027')).toMatchObject({ shortname: 'initial-access', domain: 'mobile-attack' });
  });

  it('links group -> technique with its tactics, and lists the group under the technique', () => {
    expect(groupOf('G0001').techniques).toEqual([
      { id: 'T1566', tactics: ['TA0001'] },
      { id: 'T1059.001', tactics: ['TA0002'] },
    ]);
    expect(technique('T1566').usedBy).toEqual(['G0001', 'G0007']);
  });

  it('ignores revoked and deprecated relationships', () => {
    expect(groupOf('G0007').techniques.map((t) => t.id).sort()).toEqual(['T1059.001', 'T1566']);
  });

  it('links group -> software both ways', () => {
    expect(groupOf('G0001').software).toEqual(['S0013', 'S0017']);
    expect(softwareOf('S0013')[0]!.usedBy).toEqual(['G0001']);
  });

  it('links software -> technique, and lists the software under the technique', () => {
    expect(softwareOf('S0013')[0]!.techniques).toEqual(
      expect.arrayContaining([
        { id: 'T1574.001', tactics: ['TA0005'] },
        { id: 'T1476', tactics: ['TA0027'] },
      ]),
    );
    expect(technique('T1574.001').softwareUsing).toEqual(['S0013']);
  });

  it('links campaign -> technique, campaign -> software and campaign attributed-to group', () => {
    const c = data.campaigns.find((x) => x.id === 'C0001')!;
    expect(c).toMatchObject({ techniques: [{ id: 'T1059.001', tactics: ['TA0002'] }], software: ['S0002'], attributedTo: ['G0007'], firstSeen: '2020-01-15', lastSeen: '2021-03-01' });
    expect(groupOf('G0007').campaigns).toEqual(['C0001']);
  });

  it('unions an object shared by two bundles (domains, platforms) into one entity', () => {
    expect(softwareOf('S0013')).toHaveLength(1);
    expect(softwareOf('S0013')[0]).toMatchObject({ domains: ['enterprise-attack', 'mobile-attack'], platforms: ['Windows', 'Android'], aliases: ['Korplug'], type: 'malware' });
  });

  it('keeps one entity per ATT&CK ID: a deprecated twin filed under an active ID is dropped', () => {
    expect(softwareOf('S0017').map((s) => s.name)).toEqual(['BISCUIT']);
    expect(softwareOf('S0605').map((s) => s.name)).toEqual(['EKANS']);
    for (const list of [data.techniques, data.software, data.campaigns, data.tactics, data.groups]) {
      expect(new Set(list.map((e) => e.id)).size).toBe(list.length);
    }
  });

  it('keeps deprecated objects that have no active twin, flagged', () => {
    expect(technique('T1999').deprecated).toBe(true);
  });

  it('gives groups their name among their aliases', () => {
    expect(groupOf('G0007').aliases).toEqual(['APT28', 'Fancy Bear', 'Sednit']);
    expect(build([bundle20([group('G1', 'Solo', [])]), 'x.json', 'enterprise-attack']).groups[0]!.aliases).toEqual(['Solo']);
  });
});
