// @vitest-environment node
/**
 * The compiler against the real datasets (shared/data), read through TI_SOURCES_DIR. CI sets
 * it; locally: TI_SOURCES_DIR=../shared/data npx vitest run tests/unit/data
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileIndex, type SourceDocuments } from '../../../data/compile-index';
import { emitDetails } from '../../../data/emit/details';
import { emitMatcherTable } from '../../../data/emit/matcher-table';
import { loadSourceDocuments } from '../../../data/load-sources';
import type { CompiledIndex, Entity } from '../../../data/schema';
import { resolveSourcesDir } from '../../../data/source-dir';
import { loadOrdinaryWords } from '../../../data/words/ordinary-words';
import type { MatcherTable } from '../../../utils/matcher/table';

const SOURCES = process.env.TI_SOURCES_DIR;
if (!SOURCES) console.warn('tests/unit/data/real-sources.test.ts skipped: set TI_SOURCES_DIR to a folder laid out like shared/data (CI does).');

const AXIOM_TECHNIQUES = [
  'T1005', 'T1560', 'T1001.002', 'T1003', 'T1078', 'T1553', 'T1203', 'T1189',
  'T1190', 'T1566', 'T1021.001', 'T1563.002', 'T1546.008', 'T1583.002', 'T1583.003', 'T1584.005',
];

/** The matcher's name normalisation: lower case, letters and digits only. */
const normalise = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** ATT&CK IDs of the raw objects of one STIX type, across the ATT&CK bundles. */
function rawAttackIds(docs: SourceDocuments, type: string): Set<string> {
  const out = new Set<string>();
  for (const doc of docs.attack) {
    for (const o of (doc.json as { objects: { type: string; external_references?: { source_name?: string; external_id?: string }[] }[] }).objects) {
      if (o.type !== type) continue;
      const ref = o.external_references?.find((r) => r.source_name?.startsWith('mitre') && r.external_id);
      if (ref?.external_id) out.add(ref.external_id);
    }
  }
  return out;
}

describe.skipIf(!SOURCES)(`the index compiled from the real sources (TI_SOURCES_DIR=${SOURCES ?? 'unset: skipped'})`, () => {
  let docs: SourceDocuments;
  let index: CompiledIndex;
  let table: MatcherTable;
  const actor = (attackId: string) => index.actors.find((a) => a.attackId === attackId)!;
  const allEntities = (): Entity[] => [...index.actors, ...index.techniques, ...index.tactics, ...index.software, ...index.campaigns];

  beforeAll(async () => {
    docs = await loadSourceDocuments(resolveSourcesDir());
    index = compileIndex(docs);
    table = emitMatcherTable(index, loadOrdinaryWords());
  });

  describe('G0001 Axiom', () => {
    it('has the alias "Group 72" given by Talos, and China as its country', () => {
      const a = actor('G0001');
      expect(a.name).toBe('Axiom');
      expect(a.aliasInfo.find((x) => x.name === 'Group 72')?.givers).toContain('Talos');
      expect(a.country).toContain('China');
    });

    it('has exactly its 16 ATT&CK techniques', () => {
      const ids = actor('G0001').techniques.map((t) => t.id);
      expect(ids).toHaveLength(16);
      expect([...ids].sort()).toEqual([...AXIOM_TECHNIQUES].sort());
    });

    it('uses PlugX and Derusbi, linked to S0013 and S0021', () => {
      const tools = actor('G0001').tools;
      expect(tools).toContainEqual({ name: 'PlugX', softwareId: 'S0013' });
      expect(tools).toContainEqual({ name: 'Derusbi', softwareId: 'S0021' });
    });
  });

  it.each(['APT 28', 'APT28', 'Fancy Bear'])('"%s" resolves to G0007 first through the matcher table', (name) => {
    const entries = table.names.filter(([surface]) => normalise(surface) === normalise(name));
    expect(entries.length).toBeGreaterThan(0);
    for (const [surface, , refs] of entries) expect(table.entities[refs[0]!], surface).toBe('G0007');
  });

  describe('revoked techniques', () => {
    const redirect = (from: string) => index.redirects.find((r) => r.from === from);

    it('T1086 redirects to T1059.001', () => {
      expect(redirect('T1086')).toMatchObject({ to: 'T1059.001', kind: 'technique', name: 'PowerShell' });
    });

    it('T1073 redirects to its final target (two hops), an active technique', () => {
      const to = redirect('T1073')?.to;
      expect(to).toBe('T1574.001');
      expect(redirect(to!)).toBeUndefined();
      expect(index.techniques.find((t) => t.id === to)?.deprecated).toBeFalsy();
    });

    it('technique IDs resolve only to attack-patterns: T1086 (also a course-of-action) is only a redirect', () => {
      expect(rawAttackIds(docs, 'course-of-action')).toContain('T1086');
      expect(index.techniques.map((t) => t.id)).not.toContain('T1086');
      const patterns = rawAttackIds(docs, 'attack-pattern');
      for (const t of index.techniques) {
        expect(t.kind).toBe('technique');
        expect(patterns.has(t.id), t.id).toBe(true);
      }
      expect(index.techniques.some((t) => /Mitigation$/.test(t.name))).toBe(false);
    });
  });

  describe('actors never chain', () => {
    it('each actor holds at most one ATT&CK group, and each group is in one actor', () => {
      const groupIds = index.actors.flatMap((a) => (a.attackId ? [a.attackId] : []));
      expect(new Set(groupIds).size).toBe(groupIds.length);
      for (const a of index.actors) if (a.attackId) expect(a.id).toBe(a.attackId);
      const withAttackSource = index.actors.filter((a) => a.sources.includes('attack'));
      expect(withAttackSource.every((a) => a.attackId)).toBe(true);
    });

    it('no ETDA or MISP record is in two actors', () => {
      const seen = new Map<string, string>();
      for (const a of index.actors) {
        for (const r of a.records) {
          const key = `${r.source}:${r.id}`;
          expect(seen.get(key), `${key} in ${seen.get(key)} and ${a.id}`).toBeUndefined();
          seen.set(key, a.id);
        }
      }
    });
  });

  it('loses no record: every ETDA card and MISP cluster is in exactly one actor', () => {
    const count = (source: string) => index.actors.flatMap((a) => a.records).filter((r) => r.source === source).length;
    const values = (json: unknown) => (json as { values: unknown[] }).values.length;
    expect(count('etda')).toBe(values(docs.etda.json));
    expect(count('misp-threat-actor')).toBe(values(docs.mispThreatActor.json));
    expect(count('misp-microsoft')).toBe(values(docs.mispMicrosoft.json));
  });

  it('represents at least 170 active ATT&CK groups, 490 ETDA cards and 1000 MISP threat-actor clusters', () => {
    const records = index.actors.flatMap((a) => a.records);
    expect(index.actors.filter((a) => a.attackId && !a.deprecated).length).toBeGreaterThanOrEqual(170);
    expect(records.filter((r) => r.source === 'etda').length).toBeGreaterThanOrEqual(490);
    expect(records.filter((r) => r.source === 'misp-threat-actor').length).toBeGreaterThanOrEqual(1000);
  });

  it('every ID names one entity', () => {
    const ids = allEntities().map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('ships every details file under 4 MB', () => {
    const { files } = emitDetails(index);
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(Buffer.byteLength(f.contents), f.name).toBeLessThan(4 * 1024 * 1024);
  });

  it('exports schemaVersion, sources with license and attribution, and id/kind/name/aliases on every entity', () => {
    const exported = JSON.parse(JSON.stringify(index)) as CompiledIndex;
    expect(exported.schemaVersion).toBe(1);
    expect(exported.sources.map((s) => s.id)).toEqual(['attack', 'etda', 'misp-threat-actor', 'misp-microsoft']);
    for (const s of exported.sources) {
      expect(s.license.length, s.id).toBeGreaterThan(0);
      expect(s.attribution.length, s.id).toBeGreaterThan(0);
    }
    const kinds = { actors: 'actor', techniques: 'technique', tactics: 'tactic', software: 'software', campaigns: 'campaign' } as const;
    for (const [list, kind] of Object.entries(kinds) as [keyof typeof kinds, string][]) {
      expect(exported[list].length, list).toBeGreaterThan(0);
      for (const e of exported[list]) {
        expect(typeof e.id === 'string' && e.id.length > 0).toBe(true);
        expect(e.kind).toBe(kind);
        expect(typeof e.name === 'string' && e.name.length > 0, e.id).toBe(true);
        expect(Array.isArray(e.aliases), e.id).toBe(true);
      }
    }
    for (const a of exported.actors) expect(a.id).toMatch(/^(G\d{4}|etda-[0-9a-f]{8}|misp-[0-9a-f]{8})$/);
  });
});
