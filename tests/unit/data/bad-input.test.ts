// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEtdaCards } from '../../../data/readers/read-etda-cards';
import { readMispActors, readMispProducers } from '../../../data/readers/read-misp-galaxy';
import { readStixBundle } from '../../../data/readers/read-stix-bundle';
import { readSourceJson } from '../../../data/source-dir';
import { SourceError } from '../../../data/source-error';
import { ETDA_FILE, MISP_FILE, PRODUCER_FILE, card, cluster, etdaExport, galaxy } from '../../fixtures/data/cards';
import { ENTERPRISE_FILE, bundle20, enterpriseBundle, group, sdo } from '../../fixtures/data/stix';

/** Runs `fn`, expecting a SourceError; returns it. */
function sourceError(fn: () => unknown): SourceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected a SourceError, nothing was thrown');
}

describe('readSourceJson', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ti-bad-json-'));
    const whole = JSON.stringify(enterpriseBundle());
    await writeFile(path.join(dir, 'half.json'), whole.slice(0, Math.floor(whole.length / 2)));
    await writeFile(path.join(dir, 'good.json'), whole);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads and parses a file', async () => {
    expect(await readSourceJson(dir, 'good.json')).toEqual(enterpriseBundle());
  });

  it('names a missing file, where it looked and what to do', async () => {
    const error = await readSourceJson(dir, 'attack/enterprise-attack.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).file).toBe('attack/enterprise-attack.json');
    expect((error as Error).message).toMatch(/^attack\/enterprise-attack\.json: missing in .*TI_SOURCES_DIR/);
  });

  it('names a truncated file (a fixture cut in half)', async () => {
    const error = await readSourceJson(dir, 'half.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/^half\.json: is not valid JSON \(truncated or corrupted\?\)/);
  });
});

describe('readStixBundle on bad input', () => {
  it('rejects what is not a bundle', () => {
    expect(sourceError(() => readStixBundle({ type: 'x-mitre-collection', objects: [] }, ENTERPRISE_FILE, 'enterprise-attack')).message).toBe(
      'attack/enterprise-attack.json: expected a STIX bundle, found type "x-mitre-collection"',
    );
    expect(sourceError(() => readStixBundle([1, 2], ENTERPRISE_FILE, 'enterprise-attack')).message).toMatch(/^attack\/enterprise-attack\.json: expected the bundle to be an object/);
  });

  it('rejects a bundle without objects', () => {
    expect(sourceError(() => readStixBundle(bundle20([]), ENTERPRISE_FILE, 'enterprise-attack')).message).toMatch(/^attack\/enterprise-attack\.json: .*no objects/);
    expect(sourceError(() => readStixBundle({ type: 'bundle', spec_version: '2.0' }, ENTERPRISE_FILE, 'x')).message).toMatch(/bundle\.objects/);
  });

  it('names the file and the object without a name', () => {
    const nameless = { ...group('G0001', 'Axiom', []), name: undefined };
    const e = sourceError(() => readStixBundle(bundle20([nameless]), ENTERPRISE_FILE, 'enterprise-attack'));
    expect(e.message).toBe('attack/enterprise-attack.json (intrusion-set--g0001): object without a name');
    expect(e.objectRef).toBe('intrusion-set--g0001');
  });

  it('names the file and the object without an ATT&CK ID', () => {
    const noId = { ...sdo('attack-pattern', 'T1566', 'Phishing'), external_references: [{ source_name: 'capec', external_id: 'CAPEC-98' }] };
    expect(sourceError(() => readStixBundle(bundle20([noId]), ENTERPRISE_FILE, 'enterprise-attack')).message).toBe(
      'attack/enterprise-attack.json (attack-pattern--t1566): "Phishing" has no ATT&CK ID (mitre-attack external reference)',
    );
  });

  it('names an object without type or id by its position', () => {
    expect(sourceError(() => readStixBundle(bundle20([group('G1', 'A', []), { name: 'x' }]), ENTERPRISE_FILE, 'x')).message).toBe(
      'attack/enterprise-attack.json (object #1): object without type or id',
    );
  });

  it('names a relationship without its refs', () => {
    const r = { type: 'relationship', id: 'relationship--broken', relationship_type: 'uses', source_ref: 'intrusion-set--g1' };
    expect(sourceError(() => readStixBundle(bundle20([r]), ENTERPRISE_FILE, 'x')).message).toMatch(/\(relationship--broken\): relationship without source_ref\/target_ref/);
  });
});

describe('ETDA and MISP readers on bad input', () => {
  it('names the ETDA card without names', () => {
    expect(sourceError(() => readEtdaCards(etdaExport([card([['Fine', 'V']]), { ...card([['X', 'V']], { actor: 'Nameless Kitten' }), names: [] }]), ETDA_FILE)).message).toBe(
      'etda/threat-group-cards.json (card "Nameless Kitten"): card without names',
    );
    expect(sourceError(() => readEtdaCards(etdaExport([{ ...card([['X', 'V']], { actor: 'No Key' }), names: undefined }]), ETDA_FILE)).message).toMatch(/\(card "No Key"\): card without names/);
  });

  it('names an ETDA card without actor or uuid', () => {
    expect(sourceError(() => readEtdaCards(etdaExport([{ ...card([['X', 'V']]), actor: undefined }]), ETDA_FILE)).message).toBe(
      'etda/threat-group-cards.json (card #0): card without an actor name',
    );
    expect(sourceError(() => readEtdaCards(etdaExport([{ ...card([['Y', 'V']]), uuid: '' }]), ETDA_FILE)).message).toMatch(/\(card "Y"\): card without a uuid/);
  });

  it('rejects an ETDA export without cards', () => {
    expect(sourceError(() => readEtdaCards({ values: [] }, ETDA_FILE)).message).toMatch(/^etda\/threat-group-cards\.json: no cards/);
    expect(sourceError(() => readEtdaCards({ cards: [] }, ETDA_FILE)).message).toMatch(/^etda\/threat-group-cards\.json: expected values to be an array/);
  });

  it('names the MISP cluster without a value by its position', () => {
    expect(sourceError(() => readMispActors(galaxy([cluster('Fine'), { ...cluster('x'), value: undefined }]), MISP_FILE)).message).toBe(
      'misp/threat-actor.json (value #1): cluster without a value',
    );
    expect(sourceError(() => readMispActors(galaxy([{ ...cluster('x'), value: '  ' }]), MISP_FILE)).message).toMatch(/cluster without a value/);
  });

  it('names the MISP cluster without a uuid, or with a meta that is no object', () => {
    expect(sourceError(() => readMispActors(galaxy([{ ...cluster('Uuidless'), uuid: undefined }]), MISP_FILE)).message).toBe(
      'misp/threat-actor.json (cluster "Uuidless"): cluster without a uuid',
    );
    expect(sourceError(() => readMispActors(galaxy([cluster('Bad Meta', 'oops' as never)]), MISP_FILE)).message).toMatch(/meta of cluster "Bad Meta"/);
  });

  it('rejects a MISP galaxy without clusters, or what is no galaxy', () => {
    expect(sourceError(() => readMispActors(galaxy([]), MISP_FILE)).message).toMatch(/^misp\/threat-actor\.json: no clusters/);
    expect(sourceError(() => readMispProducers('nope', PRODUCER_FILE)).message).toMatch(/^misp\/producer\.json: expected the galaxy cluster to be an object/);
  });
});
