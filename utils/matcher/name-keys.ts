/**
 * Name keys: the lowercase of a name with every non-letter/digit removed ("APT 28" and
 * "APT-28" → "apt28"), hashed with {@link mixHash}, plus the "prefix boundaries" where page
 * text may split the name into tokens (a separator, a camelCase or letter/digit change).
 */
import { ASCII_KEY_CODE, ASCII_SHAPE, CLASS_IGNORABLE, classOf, keyUnitWidth, lowerOf, SHAPE_CJK, SHAPE_DIGIT, SHAPE_LOWER, SHAPE_UPPER, shapeAt } from './char-class';
import { FLAG_PREFIX, FLAG_PREFIX_DOT, HASH_PRIME, HASH_SEED, KEY_END, type PrefixSink } from './hash-set';

/** Whether a name has a boundary between adjacent key characters of these shapes (different, or both CJK). */
function isBoundary(prev: number, shape: number): boolean {
  if (prev === SHAPE_CJK || shape === SHAPE_CJK || prev === SHAPE_DIGIT || shape === SHAPE_DIGIT) return true;
  return prev === SHAPE_LOWER && shape === SHAPE_UPPER;
}

/**
 * Adds the prefix hashes of `surface` (at each boundary) to `sink`, with the two key codes
 * that follow each of them, and returns the hash of its full key, or undefined when the key
 * is shorter than two characters. The matcher table (data/emit/matcher-hashes.ts) ships what
 * this records for every name; the content script runs it only for tables without that.
 */
export function addNamePrefixes(sink: PrefixSink, surface: string): number | undefined {
  let h = HASH_SEED;
  /** Hash before the previous key character (for "HTTPBrowser" → "HTTP" | "Browser"). */
  let hBeforePrevious = HASH_SEED;
  let previousCode = 0;
  let keyLength = 0;
  let prevShape = 0;
  let prevPrevShape = 0;
  /** Flags of the separator run since the last key character (0: none). */
  let separator = 0;
  /** A prefix recorded at the last key character, waiting for the key code after it (-1: none). */
  let pendingHash = 0;
  let pendingCode = -1;
  const n = surface.length;
  for (let i = 0; i < n; i++) {
    const c = surface.charCodeAt(i);
    let shape = c < 128 ? ASCII_SHAPE[c]! : -1;
    let code = c < 128 ? ASCII_KEY_CODE[c]! : 0;
    let width = 1;
    if (shape === 0) {
      separator |= c === 46 ? FLAG_PREFIX_DOT : FLAG_PREFIX;
      continue;
    }
    if (shape < 0) {
      width = keyUnitWidth(surface, i);
      if (width === 0) {
        if (classOf(c) !== CLASS_IGNORABLE) separator |= FLAG_PREFIX;
        continue;
      }
      shape = shapeAt(surface, i);
      code = width === 1 ? lowerOf(c) : c;
    }
    if (pendingCode >= 0) {
      sink.addContinuation(pendingHash, pendingCode, code);
      pendingCode = -1;
    }
    if (keyLength > 0) {
      if (separator !== 0) {
        sink.addFlags(h, separator);
        pendingHash = h;
        pendingCode = code;
        prevShape = 0;
      } else if (shape !== prevShape || shape === SHAPE_CJK) {
        if (isBoundary(prevShape, shape)) {
          sink.addFlags(h, FLAG_PREFIX);
          pendingHash = h;
          pendingCode = code;
        } else if (shape === SHAPE_LOWER && prevPrevShape === SHAPE_UPPER) {
          sink.addFlags(hBeforePrevious, FLAG_PREFIX);
          sink.addContinuation(hBeforePrevious, previousCode, code);
        }
      }
    }
    hBeforePrevious = h;
    previousCode = code;
    h = Math.imul(h ^ code, HASH_PRIME);
    if (width === 2) h = Math.imul(h ^ surface.charCodeAt(++i), HASH_PRIME);
    keyLength += width;
    prevPrevShape = prevShape;
    prevShape = shape;
    separator = 0;
  }
  if (pendingCode >= 0) sink.addContinuation(pendingHash, pendingCode, KEY_END);
  return keyLength >= 2 ? h : undefined;
}

const NO_PREFIXES: PrefixSink = { addFlags() {}, addContinuation() {} };

/**
 * The hash of the key of `surface` as {@link addNamePrefixes} returns it (undefined for keys
 * shorter than two characters), without recording prefixes: one tight loop for ASCII names.
 */
export function nameKeyHash(surface: string): number | undefined {
  let h = HASH_SEED;
  let keyLength = 0;
  for (let i = 0; i < surface.length; i++) {
    const c = surface.charCodeAt(i);
    if (c >= 128) return addNamePrefixes(NO_PREFIXES, surface);
    const code = ASCII_KEY_CODE[c]!;
    if (code !== 0) {
      h = Math.imul(h ^ code, HASH_PRIME);
      keyLength++;
    }
  }
  return keyLength >= 2 ? h : undefined;
}

/** `compareSpan` result bits. */
export const SPAN_KEY_EQUAL = 1;
/** Every key character has the same case as in the surface. */
export const SPAN_CASE_EXACT = 2;
/** The text splits the name only where the surface has a separator (or not at all). */
export const SPAN_SPLITS_AT_SEPARATORS = 4;

/**
 * Compares the key characters of `text[start, end)` with those of `surface`.
 * Returns 0 when the keys differ, else SPAN_KEY_EQUAL plus the other bits that hold.
 */
export function compareSpan(text: string, start: number, end: number, surface: string): number {
  let ti = start;
  let si = 0;
  const sn = surface.length;
  let result = SPAN_KEY_EQUAL | SPAN_CASE_EXACT | SPAN_SPLITS_AT_SEPARATORS;
  for (let first = true; ; first = false) {
    let textGap = false;
    let tw = 0;
    for (; ti < end; ti++) {
      const c = text.charCodeAt(ti);
      if (c < 128) {
        if (ASCII_KEY_CODE[c] !== 0) {
          tw = 1;
          break;
        }
        textGap = true;
      } else if ((tw = keyUnitWidth(text, ti)) !== 0) break;
      else if (classOf(c) !== CLASS_IGNORABLE) textGap = true;
    }
    let surfaceGap = false;
    let sw = 0;
    for (; si < sn; si++) {
      const c = surface.charCodeAt(si);
      if (c < 128) {
        if (ASCII_KEY_CODE[c] !== 0) {
          sw = 1;
          break;
        }
        surfaceGap = true;
      } else if ((sw = keyUnitWidth(surface, si)) !== 0) break;
      else if (classOf(c) !== CLASS_IGNORABLE) surfaceGap = true;
    }
    if (tw === 0 || sw === 0) return tw === sw ? result : 0;
    if (tw !== sw) return 0;
    if (textGap && !surfaceGap && !first) result &= ~SPAN_SPLITS_AT_SEPARATORS;
    for (let k = 0; k < tw; k++) {
      const a = text.charCodeAt(ti + k);
      const b = surface.charCodeAt(si + k);
      if (a === b) continue;
      if (tw === 2 || lowerOf(a) !== lowerOf(b)) return 0;
      result &= ~SPAN_CASE_EXACT;
    }
    ti += tw;
    si += sw;
  }
}

/** Length of the key of `surface` and whether it contains a digit. */
export function keyShape(surface: string): { length: number; hasDigit: boolean } {
  let length = 0;
  let hasDigit = false;
  for (let i = 0; i < surface.length; ) {
    const w = keyUnitWidth(surface, i);
    if (w === 0) {
      i++;
      continue;
    }
    if (shapeAt(surface, i) === SHAPE_DIGIT) hasDigit = true;
    length += w;
    i += w;
  }
  return { length, hasDigit };
}

/** The key of `surface`: lowercase, letters and digits only ("APT 28" → "apt28"). */
export function nameKey(surface: string): string {
  const codes: number[] = [];
  for (let i = 0; i < surface.length; ) {
    const w = keyUnitWidth(surface, i);
    if (w === 0) i++;
    else if (w === 1) codes.push(lowerOf(surface.charCodeAt(i++)));
    else {
      codes.push(surface.charCodeAt(i), surface.charCodeAt(i + 1));
      i += 2;
    }
  }
  return String.fromCharCode(...codes);
}

/** `matchKey` results. */
export const KEY_MISMATCH = 0;
/** The span is the key as one token. */
export const KEY_EQUAL = 1;
/** The span is the key split into several tokens ("Fancy Bear", "APT 28"). */
export const KEY_EQUAL_SPLIT = 2;

/** Keys longer than this have no {@link KeyForm} masks; compare them with compareSpan. */
export const MASKED_KEY_LENGTH = 31;

/**
 * The written form of a key, as bit masks over key positions 0..30: which characters are
 * upper case, and before which ones the text (or the name) has a separator.
 */
export interface KeyForm {
  upperMask: number;
  splitMask: number;
  /** {@link CASING_HAS_LOWER} and {@link CASING_LOWER_WORD_START} bits, for any key length. */
  casing: number;
}

/** Some letter is lower case. */
export const CASING_HAS_LOWER = 1;
/** Some word starts with a lower-case letter ("the Dukes", "cobalt"). */
export const CASING_LOWER_WORD_START = 2;

/**
 * Compares the key characters of `text[start, end)`, lowercased, with `key`; on a match,
 * writes the span's case and splits to `form`.
 */
export function matchKey(text: string, start: number, end: number, key: string, form: KeyForm): number {
  let k = 0;
  let upper = 0;
  let split = 0;
  let casing = 0;
  let gap = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    let code: number;
    if (c < 128) {
      code = ASCII_KEY_CODE[c]!;
      if (code === 0) {
        gap = true;
        continue;
      }
    } else {
      const w = keyUnitWidth(text, i);
      if (w === 0) {
        if (classOf(c) !== CLASS_IGNORABLE) gap = true;
        continue;
      }
      if (w === 2) {
        if (key.charCodeAt(k) !== c || key.charCodeAt(k + 1) !== text.charCodeAt(i + 1)) return KEY_MISMATCH;
        if (gap && k < 31) split |= 1 << k;
        gap = false;
        k += 2;
        i++;
        continue;
      }
      code = lowerOf(c);
    }
    if (key.charCodeAt(k) !== code) return KEY_MISMATCH;
    if (k < 31) {
      if (code !== c) upper |= 1 << k;
      if (gap) split |= 1 << k;
    }
    if (code === c && (c > 57 || c < 48)) casing |= k === 0 || gap ? CASING_HAS_LOWER | CASING_LOWER_WORD_START : CASING_HAS_LOWER;
    gap = false;
    k++;
  }
  if (k !== key.length) return KEY_MISMATCH;
  form.upperMask = upper;
  form.splitMask = split;
  form.casing = casing;
  return split !== 0 ? KEY_EQUAL_SPLIT : KEY_EQUAL;
}

/** The {@link KeyForm} of a name as written in the sources (its separators are its splits). */
export function surfaceForm(surface: string): KeyForm {
  const form: KeyForm = { upperMask: 0, splitMask: 0, casing: 0 };
  matchKey(surface, 0, surface.length, nameKey(surface), form);
  return form;
}
