// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emitMatcherTable } from '../../../data/emit/matcher-table';
import { NameFlag, type MatcherTable } from '../../../utils/matcher/table';
import { actor, campaign, compiledIndex, group, software, tactic, technique } from '../../fixtures/data/entities';

const ordinary = new Set(['axiom', 'evil', 'corp', 'at', 'bear']);

const index = compiledIndex({
  actors: [
    group('G0001', 'Axiom', ['Group 72', 'G0001', 'Twin Name']),
    group('G0007', 'APT28', ['Fancy Bear', 'APT 28', 'Sofacy', 'Twin Name']),
    actor('etda-11111111', 'Lonely Panda', ['Sofacy', 'APT28 Junior', 'X', '2008', 'Twin Name']),
    actor('misp-22222222', 'Fancy Bear', ['FANCY BEAR'], { sources: ['misp-threat-actor'] }),
    group('G0044', 'Winnti Group', ['Winnti']),
  ],
  software: [
    software('S0017', 'EKANS', [], { deprecated: true }),
    software('S0605', 'EKANS', ['SNAKEHOSE']),
    software('S0141', 'Winnti', ['Winnti for Windows']),
    software('S0110', 'at', [], { type: 'tool' }),
    software('S0999', 'Old Only', [], { deprecated: true }),
  ],
  campaigns: [campaign('C0001', 'Operation Fixture', ['C0001'])],
  techniques: [technique('T1059.001', 'PowerShell'), technique('T1566', 'Phishing')],
  tactics: [tactic('TA0001', 'Initial Access')],
  redirects: [
    { from: 'T1086', to: 'T1059.001', kind: 'technique', reason: 'revoked', name: 'PowerShell' },
    { from: 'G0058', to: 'G0059', kind: 'actor', reason: 'revoked', name: 'Charming Kitten' },
    { from: 'S0209', to: 'S0012', kind: 'software', reason: 'revoked', name: 'Darkmoon' },
  ],
});
const table = emitMatcherTable(index, ordinary);

function entry(t: MatcherTable, surface: string) {
  const e = t.names.find(([s]) => s === surface);
  if (!e) throw new Error(`no name "${surface}" in the table`);
  return { flags: e[1], refs: e[2].map((i) => t.entities[i]!) };
}

describe('emitMatcherTable', () => {
  it('lists every entity once with its kind code', () => {
    expect(new Set(table.entities).size).toBe(table.entities.length);
    expect(table.entityKinds).toHaveLength(table.entities.length);
    expect(table.entityKinds[table.entities.indexOf('G0001')]).toBe('a');
    expect(table.entityKinds[table.entities.indexOf('S0605')]).toBe('s');
    expect(table.entityKinds[table.entities.indexOf('C0001')]).toBe('c');
    expect(table.version).toBe(1);
  });

  it('flags ordinary names Common, primary names Primary, lower-case sources LowerCaseSource', () => {
    expect(entry(table, 'Axiom').flags).toBe(NameFlag.Common | NameFlag.Primary);
    expect(entry(table, 'Group 72').flags).toBe(0);
    expect(entry(table, 'at').flags).toBe(NameFlag.Common | NameFlag.LowerCaseSource | NameFlag.Primary);
    expect(entry(table, 'SNAKEHOSE').flags & NameFlag.Primary).toBe(0);
  });

  it('ranks ATT&CK-backed entities first, then the entity whose primary name it is', () => {
    expect(entry(table, 'Sofacy').refs).toEqual(['G0007', 'etda-11111111']);
    expect(entry(table, 'Fancy Bear').refs).toEqual(['G0007', 'misp-22222222']);
    expect(entry(table, 'Winnti').refs).toEqual(['S0141', 'G0044']);
    expect(entry(table, 'Twin Name').refs).toEqual(['G0001', 'G0007', 'etda-11111111']);
  });

  it('gives every surface of one normalised key the same ranking', () => {
    expect(entry(table, 'APT 28').refs).toEqual(entry(table, 'APT28').refs);
    expect(entry(table, 'FANCY BEAR').refs).toEqual(entry(table, 'Fancy Bear').refs);
    expect(entry(table, 'APT 28').refs[0]).toBe('G0007');
  });

  it('drops deprecated twins, but keeps a deprecated entity that has none', () => {
    expect(entry(table, 'EKANS').refs).toEqual(['S0605']);
    expect(entry(table, 'Old Only').refs).toEqual(['S0999']);
  });

  it('leaves out ATT&CK IDs, one-letter names and names without letters', () => {
    const surfaces = table.names.map(([s]) => s);
    for (const s of ['G0001', 'C0001', 'X', '2008']) expect(surfaces).not.toContain(s);
  });

  it('lists the annotatable IDs per kind, revoked IDs included', () => {
    expect(table.ids.technique).toEqual(['T1059.001', 'T1086', 'T1566']);
    expect(table.ids.group).toEqual(['G0001', 'G0007', 'G0044', 'G0058']);
    expect(table.ids.software).toEqual(['S0017', 'S0110', 'S0141', 'S0209', 'S0605', 'S0999']);
    expect(table.ids.campaign).toEqual(['C0001']);
    expect(table.ids.tactic).toEqual(['TA0001']);
  });

  it('is sorted and deterministic', () => {
    expect(emitMatcherTable(index, ordinary)).toEqual(table);
    const keys = table.names.map(([s]) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
    expect(keys).toEqual([...keys].sort());
  });
});
