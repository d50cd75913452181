/**
 * The name hashes that the data compiler precomputes for the matcher
 * (`MatcherTable.nameHashes`, written by data/emit/matcher-hashes.ts with the functions of
 * name-keys.ts and hash-set.ts), so that the content script does not run the name-key
 * rules over every name at every page load. Shipped as base64 in `data` (layout below):
 *
 * - the prefix hashes of all names with their flags, and the continuation filter;
 * - the full-key hashes of the few names that are not all ASCII (deriving those would compile
 *   the Unicode-property regular expressions of char-class.ts at every page load), and which
 *   names have no full-key hash (a key shorter than two characters): the "listed" names.
 *
 * The other full-key hashes are not shipped (4 bytes per name would not fit the content
 * script's size budget): the matcher recomputes them with one tight loop and folds them, in
 * table order, into a value that must equal `fullKeyCheck`. That ties the shipped data to the
 * table's names and to the runtime's hash. The prefix rules are tied by a fingerprint of what
 * addNamePrefixes records for a few probe names that exercise every rule
 * ({@link prefixRulesFingerprint}). When anything disagrees the matcher derives everything
 * from the names, as it does for tables without `nameHashes`.
 *
 * Layout of the decoded bytes (little-endian, all in 4-byte units, read through typed-array
 * views):
 *
 *     u32 × 3   number of prefix hashes with the flags 1, 2 and 3 (FLAG_PREFIX, FLAG_PREFIX_DOT, both)
 *     u32       number of listed names
 *     u32       1 when names with the same full-key hash always have the same key (no
 *               collision between different keys): the matcher then groups them without
 *               comparing their keys; else 0
 *     i32       prefixRulesFingerprint() of the compiler
 *     u32       size of the continuation filter in words (CONTINUATION_WORDS)
 *     i32 × …   the prefix hashes, those with flags 1 first, then 2, then 3
 *     i32 × 2 … per listed name, in table order: its index (| NO_KEY when its key is shorter
 *               than two characters, so it has no hash) and its full-key hash (0 with NO_KEY)
 *     i32 × …   the continuation filter (KeyHashTable.continuationWords): loaded by one
 *               native copy, where coding its ~4,000 set bits more tightly would cost a loop
 */
import { CONTINUATION_WORDS, continuationHash, FLAG_PREFIX, FLAG_PREFIX_DOT, HASH_PRIME, HASH_SEED, type KeyHashTable, type PrefixSink } from './hash-set';
import { addNamePrefixes } from './name-keys';
import { type NameHashes, NameFlag } from './table';

/** The layout this matcher reads (see above). Bump it when the layout or what it holds changes. */
export const NAME_HASHES_FORMAT = 1;

/** Bytes before the prefix hashes. */
export const NAME_HASHES_HEADER_BYTES = 28;

/** In the listed names: the name's key is shorter than two characters (no hash). */
export const NO_KEY = 0x80000000 | 0;

/** Name flags of names the matcher never annotates, and never hashes: ordinary lower-case words ("at", "route", "ping"). */
export const NEVER_ANNOTATED = NameFlag.Common | NameFlag.LowerCaseSource;

export function isNeverAnnotated(flags: number): boolean {
  return (flags & NEVER_ANNOTATED) === NEVER_ANNOTATED;
}

/**
 * Whether the matcher takes the full-key hash of an annotated name from the listed names
 * rather than hashing it: when the name is not all ASCII or has no full key (`fullKeyHash`
 * undefined).
 */
export function isListedName(surface: string, fullKeyHash: number | undefined): boolean {
  if (fullKeyHash === undefined) return true;
  for (let i = 0; i < surface.length; i++) if (surface.charCodeAt(i) >= 128) return true;
  return false;
}

/** The check value before any name is folded in. */
export const FULL_KEY_CHECK_SEED = HASH_SEED;

/** Folds one full-key hash into the check value (start from {@link FULL_KEY_CHECK_SEED}). */
export function foldFullKeyHash(check: number, h: number): number {
  return Math.imul(check ^ h, HASH_PRIME);
}

/** The shipped data, decoded and checked for shape (not yet against the names). */
export interface ShippedNameHashes {
  fullKeyCheck: number;
  /** Number of prefix hashes. */
  prefixCount: number;
  /** The listed names: 2 entries per name (see the layout). */
  listedNames: Int32Array;
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
  const listedCount = header[3]!;
  const hashesIdentifyKeys = header[4] === 1;
  if ((header[5]! | 0) !== prefixRulesFingerprint() || header[6] !== CONTINUATION_WORDS) return undefined;
  const listedStart = bytes.byteOffset + NAME_HASHES_HEADER_BYTES + 4 * prefixCount;
  const filterStart = listedStart + 8 * listedCount;
  if (filterStart + 4 * CONTINUATION_WORDS !== bytes.byteOffset + bytes.length) return undefined;
  return {
    fullKeyCheck: field.fullKeyCheck | 0,
    prefixCount,
    listedNames: new Int32Array(bytes.buffer, listedStart, 2 * listedCount),
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
  value = FULL_KEY_CHECK_SEED;
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
