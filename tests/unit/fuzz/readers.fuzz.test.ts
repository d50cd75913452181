// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileIndex, type SourceDocuments } from '../../../data/compile-index';
import { readEtdaCards } from '../../../data/readers/read-etda-cards';
import { readMispActors, readMispProducers } from '../../../data/readers/read-misp-galaxy';
import { readStixBundle } from '../../../data/readers/read-stix-bundle';
import { readSourceJson } from '../../../data/source-dir';
import { SourceError } from '../../../data/source-error';
import { ETDA_FILE, MICROSOFT_FILE, MISP_FILE, PRODUCER_FILE, producerGalaxy } from '../../fixtures/data/cards';
import { etdaFixture, mispFixture, sourceDocuments } from '../../fixtures/data/source-tree';
import { ENTERPRISE_FILE, ICS_FILE, MOBILE_FILE, enterpriseBundle, icsBundle, mobileBundle } from '../../fixtures/data/stix';

/**
 * Fuzzes the data compiler with broken source records: the small valid fixtures of
 * tests/fixtures/data, with random fields deleted, nulled, given the wrong type, a huge or
 * strange string, truncated, or swapped with another value of the file. Every reader (and
 * compileIndex over the whole set) must either succeed or throw a SourceError naming the
 * file: never a TypeError or any other crash.
 */

/** Runs per reader (six of them), and for compileIndex. */
const READER_RUNS = Number(process.env.FUZZ_READER_RUNS ?? 1000);
const COMPILE_RUNS = Number(process.env.FUZZ_COMPILE_RUNS ?? 1500);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const HUGE = 'APT28 '.repeat(20_000); // 120,000 characters, shared between runs

/** Every path to a value inside `value` (the root is []). */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function getAt(root: Json, path: Path): Json {
  return path.reduce<Json>((v, key) => (v as Record<string | number, Json>)[key]!, root);
}

type Mutation =
  | { kind: 'delete' | 'null' | 'truncate' | 'emptyContainer' | 'swap'; at: number; other: number; n: number }
  | { kind: 'replace'; at: number; value: Json }
  /** Adds a field to an object: one of the file's own field names (where it was absent) or an awkward one. */
  | { kind: 'addField'; at: number; key: number; value: Json };

/** Field names that are awkward for code reading untrusted objects (JSON.parse makes them own properties). */
const awkwardKeys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'length', 'then'];

function keysOf(value: Json, out = new Set<string>(awkwardKeys)): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) keysOf(v, out.add(k));
  return [...out];
}

const strangeString = fc.oneof(
  fc.constant(''),
  fc.constant('   '),
  fc.constant(HUGE),
  fc.constant('\u0000\ud800\udfff\ufeff\u202e'),
  fc.constant('__proto__'),
  fc.constant('constructor'),
  fc.constant('toString'),
  fc.constant('javascript:alert(1)'),
  fc.constant('https://attack.mitre.org/groups/G0007/'),
  fc.constant('attack-pattern--t1059.001'),
  fc.constant('intrusion-set--g0007'),
  fc.constant('mitre-attack'),
  fc.constant('revoked-by'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  strangeString,
  fc.constantFrom<Json>(0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER, true, false, null, [], {}, [null], [[]], [{}], { length: 1 }, ['x', 1, null], { type: 'bundle' }),
  fc.integer(),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'null' as const, 'truncate' as const, 'emptyContainer' as const, 'swap' as const), at: fc.nat(), other: fc.nat(), n: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: wrongValue }),
  fc.record({ kind: fc.constant('addField' as const), at: fc.nat(), key: fc.nat(), value: wrongValue }),
);

/** Applies one mutation to `root` (mutated in place; a new root is returned when the root itself changes). */
function mutate(root: Json, m: Mutation): Json {
  const paths = pathsOf(root);
  if (m.kind === 'addField') {
    const objects = paths.filter((p) => {
      const v = getAt(root, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    if (objects.length === 0) return root;
    const target = getAt(root, objects[m.at % objects.length]!) as Record<string, Json>;
    const keys = keysOf(root);
    // defineProperty, as JSON.parse does: `__proto__` becomes an own field, not the prototype.
    Object.defineProperty(target, keys[m.key % keys.length]!, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
    return root;
  }
  const path = paths[m.at % paths.length]!;
  const current = getAt(root, path);
  let next: Json | undefined;
  switch (m.kind) {
    case 'delete':
      next = undefined;
      break;
    case 'null':
      next = null;
      break;
    case 'replace':
      next = structuredClone(m.value); // constants are shared between runs: never insert them themselves
      break;
    case 'swap':
      next = structuredClone(getAt(root, paths[m.other % paths.length]!));
      break;
    case 'emptyContainer':
      next = Array.isArray(current) ? [] : current && typeof current === 'object' ? {} : current;
      break;
    case 'truncate':
      if (typeof current === 'string') next = current.slice(0, m.n);
      else if (Array.isArray(current)) next = current.slice(0, m.n);
      else if (current && typeof current === 'object') next = Object.fromEntries(Object.entries(current).slice(0, m.n));
      else next = current;
      break;
  }
  if (path.length === 0) return next === undefined ? null : next;
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const key = path[path.length - 1]!;
  if (next !== undefined) (parent as Record<string | number, Json>)[key] = next;
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
  return root;
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

function applyAll(source: Json, list: readonly Mutation[]): Json {
  let doc = structuredClone(source);
  for (const m of list) doc = mutate(doc, m);
  return doc;
}

/** Runs `read`; passes when it returns or throws a SourceError that names one of `files`. */
function expectSucceedsOrNamesFile(read: () => unknown, files: readonly string[]): 'ok' | 'source-error' {
  try {
    read();
    return 'ok';
  } catch (error) {
    if (!(error instanceof SourceError)) {
      throw new Error(`expected a SourceError, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
    }
    expect(files).toContain(error.file);
    expect(error.message.startsWith(`${error.file}`)).toBe(true);
    return 'source-error';
  }
}

function report(name: string, numRuns: number, outcomes: Record<string, number>): void {
  console.info(`[fuzz] ${name}: numRuns=${numRuns}, ${outcomes.ok ?? 0} read fine, ${outcomes['source-error'] ?? 0} SourceErrors naming the file`);
}

describe('data readers on mutated source records', () => {
  const readers: [name: string, file: string, source: () => Json, read: (json: unknown) => unknown][] = [
    ['readStixBundle (enterprise, STIX 2.0)', ENTERPRISE_FILE, () => enterpriseBundle() as Json, (j) => readStixBundle(j, ENTERPRISE_FILE, 'enterprise-attack')],
    ['readStixBundle (mobile)', MOBILE_FILE, () => mobileBundle() as Json, (j) => readStixBundle(j, MOBILE_FILE, 'mobile-attack')],
    ['readStixBundle (ICS, STIX 2.1)', ICS_FILE, () => icsBundle() as Json, (j) => readStixBundle(j, ICS_FILE, 'ics-attack')],
    ['readEtdaCards', ETDA_FILE, () => etdaFixture() as Json, (j) => readEtdaCards(j, ETDA_FILE)],
    ['readMispActors', MISP_FILE, () => mispFixture() as Json, (j) => readMispActors(j, MISP_FILE, readMispProducers(producerGalaxy(), PRODUCER_FILE))],
    ['readMispProducers', PRODUCER_FILE, () => producerGalaxy() as Json, (j) => readMispProducers(j, PRODUCER_FILE)],
  ];
  test.each(readers)('%s: succeeds or throws a SourceError naming the file', (name, file, source, read) => {
    const valid = source();
    expect(expectSucceedsOrNamesFile(() => read(valid), [file])).toBe('ok');
    const outcomes: Record<string, number> = {};
    const numRuns = READER_RUNS;
    fc.assert(
      fc.property(mutations, (list) => {
        const outcome = expectSucceedsOrNamesFile(() => read(applyAll(valid, list)), [file]);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }),
      { numRuns },
    );
    report(name, numRuns, outcomes);
    expect(outcomes['source-error']).toBeGreaterThan(0);
  });
});

describe('compileIndex on a source set with one mutated file', () => {
  test('succeeds or throws a SourceError naming a file', () => {
    const valid = sourceDocuments();
    const files = [ENTERPRISE_FILE, MOBILE_FILE, ICS_FILE, ETDA_FILE, MISP_FILE, PRODUCER_FILE, MICROSOFT_FILE];
    expect(expectSucceedsOrNamesFile(() => compileIndex(valid), files)).toBe('ok');
    const slots = ['attack:0', 'attack:1', 'attack:2', 'etda', 'mispThreatActor', 'mispProducer', 'mispMicrosoft'] as const;
    const outcomes: Record<string, number> = {};
    fc.assert(
      fc.property(fc.constantFrom(...slots), mutations, (slot, list) => {
        const docs: SourceDocuments = { ...valid, attack: [...valid.attack] };
        if (slot.startsWith('attack:')) {
          const i = Number(slot.slice(7));
          docs.attack[i] = { ...valid.attack[i]!, json: applyAll(valid.attack[i]!.json as Json, list) };
        } else {
          const key = slot as Exclude<(typeof slots)[number], `attack:${string}`>;
          docs[key] = { ...valid[key], json: applyAll(valid[key].json as Json, list) };
        }
        const outcome = expectSucceedsOrNamesFile(() => compileIndex(docs), files);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }),
      { numRuns: COMPILE_RUNS },
    );
    report('compileIndex', COMPILE_RUNS, outcomes);
  });
});

describe('source files cut short or corrupted on disk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ti-fuzz-sources-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const FILE_RUNS = Math.max(50, Math.round(READER_RUNS / 5));

  test('readSourceJson and the reader: the data or a SourceError naming the file', async () => {
    const sources: [file: string, text: string, read: (json: unknown) => unknown][] = [
      [ENTERPRISE_FILE, JSON.stringify(enterpriseBundle(), null, 1), (j) => readStixBundle(j, ENTERPRISE_FILE, 'enterprise-attack')],
      [ETDA_FILE, JSON.stringify(etdaFixture(), null, 1), (j) => readEtdaCards(j, ETDA_FILE)],
      [MISP_FILE, JSON.stringify(mispFixture(), null, 1), (j) => readMispActors(j, MISP_FILE)],
    ];
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: sources.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.oneof(fc.constant(''), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('\u0000', '\ufeff', '}', ']', '"', ',', '\\')),
        async (which, cut, tail) => {
          const [file, text, read] = sources[which]!;
          const name = `cut-${which}.json`;
          await writeFile(path.join(dir, name), text.slice(0, Math.floor(text.length * cut)) + tail);
          let json: unknown;
          try {
            json = await readSourceJson(dir, name);
          } catch (error) {
            expect(error).toBeInstanceOf(SourceError);
            expect((error as SourceError).file).toBe(name);
            outcomes['bad JSON'] = (outcomes['bad JSON'] ?? 0) + 1;
            return;
          }
          const outcome = expectSucceedsOrNamesFile(() => read(json), [file]);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        },
      ),
      { numRuns: FILE_RUNS },
    );
    console.info(`[fuzz] truncated files: numRuns=${FILE_RUNS}, ${JSON.stringify(outcomes)}`);
  });
});

describe('crashes the fuzzer found', () => {
  // readStixBundle called `source_name?.toString()` on whatever the JSON held: a TypeError for
  // an object with its own non-function "toString" field, or an array holding one.
  test.each([JSON.parse('{"toString": 0}'), [JSON.parse('{"toString": 0}')], ['mitre-attack']])(
    'readStixBundle: a mitre reference whose source_name is %j',
    (sourceName) => {
      const bundle = enterpriseBundle() as { objects: { external_references?: { source_name: unknown }[] }[] };
      bundle.objects.find((o) => o.external_references)!.external_references![0]!.source_name = sourceName;
      expect(expectSucceedsOrNamesFile(() => readStixBundle(bundle, ENTERPRISE_FILE, 'enterprise-attack'), [ENTERPRISE_FILE])).toBe('source-error');
    },
  );
});
