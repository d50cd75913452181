import { describe, expect, it } from 'vitest';
import {
  attackMajorVersion,
  buildNavigatorLayer,
  dominantDomain,
  layerFileName,
  type LayerLookups,
} from '../../../utils/export/navigator-layer';
import { validateLayer } from './navigator-layer-schema';

const techniques: Record<string, { domains: string[] }> = {
  T1566: { domains: ['enterprise-attack'] },
  'T1566.001': { domains: ['enterprise-attack'] },
  'T1059.001': { domains: ['enterprise-attack'] },
  T1078: { domains: ['enterprise-attack'] },
  T1660: { domains: ['mobile-attack'] },
  T0865: { domains: ['ics-attack'] },
};
const tactics: Record<string, { shortname: string; domain: string }> = {
  TA0001: { shortname: 'initial-access', domain: 'enterprise-attack' },
  TA0002: { shortname: 'execution', domain: 'enterprise-attack' },
  TA0003: { shortname: 'persistence', domain: 'enterprise-attack' },
  TA0027: { shortname: 'initial-access', domain: 'mobile-attack' },
  TA0108: { shortname: 'initial-access', domain: 'ics-attack' },
};
const lookups: LayerLookups = { technique: (id) => techniques[id], tactic: (id) => tactics[id] };

const source = {
  title: 'APT28 (G0007)',
  description: 'ATT&CK techniques used by APT28',
  attackVersion: '18.1',
  links: [{ label: 'ATT&CK G0007', url: 'https://attack.mitre.org/groups/G0007' }, { label: 'bad', url: 'javascript:alert(1)' }],
  techniques: [
    { id: 'T1566.001', tactics: ['TA0001'] },
    { id: 'T1059.001', tactics: ['TA0002'] },
    { id: 'T1078', tactics: ['TA0001', 'TA0003'] },
    { id: 'T1660', tactics: ['TA0027'] },
  ],
};

describe('the ATT&CK Navigator layer export', () => {
  const { layer, otherDomains } = buildNavigatorLayer(source, lookups);

  it('is a valid layer format 4.5 document', () => {
    expect(validateLayer(layer)).toEqual([]);
    expect(validateLayer(JSON.parse(JSON.stringify(layer)))).toEqual([]);
  });

  it('names the ATT&CK major version, Navigator 5.1.0 and layer 4.5', () => {
    expect(layer.versions).toEqual({ attack: '18', navigator: '5.1.0', layer: '4.5' });
    expect(attackMajorVersion('17')).toBe('17');
  });

  it('picks the domain most techniques belong to and leaves the others out', () => {
    expect(layer.domain).toBe('enterprise-attack');
    expect(otherDomains).toBe(1);
    expect(layer.techniques.map((t) => t.techniqueID)).not.toContain('T1660');
    const mobile = buildNavigatorLayer({ ...source, techniques: [{ id: 'T1660', tactics: ['TA0027'] }] }, lookups).layer;
    expect(mobile.domain).toBe('mobile-attack');
    expect(mobile.techniques).toEqual([expect.objectContaining({ techniqueID: 'T1660', tactic: 'initial-access' })]);
    expect(dominantDomain([], lookups)).toBe('enterprise-attack');
  });

  it('scores each technique under each of its tactics, by tactic shortname', () => {
    const t1078 = layer.techniques.filter((t) => t.techniqueID === 'T1078');
    expect(t1078.map((t) => t.tactic).sort()).toEqual(['initial-access', 'persistence']);
    expect(t1078[0]).toMatchObject({ score: 1, enabled: true, comment: 'Used by APT28 (G0007)', showSubtechniques: false });
    expect(t1078[0]?.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('expands the parents of used sub-techniques, unscored when the parent itself is not used', () => {
    const parent = layer.techniques.find((t) => t.techniqueID === 'T1566');
    expect(parent).toEqual({ techniqueID: 'T1566', tactic: 'initial-access', enabled: true, showSubtechniques: true });
    expect(layer.techniques.find((t) => t.techniqueID === 'T1566.001')).toMatchObject({ score: 1, tactic: 'initial-access' });
  });

  it('keeps only http(s) links, and has a gradient and a legend', () => {
    expect(layer.links).toEqual([{ label: 'ATT&CK G0007', url: 'https://attack.mitre.org/groups/G0007' }]);
    expect(layer.gradient.maxValue).toBeGreaterThan(layer.gradient.minValue);
    expect(layer.legendItems).toHaveLength(1);
  });

  it('makes a safe file name', () => {
    expect(layerFileName('APT28 (G0007)')).toBe('APT28_G0007-layer.json');
    expect(layerFileName('../../etc')).toBe('etc-layer.json');
    expect(layerFileName('')).toBe('techniques-layer.json');
  });
});

describe('the layer validator itself', () => {
  it('reports missing required fields and wrong types', () => {
    expect(validateLayer({})).toEqual(expect.arrayContaining(['layer.name: is required', 'layer.domain: is required']));
    expect(validateLayer({ name: 'x', domain: 'enterprise', versions: { layer: '4.4', navigator: '4.0' } })).toEqual(
      expect.arrayContaining([
        'layer.domain: must be one of enterprise-attack, mobile-attack, ics-attack',
        'layer.versions.layer: must be "4.5"',
        'layer.versions.navigator: must be at least 4.9.0',
      ]),
    );
    expect(validateLayer({ name: 'x', domain: 'ics-attack', techniques: [{ score: '1' }], gradient: { colors: ['#fff'], minValue: 1, maxValue: 0 } })).toEqual(
      expect.arrayContaining([
        'layer.techniques[0].techniqueID: is required',
        'layer.techniques[0].score: must be a number',
        'layer.gradient.colors: must be at least two strings',
        'layer.gradient.maxValue: must be greater than minValue',
      ]),
    );
  });
});
