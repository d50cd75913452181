/**
 * The content script's text matcher: one pass over a string, with no regular expression
 * and no allocation except for the lower-case copy, matches and ID-shaped tokens. Tokens are
 * maximal runs of letters and digits; at
 * each token start the running hash of the lowercase key is extended across following tokens
 * while it is a prefix of some name key (see name-keys.ts), and full keys are confirmed
 * against the names. Longest match wins; matches never overlap.
 */
import type { AnnotationKind, MatcherTable } from './table';
import { ASCII_KEY_CODE, astralIsWord, CLASS_CJK, CLASS_HIGH_SURROGATE, CLASS_IGNORABLE, CLASS_WORD, classOf, lowerOf, UNIT_KEY_CODE } from './char-class';
import { FLAG_FULL, FLAG_PREFIX, FLAG_PREFIX_DOT, HASH_PRIME, HASH_SEED, type KeyHashTable, mixHash, NEXT_UNKNOWN } from './hash-set';
import { ID_NONE, IdIndex } from './id-matcher';
import { NameIndex } from './name-index';
import { isStandaloneToken } from './boundaries';

export interface Match {
  /** Offsets in UTF-16 code units of the string given to findAll; `text` = its slice. */
  start: number;
  end: number;
  text: string;
  kind: AnnotationKind;
  /** Entity ids (or the ATT&CK ID), best first. Shared between matches: do not mutate. */
  ids: string[];
  /** An ordinary word too: accept only with context (see context-policy.ts). */
  common: boolean;
}

export interface TextMatcher {
  /** Matches in `text`, sorted and non-overlapping. */
  findAll(text: string): Match[];
}

/** Longest name, in tokens, that page text may split into ("Threat Group 3390" is 4). */
const MAX_TOKENS = 8;
/** Longest white-space run that may join two tokens of a name (a line break plus indentation). */
const MAX_JOINER_SPACES = 8;

function isJoinerSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 10 || c === 13 || c === 9 || c === 0x202f;
}

function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

/**
 * The string the hot loop reads: a lower-case copy. Besides saving a case conversion per
 * character, it is a flat sequential string: DOM text and sliced strings are read about
 * twice as slowly by charCodeAt (measured in Chromium). Offsets agree when the length does
 * (only a few characters, like U+0130, lengthen when lower-cased); otherwise `text` itself.
 */
function scanCopy(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text;
}

/** Whether the ASCII token `text[s, s + length)` has the shape of an ATT&CK ID (TA0001, T1566, G0007...). */
function mayBeId(text: string, s: number, length: number): boolean {
  if (length !== 5 && length !== 6) return false;
  const c = text.charCodeAt(s);
  return c === 84 || c === 71 || c === 83 || c === 67;
}

/** The first code mixed into the hash by hashToken for the token at `i` (see hashToken). */
function firstKeyCode(scan: string, i: number): number {
  const c = scan.charCodeAt(i);
  if (c < 128) return ASCII_KEY_CODE[c]!;
  const k = classOf(c);
  return k === CLASS_WORD ? lowerOf(c) : c;
}

/**
 * The key code after the first one of the token at `i`, when the text says it (an ASCII
 * letter or digit right after a one-unit first character), else NEXT_UNKNOWN.
 */
function secondKeyCode(scan: string, i: number): number {
  if (i + 1 >= scan.length) return NEXT_UNKNOWN;
  const c = scan.charCodeAt(i + 1);
  const key = c < 128 ? ASCII_KEY_CODE[c]! : 0;
  return key !== 0 ? key : NEXT_UNKNOWN;
}

/** Whether a token starts at `i` (a letter, digit or CJK character, or an astral letter). */
function startsToken(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_KEY_CODE[c] !== 0;
  const k = classOf(c);
  return k === CLASS_WORD || k === CLASS_CJK || (k === CLASS_HIGH_SURROGATE && astralIsWord(text, i));
}

class HashScanner implements TextMatcher {
  private readonly hashes: KeyHashTable;
  private readonly candidateEnds = new Int32Array(MAX_TOKENS);
  private readonly candidateHashes = new Int32Array(MAX_TOKENS);
  // Results of hashToken, kept in fields so the hot loop allocates nothing.
  private hash = 0;
  private wordEnd = 0;
  private cjkToken = false;

  constructor(
    private readonly names: NameIndex,
    private readonly ids: IdIndex,
  ) {
    this.hashes = names.hashes;
  }

  findAll(text: string): Match[] {
    const out: Match[] = [];
    const n = text.length;
    const scan = scanCopy(text);
    const unitKeys = UNIT_KEY_CODE;
    const hashes = this.hashes;
    const seed = HASH_SEED;
    const prime = HASH_PRIME;
    let i = 0;
    while (i < n) {
      let c = scan.charCodeAt(i);
      let key = unitKeys[c]!;
      if (key === 0) {
        i = c >= 128 && startsToken(scan, i) ? this.matchAt(scan, text, i, out) : i + 1;
        continue;
      }
      // Fast path for the first token of a possible match: most tokens end here.
      const s = i;
      let h = seed;
      for (;;) {
        h = Math.imul(h ^ key, prime);
        if (++i === n) break;
        c = scan.charCodeAt(i);
        if ((key = unitKeys[c]!) === 0) break;
      }
      if (i < n && c >= 128) {
        i = this.matchAt(scan, text, s, out); // the token may go on (é, soft hyphen, CJK)
        continue;
      }
      const flags = hashes.flagsOf(h);
      if (flags !== 0 || mayBeId(text, s, i - s)) {
        // Most hits are words that only begin names ("the", "new", "cloud"): when a space and
        // two letters no name continues with follow, matchFrom would stop there too.
        if (flags === FLAG_PREFIX && c === 32 && i + 2 < n && !mayBeId(text, s, i - s)) {
          const k1 = unitKeys[scan.charCodeAt(i + 1)]!;
          const k2 = unitKeys[scan.charCodeAt(i + 2)]!;
          if (k1 !== 0 && k2 !== 0 && !hashes.mayContinue(h, k1, k2)) {
            i++;
            continue;
          }
        }
        this.hash = h;
        this.wordEnd = i;
        this.cjkToken = false;
        i = this.matchFrom(scan, text, s, i, flags, out);
        continue;
      }
      i++; // past the ASCII separator that ended the token (or past the end)
    }
    return out;
  }

  /**
   * Hashes the token at `j` into `h`; returns the token end (after trailing ignorables) and
   * sets `hash`, `wordEnd` (after the last key character) and `cjkToken`.
   */
  private hashToken(scan: string, j: number, h: number): number {
    const n = scan.length;
    const start = j;
    let wordEnd = j;
    this.cjkToken = false;
    while (j < n) {
      const c = scan.charCodeAt(j);
      if (c < 128) {
        const key = ASCII_KEY_CODE[c]!;
        if (key === 0) break;
        h = Math.imul(h ^ key, HASH_PRIME);
        wordEnd = ++j;
        continue;
      }
      const k = classOf(c);
      if (k === CLASS_WORD) {
        h = mixHash(h, lowerOf(c));
        wordEnd = ++j;
      } else if (k === CLASS_IGNORABLE) {
        j++;
      } else if (k === CLASS_CJK) {
        if (j === start) {
          h = mixHash(h, c);
          wordEnd = ++j;
          this.cjkToken = true;
        }
        break;
      } else if (k === CLASS_HIGH_SURROGATE && astralIsWord(scan, j)) {
        h = mixHash(mixHash(h, c), scan.charCodeAt(j + 1));
        j += 2;
        wordEnd = j;
      } else break;
    }
    this.hash = h;
    this.wordEnd = wordEnd;
    return j;
  }

  /** Start of the next token of a name after the token ending at `p`, or -1. */
  private nextTokenStart(scan: string, p: number, flags: number, cjkBefore: boolean): number {
    const c = scan.charCodeAt(p);
    if (c === 46) return flags & FLAG_PREFIX_DOT && startsToken(scan, p + 1) ? p + 1 : -1;
    if (!(flags & FLAG_PREFIX)) return -1;
    if (cjkBefore || (c >= 128 && classOf(c) === CLASS_CJK)) return startsToken(scan, p) ? p : -1;
    if (isJoinerSpace(c)) {
      let q = p + 1;
      let lineBreaks = c === 10 ? 1 : 0;
      while (q < scan.length && q - p < MAX_JOINER_SPACES && isJoinerSpace(scan.charCodeAt(q))) {
        if (scan.charCodeAt(q) === 10) lineBreaks++;
        q++;
      }
      return lineBreaks <= 1 && startsToken(scan, q) ? q : -1;
    }
    return isHyphen(c) && startsToken(scan, p + 1) ? p + 1 : -1;
  }

  /** Tries a match at the token starting at `s`; returns where scanning continues. */
  private matchAt(scan: string, text: string, s: number, out: Match[]): number {
    const firstTokenEnd = this.hashToken(scan, s, HASH_SEED);
    return this.matchFrom(scan, text, s, firstTokenEnd, this.hashes.flagsOf(this.hash), out);
  }

  /**
   * Tries a match at `s`, whose first token (ending at `firstTokenEnd`) is hashed in `hash`,
   * `wordEnd` and `cjkToken` and has `firstFlags`; returns where scanning continues.
   * Tokens are read from `scan`, case-sensitive checks and matches from `text`.
   */
  private matchFrom(scan: string, text: string, s: number, firstTokenEnd: number, firstFlags: number, out: Match[]): number {
    if (mayBeId(text, s, this.wordEnd - s)) {
      const idEnd = this.tryId(text, s, out);
      if (idEnd !== ID_NONE) return Math.max(idEnd, firstTokenEnd);
    }
    let j = firstTokenEnd;
    let candidates = 0;
    let flags = firstFlags;
    for (let tokens = 1; ; tokens++) {
      const h = this.hash;
      if (tokens > 1) flags = this.hashes.flagsOf(h);
      if (flags === 0) break;
      if (flags & FLAG_FULL) {
        this.candidateEnds[candidates] = this.wordEnd;
        this.candidateHashes[candidates] = h;
        candidates++;
      }
      if (!(flags & (FLAG_PREFIX | FLAG_PREFIX_DOT)) || tokens === MAX_TOKENS || j >= scan.length) break;
      const next = this.nextTokenStart(scan, j, flags, this.cjkToken);
      if (next < 0 || !this.hashes.mayContinue(h, firstKeyCode(scan, next), secondKeyCode(scan, next))) break;
      j = this.hashToken(scan, next, h);
    }
    if (candidates === 0) return firstTokenEnd;
    const end = this.confirm(text, s, candidates, out);
    return end < 0 ? firstTokenEnd : end;
  }

  /** ID at `s` (first token hashed): the match end, the end of a rejected ID, or ID_NONE. */
  private tryId(text: string, s: number, out: Match[]): number {
    const end = this.ids.matchAt(text, s, this.wordEnd);
    if (end < 0) return end;
    if (isStandaloneToken(text, s, end)) {
      const id = text.slice(s, end);
      out.push({ start: s, end, text: id, kind: this.ids.kind, ids: [id], common: false });
    }
    return end;
  }

  /**
   * Confirms the longest candidate that is a name key: when it stands alone and its case rule
   * holds, it is the match. No fallback to a shorter name: in "Fancy Bear.exe" there is no
   * "Fancy", and in "Iron Viking" no "Iron".
   */
  private confirm(text: string, s: number, candidates: number, out: Match[]): number {
    for (let c = candidates - 1; c >= 0; c--) {
      const end = this.candidateEnds[c]!;
      const g = this.names.findGroup(this.candidateHashes[c]!, text, s, end);
      if (g < 0) continue;
      if (!isStandaloneToken(text, s, end)) return -1;
      const group = this.names.accept(g, text, s, end);
      if (group === null) return -1;
      out.push({ start: s, end, text: text.slice(s, end), kind: group.kind, ids: group.ids, common: group.common });
      return end;
    }
    return -1;
  }
}

/**
 * Builds the matcher for a table. Cheap: it loads the table's precomputed name hashes and
 * hashes the full keys (or, without them, derives everything from the names); groups resolve
 * on first hit.
 */
export function createMatcher(table: MatcherTable): TextMatcher {
  return new HashScanner(new NameIndex(table), new IdIndex(table));
}
