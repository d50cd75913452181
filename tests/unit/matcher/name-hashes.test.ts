// @vitest-environment node
/**
 * The precomputed name hashes (`MatcherTable.nameHashes`, data/emit/matcher-hashes.ts): a
 * matcher built from them matches exactly like one that derives everything from the names,
 * and shipped data that does not fit the table or the runtime is never used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitNameHashes } from '../../../data/emit/matcher-hashes';
import { KeyHashTable, type PrefixSink } from '../../../utils/matcher/hash-set';
import { createMatcher, type Match, type TextMatcher } from '../../../utils/matcher/matcher';
import { isNeverAnnotated, NAME_HASHES_HEADER_BYTES } from '../../../utils/matcher/name-hashes';
import { NameIndex } from '../../../utils/matcher/name-index';
import { addNamePrefixes, nameKeyHash } from '../../../utils/matcher/name-keys';
import type { MatcherTable, NameEntry } from '../../../utils/matcher/table';
import { fixtureTable } from './fixtures';

const GENERATED_TABLE = fileURLToPath(new URL('../../../data/generated/matcher-table.json', import.meta.url));

function withHashes(table: MatcherTable): MatcherTable {
  return { ...table, nameHashes: emitNameHashes(table.names) };
}

function withoutHashes(table: MatcherTable): MatcherTable {
  const { nameHashes: _, ...rest } = table;
  return rest;
}

const describeMatches = (matches: Match[]) => matches.map((m) => [m.start, m.end, m.kind, m.ids, m.common]);

/** A sink that fails for anything `table` lacks. */
class Holds implements PrefixSink {
  missing: string[] = [];
  constructor(private readonly table: KeyHashTable) {}
  addFlags(h: number, flags: number): void {
    if ((this.table.flagsOf(h) & flags) !== flags) this.missing.push(`prefix ${h} flags ${flags}`);
  }
  addContinuation(h: number, code: number, nextCode: number): void {
    if (!this.table.mayContinue(h, code, nextCode)) this.missing.push(`continuation ${h} ${code} ${nextCode}`);
  }
}

/** Every prefix, continuation and full key of the names is in the shipped-built table. */
function expectAllPrefixesShipped(table: MatcherTable) {
  const index = new NameIndex(table);
  expect(index.usedShippedHashes).toBe(true);
  const holds = new Holds(index.hashes);
  for (const [surface, flags] of table.names) {
    if (isNeverAnnotated(flags)) continue;
    const h = addNamePrefixes(holds, surface);
    if (h !== undefined) expect(index.hashes.flagsOf(h) & 4, surface).toBe(4);
  }
  expect(holds.missing).toEqual([]);
}

/** Text made of the table's names (changed in case and spacing), ordinary words, IDs and separators. */
function textFrom(table: MatcherTable) {
  const surfaces = table.names.map(([s]) => s);
  const name = fc.tuple(fc.constantFrom(...surfaces), fc.integer({ min: 0, max: 7 })).map(([s, how]) => {
    switch (how) {
      case 0:
        return s.toUpperCase();
      case 1:
        return s.toLowerCase();
      case 2:
        return s.replace(/ /g, '');
      case 3:
        return s.replace(/ /g, '-');
      case 4:
        return s.replace(/([a-z])([A-Z])/g, '$1 $2');
      case 5:
        return s.split('').join('\u00ad');
      default:
        return s;
    }
  });
  const piece = fc.oneof(
    { weight: 4, arbitrary: name },
    { weight: 3, arbitrary: fc.constantFrom('the', 'group', 'Team', 'new', 'APT', 'T1566', 'T1566.001', 'TA0001', 'G0007', 'S0002', 'évité', 'Straße', '组织', '😀', 'x', 'İ') },
    { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '  ', '\u00a0', '-', '.', ',', '/', '@', '_', '[.]', '://', "'s ", '\n', '\u200b', '(', ')', '"', '', '.exe', '’') },
    { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
  );
  return fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
}

function expectSameMatches(a: TextMatcher, b: TextMatcher, texts: fc.Arbitrary<string>, numRuns: number) {
  fc.assert(
    fc.property(texts, (t) => {
      expect(describeMatches(a.findAll(t))).toEqual(describeMatches(b.findAll(t)));
    }),
    { numRuns },
  );
}

describe('precomputed name hashes, fixture table', () => {
  const shipped = withHashes(fixtureTable);

  it('are used, and hold every prefix and continuation of the names', () => {
    expectAllPrefixesShipped(shipped);
  });

  it('give the same matches as hashes derived from the names', () => {
    expect(new NameIndex(fixtureTable).usedShippedHashes).toBe(false);
    expectSameMatches(createMatcher(shipped), createMatcher(fixtureTable), textFrom(fixtureTable), 3000);
  });

  it('are deterministic', () => {
    expect(emitNameHashes(fixtureTable.names)).toEqual(shipped.nameHashes);
  });

  it('also decode through Uint8Array.fromBase64 where the browser has it', () => {
    const holder = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array };
    const had = Object.prototype.hasOwnProperty.call(holder, 'fromBase64');
    const previous = holder.fromBase64;
    holder.fromBase64 = (s) => new Uint8Array(Buffer.from(s, 'base64'));
    try {
      expectAllPrefixesShipped(shipped);
    } finally {
      if (had) holder.fromBase64 = previous;
      else delete holder.fromBase64;
    }
  });
});

describe('precomputed name hashes that do not fit are not used', () => {
  const shipped = withHashes(fixtureTable);
  const hashes = shipped.nameHashes!;
  const bytes = () => Buffer.from(hashes.data, 'base64');
  const reference = createMatcher(fixtureTable);

  const cases: [string, MatcherTable][] = [
    ['another format', { ...shipped, nameHashes: { ...hashes, format: hashes.format + 1 } }],
    ['truncated data', { ...shipped, nameHashes: { ...hashes, data: bytes().subarray(0, bytes().length - 4).toString('base64') } }],
    ['data that is not base64', { ...shipped, nameHashes: { ...hashes, data: '%%%' } }],
    ['empty data', { ...shipped, nameHashes: { ...hashes, data: '' } }],
    [
      'data made by other name-key rules',
      (() => {
        const b = bytes();
        b.writeInt32LE(b.readInt32LE(20) ^ 1, 20); // the rules fingerprint
        return { ...shipped, nameHashes: { ...hashes, data: b.toString('base64') } };
      })(),
    ],
    [
      'skipped names out of order',
      (() => {
        const b = bytes();
        const prefixes = b.readUInt32LE(0) + b.readUInt32LE(4) + b.readUInt32LE(8);
        const at = NAME_HASHES_HEADER_BYTES + 4 * prefixes;
        expect(b.readUInt32LE(28)).toBeGreaterThan(0); // the fixture has a never-annotated name
        b.writeInt32LE(fixtureTable.names.length + 5, at);
        return { ...shipped, nameHashes: { ...hashes, data: b.toString('base64') } };
      })(),
    ],
  ];

  it.each(cases)('%s', (_what, table) => {
    const index = new NameIndex(table);
    expect(index.usedShippedHashes).toBe(false);
    const fallback = createMatcher(table);
    const derived = createMatcher(withoutHashes(table));
    fc.assert(
      fc.property(textFrom(fixtureTable), (t) => {
        expect(describeMatches(fallback.findAll(t))).toEqual(describeMatches(derived.findAll(t)));
      }),
      { numRuns: 200 },
    );
    // And the intact data still gives what the reference gives.
    expect(describeMatches(createMatcher(shipped).findAll('APT28 and Fancy Bear used PlugX'))).toEqual(describeMatches(reference.findAll('APT28 and Fancy Bear used PlugX')));
  });

  it('has a header of the documented size', () => {
    expect(bytes().length).toBeGreaterThan(NAME_HASHES_HEADER_BYTES);
  });
});

describe('precomputed name hashes with a hash collision between different keys', () => {
  // "tzddktm" and "fdgjfxa" have the same 32-bit key hash (found by search): the matcher must
  // then compare keys, as it does when deriving everything from the names.
  const table: MatcherTable = {
    ...fixtureTable,
    entities: [...fixtureTable.entities, 'G9001', 'G9002'],
    entityKinds: `${fixtureTable.entityKinds}aa`,
    names: [...fixtureTable.names, ['Tzddktm', 0, [fixtureTable.entities.length]], ['Fdgjfxa', 0, [fixtureTable.entities.length + 1]], ['TZDDKTM', 0, [fixtureTable.entities.length]]],
  };
  const shipped = withHashes(table);

  it('are the precondition of this test', () => {
    expect(nameKeyHash('Tzddktm')).toBe(nameKeyHash('Fdgjfxa'));
    expect(Buffer.from(shipped.nameHashes!.data, 'base64').readUInt32LE(16)).toBe(0); // hashes do not identify keys
  });

  it('keep the two names apart, like hashes derived from the names', () => {
    expectAllPrefixesShipped(shipped);
    const a = createMatcher(shipped);
    const b = createMatcher(table);
    const text = 'Tzddktm met Fdgjfxa; TZDDKTM and fdgjfxa and tzddktm.';
    expect(describeMatches(a.findAll(text))).toEqual(describeMatches(b.findAll(text)));
    expect(a.findAll(text).map((m) => [m.text, m.ids[0]])).toEqual([
      ['Tzddktm', 'G9001'],
      ['Fdgjfxa', 'G9002'],
      ['TZDDKTM', 'G9001'],
      ['fdgjfxa', 'G9002'],
      ['tzddktm', 'G9001'],
    ]);
    expectSameMatches(a, b, textFrom(table), 500);
  });
});

describe('nameKeyHash', () => {
  it('is the full-key hash addNamePrefixes returns', () => {
    const sink = new KeyHashTable(16);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('APT 28', 'TEMP.Veles', 'Ä', 'a-', 'İstanbul', '𝒜𝒜')), (s) => {
        expect(nameKeyHash(s)).toBe(addNamePrefixes(sink, s));
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * The real table: compiled from TI_SOURCES_DIR (as CI sets it), else the last build's
 * data/generated; the hashes are emitted afresh, so a stale file cannot mislead.
 */
async function realTable(): Promise<MatcherTable | undefined> {
  if (process.env.TI_SOURCES_DIR) {
    const [{ compileIndex }, { loadSourceDocuments }, { resolveSourcesDir }, { emitMatcherTable }, { loadOrdinaryWords }] = await Promise.all([
      import('../../../data/compile-index'),
      import('../../../data/load-sources'),
      import('../../../data/source-dir'),
      import('../../../data/emit/matcher-table'),
      import('../../../data/words/ordinary-words'),
    ]);
    return emitMatcherTable(compileIndex(await loadSourceDocuments(resolveSourcesDir())), loadOrdinaryWords());
  }
  return existsSync(GENERATED_TABLE) ? (JSON.parse(readFileSync(GENERATED_TABLE, 'utf8')) as MatcherTable) : undefined;
}

const compiled = await realTable();
if (!compiled) console.warn('tests/unit/matcher/name-hashes.test.ts: no real table (set TI_SOURCES_DIR or build): its tests are skipped.');

describe.skipIf(!compiled)('precomputed name hashes, the real table', () => {
  const table = compiled ?? fixtureTable;
  const shipped = withHashes(table);
  const derivedTable = withoutHashes(table);

  it('are used, and hold every prefix and continuation of the names', () => {
    expectAllPrefixesShipped(shipped);
  });

  it('give the same matches as hashes derived from the names, on random text', () => {
    expectSameMatches(createMatcher(shipped), createMatcher(derivedTable), textFrom(table), 3000);
  });

  it('give the same matches on every name in running text', () => {
    const a = createMatcher(shipped);
    const b = createMatcher(derivedTable);
    const text = table.names.map(([s], i) => `${i % 3 === 0 ? 'The' : 'the'} ${s} (${i % 2 ? 'T1566' : 'G0007'}) used ${s.toUpperCase()}.`).join(' ');
    expect(describeMatches(a.findAll(text))).toEqual(describeMatches(b.findAll(text)));
    expect(a.findAll(text).length).toBeGreaterThan(table.names.length / 2);
  });
});
