/**
 * Running 32-bit hash of a name key (FNV-1a over lowercase UTF-16 code units) and an
 * open-addressing table from key-prefix hashes to flags and to the name group of a full key.
 */

export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 0x01000193;

export function mixHash(h: number, code: number): number {
  return Math.imul(h ^ code, HASH_PRIME);
}

const NEXT_BITS = 1 << 16;
const NEXT_SHIFT = 16;
const PRESENT_BITS = 1 << 17;
const PRESENT_SHIFT = 15;

/** A name key can continue after this prefix across a space, NBSP or hyphen. */
export const FLAG_PREFIX = 1;
/** A name key can continue after this prefix across a '.' (the name has a dot there). */
export const FLAG_PREFIX_DOT = 2;
/** This hash is the hash of a full name key; see {@link KeyHashTable.groupAt}. */
export const FLAG_FULL = 4;

export class KeyHashTable {
  /**
   * Bloom-style filter of (prefix hash, next key character) pairs: "the" is a prefix of
   * "The Dukes", but "the group" need not hash "group" to learn it is no name.
   */
  private readonly nextBits = new Int32Array(NEXT_BITS / 32);
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
    let i = Math.imul(h, 0x9e3779b1) >>> this.shift;
    while (this.flags[i] !== 0 && this.keys[i] !== h) i = (i + 1) & this.mask;
    return i;
  }

  /** Flags of a hash (0 when absent). The inner loop's only table access. */
  flagsOf(h: number): number {
    const bit = Math.imul(h, 0x27d4eb2d) >>> PRESENT_SHIFT;
    if ((this.presentBits[bit >>> 5]! & (1 << (bit & 31))) === 0) return 0;
    const flags = this.flags;
    const keys = this.keys;
    const mask = this.mask;
    let i = Math.imul(h, 0x9e3779b1) >>> this.shift;
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

  /** Records that a name continues after prefix `h` with key character `code`. */
  addNext(h: number, code: number): void {
    const bit = Math.imul(h ^ code, 0x5bd1e995) >>> NEXT_SHIFT;
    this.nextBits[bit >>> 5]! |= 1 << (bit & 31);
  }

  /** False when no name continues after prefix `h` with key character `code` (true may be a false positive). */
  mayContinue(h: number, code: number): boolean {
    const bit = Math.imul(h ^ code, 0x5bd1e995) >>> NEXT_SHIFT;
    return (this.nextBits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
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
    const bit = Math.imul(h, 0x27d4eb2d) >>> PRESENT_SHIFT;
    this.presentBits[bit >>> 5]! |= 1 << (bit & 31);
    const keys = this.keys;
    const slotFlags = this.flags;
    const mask = this.mask;
    let i = Math.imul(h, 0x9e3779b1) >>> this.shift;
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
