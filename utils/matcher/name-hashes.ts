/**
 * The name hashes that the data compiler precomputes for the matcher
 * (`MatcherTable.nameHashes`, written by data/emit/matcher-hashes.ts with the functions of
 * name-keys.ts and hash-set.ts), so that the content script neither runs the name-key rules
 * nor even reads the names at page load: it loads these hashes into its table with a few
 * typed-array loops, and the names (parsed lazily by the content script, see
 * content-table.ts) are first needed when a page's text hits a full-key hash.
 *
 * The hashes are emitted in the same build step as the names and written with them
 * atomically, and a hash only ever leads the matcher to compare the text with a name's key
 * (a stale hash can miss a name, never invent one). The rules are tied by a fingerprint of
 * what addNamePrefixes records for a few probe names that exercise every rule
 * ({@link prefixRulesFingerprint}); data made by other rules or in another layout is not
 * used, and the matcher then derives everything from the names, as it does for tables
 * without `nameHashes`.
 *
 * Layout of the decoded bytes (little-endian, all in 4-byte units, read through typed-array
 * views):
 *
 *     u32 × 3   number of prefix hashes with the flags 1, 2 and 3 (FLAG_PREFIX, FLAG_PREFIX_DOT, both)
 *     u32       number of names in the table
 *     u32       1 when names with the same full-key hash always have the same key (no
 *               collision between different keys): the matcher then groups them without
 *               comparing their keys; else 0
 *     i32       prefixRulesFingerprint() of the compiler
 *     u32       size of the continuation filter in words (CONTINUATION_WORDS)
 *     u32       number of skipped names: never annotated, or a key shorter than two characters
 *     i32 × …   the prefix hashes, those with flags 1 first, then 2, then 3
 *     i32 × …   the indices of the skipped names, ascending
 *     i32 × …   the full-key hash of every name, in table order (0 for a skipped name)
 *     i32 × …   the continuation filter (KeyHashTable.continuationWords): loaded by one
 *               native copy, where coding its ~4,000 set bits more tightly would cost a loop
 */
import { CONTINUATION_WORDS, continuationHash, FLAG_PREFIX, FLAG_PREFIX_DOT, HASH_PRIME, HASH_SEED, type KeyHashTable, type PrefixSink } from './hash-set';
import { addNamePrefixes } from './name-keys';
import { type NameHashes, NameFlag } from './table';

/** The layout this matcher reads (see above). Bump it when the layout or what it holds changes. */
export const NAME_HASHES_FORMAT = 2;

/** Bytes before the prefix hashes. */
export const NAME_HASHES_HEADER_BYTES = 32;

/** Name flags of names the matcher never annotates, and never hashes: ordinary lower-case words ("at", "route", "ping"). */
export const NEVER_ANNOTATED = NameFlag.Common | NameFlag.LowerCaseSource;

export function isNeverAnnotated(flags: number): boolean {
  return (flags & NEVER_ANNOTATED) === NEVER_ANNOTATED;
}

/** The shipped data, decoded and checked for shape (not yet against the names). */
export interface ShippedNameHashes {
  /** Number of prefix hashes. */
  prefixCount: number;
  /** Number of names in the table the hashes were made for. */
  nameCount: number;
  /** Indices of the names that have no full-key hash, ascending. */
  skippedNames: Int32Array;
  /** Full-key hash of every name, in table order (0 for a skipped name). */
  fullKeyHashes: Int32Array;
  /** Names with equal full-key hashes have equal keys (no need to compare them). */
  hashesIdentifyKeys: boolean;
  /** Adds the prefix flags and the continuation filter to a new `table`. */
  addTo(table: KeyHashTable): void;
}

function base64Bytes(data: string): Uint8Array | undefined {
  try {
    const fromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
    if (typeof fromBase64 === 'function') return fromBase64(data); // Chrome 140+, Firefox 133+: native
    const binary = atob(data);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** The layout is little-endian and read through typed-array views. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Decodes `nameHashes`; undefined when absent, of another format or rules, or malformed. */
export function decodeNameHashes(field: NameHashes | undefined): ShippedNameHashes | undefined {
  if (!LITTLE_ENDIAN || field == null || field.format !== NAME_HASHES_FORMAT || typeof field.data !== 'string') return undefined;
  const bytes = base64Bytes(field.data);
  if (bytes === undefined || bytes.length < NAME_HASHES_HEADER_BYTES || bytes.byteOffset % 4 !== 0) return undefined;
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, NAME_HASHES_HEADER_BYTES / 4);
  const counts = [header[0]!, header[1]!, header[2]!];
  const prefixCount = counts[0]! + counts[1]! + counts[2]!;
  const nameCount = header[3]!;
  const hashesIdentifyKeys = header[4] === 1;
  const skippedCount = header[7]!;
  if ((header[5]! | 0) !== prefixRulesFingerprint() || header[6] !== CONTINUATION_WORDS || skippedCount > nameCount) return undefined;
  const skippedStart = bytes.byteOffset + NAME_HASHES_HEADER_BYTES + 4 * prefixCount;
  const fullStart = skippedStart + 4 * skippedCount;
  const filterStart = fullStart + 4 * nameCount;
  if (filterStart + 4 * CONTINUATION_WORDS !== bytes.byteOffset + bytes.length) return undefined;
  const skippedNames = new Int32Array(bytes.buffer, skippedStart, skippedCount);
  for (let k = 0; k < skippedCount; k++) if (skippedNames[k]! < 0 || skippedNames[k]! >= nameCount || (k > 0 && skippedNames[k]! <= skippedNames[k - 1]!)) return undefined;
  return {
    prefixCount,
    nameCount,
    skippedNames,
    fullKeyHashes: new Int32Array(bytes.buffer, fullStart, nameCount),
    hashesIdentifyKeys,
    addTo(table) {
      let offset = bytes.byteOffset + NAME_HASHES_HEADER_BYTES;
      for (let flags = FLAG_PREFIX; flags <= (FLAG_PREFIX | FLAG_PREFIX_DOT); flags++) {
        const count = counts[flags - 1]!;
        table.insertAll(new Int32Array(bytes.buffer, offset, count), count, flags);
        offset += 4 * count;
      }
      table.loadContinuationWords(new Int32Array(bytes.buffer, filterStart, CONTINUATION_WORDS));
    },
  };
}

/** Names that exercise every prefix rule: separators, a dot, camelCase, an acronym before a word, letters and digits. */
const RULE_PROBES = ['Fancy Bear', 'TEMP.Veles', 'HTTPBrowser', 'BlackEnergy3', 'APT-28', 'Group 72', 'SNAKEHOSE'];

/** Folds everything addNamePrefixes records, continuation hashes included. */
class RulesFold implements PrefixSink {
  value = HASH_SEED;
  fold(v: number): void {
    this.value = Math.imul(this.value ^ v, HASH_PRIME);
  }
  addFlags(h: number, flags: number): void {
    this.fold(h);
    this.fold(flags);
  }
  addContinuation(h: number, code: number, nextCode: number): void {
    this.fold(continuationHash(h, code, nextCode));
  }
}

let fingerprint: number | undefined;

/**
 * A fingerprint of the name-key rules (addNamePrefixes, the hash, the continuation hash):
 * shipped data made by other rules than the runtime's is not used.
 */
export function prefixRulesFingerprint(): number {
  if (fingerprint === undefined) {
    const rules = new RulesFold();
    for (const probe of RULE_PROBES) rules.fold(addNamePrefixes(rules, probe) ?? 0);
    fingerprint = rules.value;
  }
  return fingerprint;
}
