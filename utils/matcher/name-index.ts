/**
 * The name side of the matcher: every name of the table grouped by key ("APT28" and "APT 28"
 * share the key "apt28"), with the prefix-hash table the scanner walks. Construction loads the
 * prefix hashes the compiler shipped (name-hashes.ts) and hashes the full keys, or derives
 * everything from the names; what a group annotates (kind, ids, case rule) is resolved on its
 * first hit.
 */
import { type AnnotationKind, entityKindByCode, type MatcherTable, NameFlag } from './table';
import { UNIT_KEY_CODE } from './char-class';
import { FLAG_FULL, HASH_PRIME, HASH_SEED, KeyHashTable } from './hash-set';
import { decodeNameHashes, isNeverAnnotated, type ShippedNameHashes } from './name-hashes';
import { addNamePrefixes, CASING_HAS_LOWER, compareSpan, KEY_EQUAL, KEY_MISMATCH, type KeyForm, keyShape, MASKED_KEY_LENGTH, matchKey, nameKey, SPAN_CASE_EXACT, SPAN_SPLITS_AT_SEPARATORS, surfaceForm } from './name-keys';

export interface NameGroup {
  kind: AnnotationKind;
  /** Entity ids, best first (frozen, shared by every match of the group). */
  ids: string[];
  /**
   * Every surface of the key is an ordinary word: matched in the exact case of a surface or
   * as a capitalised variant, and `common: true` (the context policy decides).
   */
  common: boolean;
  /** Case-insensitive matching is off (common names, and short names like "Tor" that are not acronyms). */
  exactCase: boolean;
  /** At most three letters and no digit ("Tor", "at"). */
  short: boolean;
  /** Name indices in table order. */
  names: number[];
}

interface GroupInfo {
  /** The lowercase key ("apt28"). */
  key: string;
  /** Case and separators of each name of the group, in table order. */
  forms: KeyForm[];
  /** What the group annotates; null when its entities have no annotation kind. */
  annotation: NameGroup | null;
}

const SHORT_KEY_LENGTH = 3;

/**
 * A case variant of a common name that still reads as a name: every word capitalised and
 * not all in capitals ("Iron Viking" for IRON VIKING, "PunchBuggy" for PUNCHBUGGY, "Zinc"
 * for ZINC). Lower-case words ("cobalt", "the Dukes") and shouting ("COBALT") need the exact
 * surface. The match stays `common`, so the context policy still decides.
 */
function isCapitalisedVariant(casing: number): boolean {
  return casing === CASING_HAS_LOWER;
}

/**
 * Names with equal keys form a group, identified by the index of its first name; groups whose
 * keys have the same hash are chained from the hash table's head.
 */
export class NameIndex {
  readonly hashes: KeyHashTable;
  /** Whether {@link hashes} was built from the table's precomputed `nameHashes`. */
  readonly usedShippedHashes: boolean;
  private readonly table: MatcherTable;
  /** Per group: its last name + 1, 0 while it has only its first. */
  private readonly lastName: Int32Array;
  /** Per name: the next name of its group, -1 after the last. */
  private readonly nextName: Int32Array;
  /** Per group: the next group whose key has the same hash, -1 after the last. */
  private readonly nextSameHash: Int32Array;
  /** Per group, resolved on its first hit. */
  private readonly groups: (GroupInfo | undefined)[];
  /** {@link matchKey} result of the last successful {@link findGroup}. */
  private lastKeyMatch = KEY_MISMATCH;
  /** Case and splits of the span of the last successful {@link findGroup}. */
  private readonly lastForm: KeyForm = { upperMask: 0, splitMask: 0, casing: 0 };

  constructor(table: MatcherTable) {
    this.table = table;
    const shipped = decodeNameHashes(table.nameHashes);
    // With shipped hashes the names are not read here: the content script parses them on the
    // first full-key hit (content-table.ts).
    const n = shipped?.nameCount ?? table.names.length;
    this.lastName = new Int32Array(n);
    this.nextName = new Int32Array(n).fill(-1);
    this.nextSameHash = new Int32Array(n).fill(-1);
    this.groups = new Array<GroupInfo | undefined>(n);
    this.usedShippedHashes = shipped !== undefined;
    this.hashes = shipped ? this.linkShipped(shipped) : this.computeAll();
  }

  /**
   * Builds the hash table from the shipped hashes and groups the names. Runs at every page
   * load, mostly in the interpreter: a few loops over typed arrays with no call per entry.
   * Names are read only when two different keys share a full-key hash (never in the
   * compiled index so far).
   */
  private linkShipped(shipped: ShippedNameHashes): KeyHashTable {
    const all = shipped.fullKeyHashes;
    const skipped = shipped.skippedNames;
    const n = shipped.nameCount;
    const fullHashes = new Int32Array(n);
    const members = new Int32Array(n);
    let skippedAt = 0;
    let nextSkipped = skipped.length > 0 ? skipped[0]! : -1;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (i === nextSkipped) {
        skippedAt++;
        nextSkipped = skippedAt < skipped.length ? skipped[skippedAt]! : -1;
        continue;
      }
      fullHashes[count] = all[i]!;
      members[count] = i;
      count++;
    }

    const hashes = new KeyHashTable(shipped.prefixCount + count);
    shipped.addTo(hashes);
    const collisions = new Int32Array(2 * count);
    const collided = hashes.insertAll(fullHashes, count, FLAG_FULL, members, collisions);
    for (let k = 0; k < collided; k++) {
      const j = collisions[2 * k]!;
      const i = members[j]!;
      if (shipped.hashesIdentifyKeys) {
        // Same hash, so same key: append to the head group ("APT 28" after "APT28").
        const g = collisions[2 * k + 1]!;
        const last = this.lastName[g]! - 1;
        this.nextName[last < 0 ? g : last] = i;
        this.lastName[g] = i + 1;
      } else this.addName(hashes, i, this.table.names[i]![0], fullHashes[j]!);
    }
    return hashes;
  }

  /** Builds the hash table from the names alone: every prefix and full key hashed here. */
  private computeAll(): KeyHashTable {
    const names = this.table.names;
    const hashes = new KeyHashTable(names.length * 2); // a full key and about one prefix per name; grows if needed
    for (let i = 0; i < names.length; i++) {
      const entry = names[i]!;
      if (isNeverAnnotated(entry[1])) continue;
      const surface = entry[0];
      const h = addNamePrefixes(hashes, surface);
      if (h !== undefined) this.addName(hashes, i, surface, h);
    }
    return hashes;
  }

  /**
   * Adds name `nameIndex` (full-key hash `h`) to the group of its key (a group is named by
   * the index of its first name), or makes it a new group at the head of the hash's chain.
   */
  private addName(hashes: KeyHashTable, nameIndex: number, surface: string, h: number): void {
    for (let g = hashes.groupAt(h); g >= 0; g = this.nextSameHash[g]!) {
      if (compareSpan(surface, 0, surface.length, this.table.names[g]![0]) !== 0) {
        const last = this.lastName[g]! - 1;
        this.nextName[last < 0 ? g : last] = nameIndex;
        this.lastName[g] = nameIndex + 1;
        return;
      }
    }
    this.nextSameHash[nameIndex] = hashes.setGroupHead(h, nameIndex);
  }

  /**
   * The group whose key equals the key of `text[start, end)` (full-key hash `h`), or -1.
   * Records in {@link lastKeyMatch} whether the span splits the key.
   */
  findGroup(h: number, text: string, start: number, end: number): number {
    for (let g = this.hashes.groupAt(h); g >= 0; g = this.nextSameHash[g]!) {
      const result = matchKey(text, start, end, this.group(g).key, this.lastForm);
      if (result !== KEY_MISMATCH) {
        this.lastKeyMatch = result;
        return g;
      }
    }
    return -1;
  }

  /** Group `g` (just returned by findGroup) when `text[start, end)` satisfies its case rule, else null. */
  accept(g: number, text: string, start: number, end: number): NameGroup | null {
    const info = this.group(g);
    const group = info.annotation;
    if (group === null) return null;
    if (!group.exactCase && this.lastKeyMatch === KEY_EQUAL) return group;
    if (group.common && !group.short && isCapitalisedVariant(this.lastForm.casing)) return group;
    if (info.key.length > MASKED_KEY_LENGTH) return this.acceptLongKey(group, text, start, end);
    const { upperMask, splitMask } = this.lastForm;
    for (const form of info.forms) {
      if (upperMask === form.upperMask) return group;
      // Case-insensitive, but "bad patch" is not "BadPatch": a split the name lacks needs exact case.
      if (!group.exactCase && (splitMask & ~form.splitMask) === 0) return group;
    }
    return null;
  }

  private acceptLongKey(group: NameGroup, text: string, start: number, end: number): NameGroup | null {
    for (const i of group.names) {
      const bits = compareSpan(text, start, end, this.table.names[i]![0]);
      if (bits & SPAN_CASE_EXACT) return group;
      if (!group.exactCase && bits & SPAN_SPLITS_AT_SEPARATORS) return group;
    }
    return null;
  }

  private group(g: number): GroupInfo {
    let info = this.groups[g];
    if (info === undefined) {
      const members: number[] = [];
      for (let i = g; i >= 0; i = this.nextName[i]!) members.push(i);
      const names = this.table.names;
      const key = nameKey(names[members[0]!]![0]);
      const forms = key.length > MASKED_KEY_LENGTH ? [] : members.map((i) => surfaceForm(names[i]![0]));
      info = { key, forms, annotation: this.resolve(members) };
      this.groups[g] = info;
    }
    return info;
  }

  private resolve(members: number[]): NameGroup | null {
    const { names, entities, entityKinds } = this.table;
    const refs: number[] = [];
    let common = true;
    for (const i of members) {
      const [, flags, entityRefs] = names[i]!;
      if (!(flags & NameFlag.Common)) common = false;
      for (const ref of entityRefs) if (ref >= 0 && ref < entities.length && !refs.includes(ref)) refs.push(ref);
    }
    const best = refs[0];
    const kind = best === undefined ? undefined : entityKindByCode[entityKinds.charAt(best)];
    if (kind === undefined) return null;
    const shape = keyShape(names[members[0]!]![0]);
    const short = shape.length <= SHORT_KEY_LENGTH && !shape.hasDigit;
    const ids = Object.freeze(refs.map((ref) => entities[ref]!)) as string[];
    return { kind, ids, common, short, exactCase: common || short, names: members };
  }
}
