// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readStixBundle } from '../../../data/readers/read-stix-bundle';
import { SourceError } from '../../../data/source-error';
import {
  ENTERPRISE_FILE,
  ICS_FILE,
  bundle20,
  bundle21,
  deprecated,
  enterpriseBundle,
  group,
  icsBundle,
  ids,
  malware,
  rel,
  revoked,
  sdo,
  technique,
  tool,
} from '../../fixtures/data/stix';

const read = (json: unknown, file = ENTERPRISE_FILE, domain = 'enterprise-attack') => readStixBundle(json, file, domain);
const byAttackId = (b: ReturnType<typeof read>, id: string) => b.objects.filter((o) => o.attackId === id);

describe('readStixBundle', () => {
  it('reads a STIX 2.0 bundle (spec_version on the bundle)', () => {
    const b = read(enterpriseBundle());
    expect(b.specVersion).toBe('2.0');
    expect(b.file).toBe(ENTERPRISE_FILE);
    expect(byAttackId(b, 'T1059.001')[0]).toMatchObject({ type: 'attack-pattern', name: 'PowerShell', domains: ['enterprise-attack'] });
  });

  it('reads a STIX 2.1 bundle (spec_version on each object) with x_mitre_domains', () => {
    const b = read(icsBundle(), ICS_FILE, 'ics-attack');
    expect(b.specVersion).toBe('2.1');
    expect(byAttackId(b, 'T0817')[0]).toMatchObject({ type: 'attack-pattern', domains: ['ics-attack'], phases: [{ chain: 'mitre-ics-attack', phase: 'initial-access' }] });
    expect(byAttackId(b, 'TA0108')[0]).toMatchObject({ type: 'x-mitre-tactic', shortname: 'initial-access' });
  });

  it('takes the domain from x_mitre_domains, else from the file it was read from', () => {
    const b = read(bundle20([technique('T1', 'A', []), technique('T2', 'B', [], { x_mitre_domains: ['mobile-attack', 'enterprise-attack'] })]), 'x.json', 'ics-attack');
    expect(byAttackId(b, 'T1')[0]!.domains).toEqual(['ics-attack']);
    expect(byAttackId(b, 'T2')[0]!.domains).toEqual(['mobile-attack', 'enterprise-attack']);
  });

  it('reads intrusion-set `aliases` and software `x_mitre_aliases`', () => {
    const b = read(
      bundle20([
        group('G0007', 'APT28', ['Fancy Bear', '  Sednit ', '']),
        malware('S0013', 'PlugX', ['Korplug'], { aliases: ['not read for software'] }),
        tool('S0002', 'Mimikatz', ['mimikatz.exe']),
      ]),
    );
    expect(byAttackId(b, 'G0007')[0]!.aliases).toEqual(['APT28', 'Fancy Bear', 'Sednit']);
    expect(byAttackId(b, 'S0013')[0]!.aliases).toEqual(['PlugX', 'Korplug']);
    expect(byAttackId(b, 'S0002')[0]).toMatchObject({ type: 'tool', aliases: ['Mimikatz', 'mimikatz.exe'] });
  });

  it('reads kill chain phases, platforms, the ATT&CK URL and campaign dates', () => {
    const b = read(enterpriseBundle());
    const t = byAttackId(b, 'T1566')[0]!;
    expect(t.phases).toEqual([{ chain: 'mitre-attack', phase: 'initial-access' }]);
    expect(t.platforms).toEqual(['Windows']);
    expect(t.url).toBe('https://attack.mitre.org/techniques/T1566');
    expect(byAttackId(b, 'C0001')[0]).toMatchObject({ type: 'campaign', firstSeen: '2020-01-15T05:00:00.000Z' });
  });

  it('flags deprecated and revoked objects but keeps them', () => {
    const b = read(enterpriseBundle());
    expect(byAttackId(b, 'T1999')[0]).toMatchObject({ deprecated: true, revoked: false });
    expect(byAttackId(b, 'T1086')[0]).toMatchObject({ type: 'attack-pattern', revoked: true });
    expect(byAttackId(b, 'G0058')[0]).toMatchObject({ type: 'intrusion-set', revoked: true });
  });

  it('ignores the types it does not read (course-of-action sharing T1086, identity, marking)', () => {
    const b = read(enterpriseBundle());
    expect(byAttackId(b, 'T1086').map((o) => o.name)).toEqual(['PowerShell']);
    expect(new Set(b.objects.map((o) => o.type))).toEqual(new Set(['x-mitre-tactic', 'attack-pattern', 'intrusion-set', 'malware', 'tool', 'campaign']));
  });

  it('keeps uses / attributed-to / revoked-by / subtechnique-of relationships, not revoked or deprecated ones', () => {
    const b = read(
      bundle20([
        rel('uses', ids.G('G1'), ids.T('T1')),
        rel('attributed-to', ids.C('C1'), ids.G('G1')),
        rel('revoked-by', ids.T('T2'), ids.T('T1')),
        rel('subtechnique-of', ids.T('T1.001'), ids.T('T1')),
        rel('mitigates', 'course-of-action--x', ids.T('T1')),
        rel('detects', 'x-mitre-data-component--x', ids.T('T1')),
        rel('uses', ids.G('G1'), ids.T('T3'), revoked),
        rel('uses', ids.G('G1'), ids.T('T4'), deprecated),
      ]),
    );
    expect(b.objects).toEqual([]);
    expect(b.relationships).toEqual([
      { type: 'uses', source: ids.G('G1'), target: ids.T('T1') },
      { type: 'attributed-to', source: ids.C('C1'), target: ids.G('G1') },
      { type: 'revoked-by', source: ids.T('T2'), target: ids.T('T1') },
      { type: 'subtechnique-of', source: ids.T('T1.001'), target: ids.T('T1') },
    ]);
  });

  it('accepts the ATT&CK ID from mitre-mobile-attack / mitre-ics-attack references', () => {
    const o = sdo('malware', 'S0605', 'EKANS');
    (o.external_references as { source_name: string }[])[0]!.source_name = 'mitre-ics-attack';
    expect(byAttackId(read(bundle21([o])), 'S0605')).toHaveLength(1);
  });

  it('fails with a SourceError naming the file when spec_version is nowhere', () => {
    const b = { type: 'bundle', id: 'bundle--x', objects: [group('G1', 'X', [])] };
    expect(() => read(b)).toThrow(SourceError);
    expect(() => read(b)).toThrow(/attack\/enterprise-attack\.json.*spec_version/);
  });
});
