// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chunkBySize, emitDetails } from '../../../data/emit/details';
import { actor, campaign, compiledIndex, software, tactic, technique } from '../../fixtures/data/entities';

/** Entities of varied sizes (descriptions 0..~900 bytes, some non-ASCII). */
function makeIndex() {
  const text = (i: number) => 'Ω-description '.repeat((i * 37) % 64);
  return compiledIndex({
    actors: Array.from({ length: 120 }, (_, i) => actor(`etda-${String(i).padStart(8, '0')}`, `Actor ${i}`, [`Alias ${i}`], { description: [{ text: text(i) }] })),
    techniques: Array.from({ length: 80 }, (_, i) => technique(`T${1000 + i}`, `Technique ${i}`, { description: [{ text: text(i + 3) }] })),
    software: Array.from({ length: 40 }, (_, i) => software(`S${String(i).padStart(4, '0')}`, `Software ${i}`)),
    campaigns: [campaign('C0001', 'Operation Fixture')],
    tactics: [tactic('TA0001', 'Initial Access')],
    redirects: [{ from: 'T1086', to: 'T1059.001', kind: 'technique', reason: 'revoked', name: 'PowerShell' }],
  });
}

describe('emitDetails', () => {
  const index = makeIndex();
  const maxBytes = 4_000;
  const { manifest, files } = emitDetails(index, maxBytes);
  const dataFiles = files.filter((f) => f.name !== 'details/manifest.json');

  it('keeps every file under the limit', () => {
    for (const f of dataFiles) expect(Buffer.byteLength(f.contents), f.name).toBeLessThanOrEqual(maxBytes);
    expect(dataFiles.filter((f) => f.name.startsWith('details/actor-')).length).toBeGreaterThan(1);
  });

  it('ships every entity exactly once, in the file of its kind, in index order', () => {
    for (const [kind, list] of [
      ['actor', index.actors],
      ['technique', index.techniques],
      ['software', index.software],
      ['campaign', index.campaigns],
      ['tactic', index.tactics],
    ] as const) {
      const shipped = manifest.files[kind].flatMap((name) => JSON.parse(files.find((f) => f.name === name)!.contents) as { id: string; kind: string }[]);
      expect(shipped.map((e) => e.id)).toEqual(list.map((e) => e.id));
      expect(shipped.every((e) => e.kind === kind)).toBe(true);
    }
  });

  it('writes a manifest naming every file, with the schema version, sources and redirects', () => {
    const written = JSON.parse(files.find((f) => f.name === 'details/manifest.json')!.contents);
    expect(written).toEqual(manifest);
    expect(Object.values(manifest.files).flat().sort()).toEqual(dataFiles.map((f) => f.name).sort());
    expect(manifest.schemaVersion).toBe(1);
    expect(manifest.redirects).toEqual(index.redirects);
    expect(manifest.sources.map((s) => s.id)).toEqual(['attack', 'etda', 'misp-threat-actor', 'misp-microsoft']);
  });

  it('writes one (empty) file for a kind without entities', () => {
    const { manifest: m, files: f } = emitDetails(compiledIndex({}), maxBytes);
    expect(m.files.campaign).toEqual(['details/campaign-0.json']);
    expect(f.find((x) => x.name === 'details/campaign-0.json')!.contents).toBe('[]');
  });
});

describe('chunkBySize', () => {
  const items = Array.from({ length: 50 }, (_, i) => ({ id: i, pad: 'x'.repeat(i * 3) }));

  it('cuts into valid JSON arrays of whole items, each within the limit, losing none', () => {
    const chunks = chunkBySize(items, 300);
    for (const c of chunks) expect(Buffer.byteLength(c)).toBeLessThanOrEqual(300);
    expect(chunks.flatMap((c) => JSON.parse(c) as { id: number }[]).map((x) => x.id)).toEqual(items.map((x) => x.id));
  });

  it('puts an item larger than the limit alone in its own chunk', () => {
    const chunks = chunkBySize([{ a: 1 }, { big: 'y'.repeat(500) }, { b: 2 }], 100);
    expect(chunks.map((c) => JSON.parse(c))).toEqual([[{ a: 1 }], [{ big: 'y'.repeat(500) }], [{ b: 2 }]]);
  });

  it('gives one empty array for no items, and one chunk when all fit', () => {
    expect(chunkBySize([], 100)).toEqual(['[]']);
    expect(chunkBySize([{ a: 1 }, { b: 2 }], 100)).toEqual(['[{"a":1},{"b":2}]']);
  });
});
