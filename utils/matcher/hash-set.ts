/**
 * Running 32-bit hash of a name key (FNV-1a over lowercase UTF-16 code units) and an
 * open-addressing table from key-prefix hashes to flags and to the name group of a full key.
 */

export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 0x01000193;

export function mixHash(h: number, code: number): number {
  return Math.imul(h ^ code, HASH_PRIME);
}

/** Size of the continuation filter in 32-bit words (2^15 bits, 4 KB). */
export const CONTINUATION_WORDS = 1 << 10;
const PRESENT_BITS = 1 << 17;
const PRESENT_SHIFT = 15;
/**
 * Multiplier spreading a hash over its top bits: the top 17 bits of `Math.imul(h, MIX)` pick
 * its presence bit, the top log2(capacity) bits its home slot.
 */
const MIX = 0x9e3779b1 | 0;

/** A name key can continue after this prefix across a space, NBSP or hyphen. */
export const FLAG_PREFIX = 1;
/** A name key can continue after this prefix across a '.' (the name has a dot there). */
export const FLAG_PREFIX_DOT = 2;
/** This hash is the hash of a full name key; see {@link KeyHashTable.groupAt}. */
export const FLAG_FULL = 4;

/** `nextCode` of a continuation whose first key code ends the key. */
export const KEY_END = 0;
/** `nextCode` for {@link KeyHashTable.mayContinue} when the text does not tell (always true). */
export const NEXT_UNKNOWN = -1;

/**
 * Hash of "a name key continues after prefix `h` with the key codes `code`, `nextCode`"
 * (`nextCode` {@link KEY_END} when the key ends after `code`); two 15-bit fields of it are
 * the two bits of the continuation filter.
 */
export function continuationHash(h: number, code: number, nextCode: number): number {
  return Math.imul(Math.imul(h ^ code, 0x5bd1e995) ^ nextCode, 0x2c1b3c6d);
}

/** What name-key derivation ({@link addNamePrefixes}) records: the table, or the compiler's recorder. */
export interface PrefixSink {
  /** `h` is the hash of a key prefix after which a name continues (FLAG_PREFIX, FLAG_PREFIX_DOT). */
  addFlags(h: number, flags: number): void;
  /** After prefix `h` some name key continues with the key codes `code`, `nextCode` (or KEY_END). */
  addContinuation(h: number, code: number, nextCode: number): void;
}

export class KeyHashTable implements PrefixSink {
  /**
   * Bloom filter (two bits per entry) of (prefix hash, next two key codes): "the" is a prefix
   * of "The Dukes", but "the group" need not hash "group" to learn it is no name, and neither
   * need "the dog" though "The Dukes" continues with a "d" too.
   */
  private readonly continuations = new Int32Array(CONTINUATION_WORDS);
  /** One bit per hash (16 KB, stays in L1 cache): most page tokens stop here. */
  private readonly presentBits = new Int32Array(PRESENT_BITS / 32);
  private keys: Int32Array;
  private flags: Uint8Array;
  /** Group index + 1 of the first group whose full key has this hash (0 = none). */
  private heads: Int32Array;
  private mask: number;
  private shift: number;
  private count = 0;

  constructor(expectedEntries: number) {
    let capacity = 1024;
    while (capacity < expectedEntries * 2) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.heads = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
  }

  private slotOf(h: number): number {
    let i = Math.imul(h, MIX) >>> this.shift;
    while (this.flags[i] !== 0 && this.keys[i] !== h) i = (i + 1) & this.mask;
    return i;
  }

  /** Flags of a hash (0 when absent). The inner loop's only table access. */
  flagsOf(h: number): number {
    const m = Math.imul(h, MIX);
    const bit = m >>> PRESENT_SHIFT;
    if ((this.presentBits[bit >>> 5]! & (1 << (bit & 31))) === 0) return 0;
    const flags = this.flags;
    const keys = this.keys;
    const mask = this.mask;
    let i = m >>> this.shift;
    for (;;) {
      const f = flags[i]!;
      if (f === 0 || keys[i] === h) return f;
      i = (i + 1) & mask;
    }
  }

  /** First group (index) with this full-key hash, or -1. */
  groupAt(h: number): number {
    return this.heads[this.slotOf(h)]! - 1;
  }

  addFlags(h: number, flags: number): void {
    this.insert(h, flags);
  }

  addContinuation(h: number, code: number, nextCode: number): void {
    const m = continuationHash(h, code, nextCode);
    const a = m >>> 17;
    const b = (m >>> 2) & 0x7fff;
    this.continuations[a >>> 5]! |= 1 << (a & 31);
    this.continuations[b >>> 5]! |= 1 << (b & 31);
  }

  /** The continuation filter (read-only: the compiler ships it, see name-hashes.ts). */
  get continuationWords(): Int32Array {
    return this.continuations;
  }

  /** Replaces the continuation filter by precomputed words (see {@link continuationWords}). */
  loadContinuationWords(words: Int32Array): void {
    this.continuations.set(words);
  }

  /**
   * Bulk {@link addFlags} for construction: ORs `flags` into the slot of each of
   * `hashes[0..count)`. With `groups` (FLAG_FULL), hash j also becomes the head of its chain
   * for `groups[j]` when it has none; when it has one, j and that head are appended to
   * `collisions` (two entries). Returns the number of collisions. Runs at every page load in
   * the interpreter: one loop, no call per entry.
   */
  insertAll(hashes: Int32Array, count: number, flags: number, groups?: Int32Array, collisions?: Int32Array): number {
    while ((this.count + count) * 2 > this.keys.length) this.grow();
    const imul = Math.imul;
    const presentBits = this.presentBits;
    const keys = this.keys;
    const slotFlags = this.flags;
    const heads = this.heads;
    const mask = this.mask;
    const shift = this.shift;
    const linkGroups = groups !== undefined && collisions !== undefined;
    let added = 0;
    let collided = 0;
    for (let j = 0; j < count; j++) {
      const h = hashes[j]!;
      const m = imul(h, MIX);
      const bit = m >>> PRESENT_SHIFT;
      presentBits[bit >>> 5]! |= 1 << (bit & 31);
      let i = m >>> shift;
      for (;;) {
        const f = slotFlags[i]!;
        if (f === 0) {
          keys[i] = h;
          slotFlags[i] = flags;
          added++;
          break;
        }
        if (keys[i] === h) {
          slotFlags[i] = f | flags;
          break;
        }
        i = (i + 1) & mask;
      }
      if (!linkGroups) continue;
      const head = heads[i]!;
      if (head === 0) heads[i] = groups[j]! + 1;
      else {
        collisions[2 * collided] = j;
        collisions[2 * collided + 1] = head - 1;
        collided++;
      }
    }
    this.count += added;
    return collided;
  }

  /**
   * False when no name key continues after prefix `h` with the key codes `code`, `nextCode`
   * (`nextCode` {@link NEXT_UNKNOWN} when the text does not say); true may be a false positive.
   */
  mayContinue(h: number, code: number, nextCode: number): boolean {
    if (nextCode === NEXT_UNKNOWN) return true;
    const m = continuationHash(h, code, nextCode);
    const a = m >>> 17;
    const b = (m >>> 2) & 0x7fff;
    const words = this.continuations;
    return (words[a >>> 5]! & (1 << (a & 31))) !== 0 && (words[b >>> 5]! & (1 << (b & 31))) !== 0;
  }

  /** Records `group` as the head of the chain for a full-key hash; returns the previous head or -1. */
  setGroupHead(h: number, group: number): number {
    const i = this.insert(h, FLAG_FULL);
    const previous = this.heads[i]! - 1;
    this.heads[i] = group + 1;
    return previous;
  }

  /** Adds `flags` to the slot of `h` (creating it) and returns the slot. */
  private insert(h: number, flags: number): number {
    if (this.count * 2 >= this.keys.length) this.grow();
    const m = Math.imul(h, MIX);
    const bit = m >>> PRESENT_SHIFT;
    this.presentBits[bit >>> 5]! |= 1 << (bit & 31);
    const keys = this.keys;
    const slotFlags = this.flags;
    const mask = this.mask;
    let i = m >>> this.shift;
    for (;;) {
      const f = slotFlags[i]!;
      if (f === 0) {
        keys[i] = h;
        slotFlags[i] = flags;
        this.count++;
        return i;
      }
      if (keys[i] === h) {
        slotFlags[i] = f | flags;
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { keys, flags, heads } = this;
    const capacity = keys.length * 2;
    this.keys = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.heads = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.shift -= 1;
    for (let j = 0; j < keys.length; j++) {
      if (flags[j] === 0) continue;
      const i = this.slotOf(keys[j]!);
      this.keys[i] = keys[j]!;
      this.flags[i] = flags[j]!;
      this.heads[i] = heads[j]!;
    }
  }
}
