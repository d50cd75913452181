/**
 * A character-bigram inverted index over the names of the index: picks the names worth
 * fuzzy-matching for a query (those sharing enough of its bigrams), so Fuse scores about a
 * hundred names instead of all of them on every keystroke. Bigrams are over [0-9a-z]
 * with every other character in one shared slot, and spaces skipped: a filter may
 * over-select, never miss.
 */
export interface BigramFilter {
  /**
   * Name indices (ascending) sharing at least `minShare` of the query's distinct bigrams;
   * when more than `max` do, the `max` sharing the most.
   */
  candidates(looseQuery: string, minShare?: number, max?: number): number[];
}

/** A misspelling changes two or three bigrams of a name; a third of them survives in practice. */
export const DEFAULT_MIN_SHARE = 0.34;
/** Enough for any misspelling to keep its target, few enough for Fuse to score in a millisecond or two. */
export const DEFAULT_MAX_CANDIDATES = 250;

const SLOTS = 37;
const SPACE = 32;

function slotOf(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  return 36;
}

/** Calls `visit` with each bigram code of a lower-case text, spaces skipped. */
function forEachBigram(text: string, visit: (code: number) => void): void {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE) continue;
    const slot = slotOf(c);
    if (previous >= 0) visit(previous * SLOTS + slot);
    previous = slot;
  }
}

/** Distinct bigram codes of a lower-case text, in order of first appearance. */
export function bigramCodes(text: string): number[] {
  const out: number[] = [];
  forEachBigram(text, (code) => {
    if (!out.includes(code)) out.push(code);
  });
  return out;
}

/** @param nameText each name's lower-case text (looseText) */
export function createBigramFilter(nameText: readonly string[]): BigramFilter {
  const postings: number[][] = Array.from({ length: SLOTS * SLOTS }, () => []);
  const lastName = new Int32Array(SLOTS * SLOTS).fill(-1);
  for (let n = 0; n < nameText.length; n++) {
    forEachBigram(nameText[n]!, (code) => {
      if (lastName[code] === n) return;
      lastName[code] = n;
      postings[code]!.push(n);
    });
  }
  const counts = new Uint8Array(nameText.length);

  return {
    candidates(looseQuery, minShare = DEFAULT_MIN_SHARE, max = DEFAULT_MAX_CANDIDATES) {
      const codes = bigramCodes(looseQuery).slice(0, 255);
      if (!codes.length) return [];
      const need = Math.max(1, Math.ceil(codes.length * minShare));
      counts.fill(0);
      const found: number[] = [];
      for (const code of codes) {
        for (const name of postings[code]!) if (++counts[name]! === need) found.push(name);
      }
      if (found.length <= max) return found.sort((a, b) => a - b);
      const closeness = (name: number) => Math.abs(nameText[name]!.length - looseQuery.length);
      return mostShared(found, counts, codes.length, max, closeness).sort((a, b) => a - b);
    },
  };
}

/**
 * The `max` names with the highest shared-bigram counts (counting sort: counts are small);
 * among names with the count where the cut falls, those closest in length to the query.
 */
function mostShared(found: readonly number[], counts: Uint8Array, top: number, max: number, distance: (name: number) => number): number[] {
  const byCount: number[][] = Array.from({ length: top + 1 }, () => []);
  for (const name of found) byCount[counts[name]!]!.push(name);
  const out: number[] = [];
  for (let c = top; c >= 0 && out.length < max; c--) {
    const bucket = byCount[c]!;
    if (out.length + bucket.length > max) bucket.sort((a, b) => distance(a) - distance(b));
    for (const name of bucket) {
      if (out.length === max) break;
      out.push(name);
    }
  }
  return out;
}
