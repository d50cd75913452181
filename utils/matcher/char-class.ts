/**
 * Character classes for the matcher, by UTF-16 code unit.
 * ASCII is answered from a 128-entry table; other code units are classified once (Latin and
 * General Punctuation by range, the rest with /[\p{L}\p{N}\p{M}]/u) and cached in a lazily
 * allocated 64K table (a pure memo).
 */

/** Not part of a name key: a separator, punctuation, space, emoji... */
export const CLASS_OTHER = 0;
/** A letter, digit or combining mark: part of a token and of a name key. */
export const CLASS_WORD = 1;
/** Soft hyphen and zero-width characters: inside a token they are skipped, never split it. */
export const CLASS_IGNORABLE = 2;
/** Han, kana, Hangul: a word character that is a token on its own (no spaces around it in CJK text). */
export const CLASS_CJK = 3;
/** First half of a surrogate pair: classify the pair with {@link astralIsWord}. */
export const CLASS_HIGH_SURROGATE = 4;

/** For ASCII code units: the lowercase code of a letter or digit, 0 for anything else. */
export const ASCII_KEY_CODE = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_KEY_CODE[c] = c;
for (let c = 65; c <= 90; c++) ASCII_KEY_CODE[c] = c + 32;
for (let c = 97; c <= 122; c++) ASCII_KEY_CODE[c] = c;

/**
 * For every code unit: the lowercase code of an ASCII letter or digit, 0 for anything else
 * (all of non-ASCII too). One load per character for the scanner's inner loop.
 */
export const UNIT_KEY_CODE = new Uint8Array(0x10000);
UNIT_KEY_CODE.set(ASCII_KEY_CODE);

const UNKNOWN = 255;
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

let classCache: Uint8Array | undefined;
let lowerCache: Uint16Array | undefined;
const astralCache = new Map<number, boolean>();

function isIgnorable(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/**
 * Latin-1 Supplement and Latin Extended-A/B (U+0080–U+024F), without the ignorable soft
 * hyphen: letters, and the superscripts and fractions that are \p{N}. Answered without the
 * Unicode-property expressions, whose compilation would otherwise be the cost of the first
 * "é" or "©" of nearly every page (tests/unit/matcher/char-class.test.ts checks it against them).
 */
function latinClass(c: number): number {
  if (c >= 0xc0) return c === 0xd7 || c === 0xf7 ? CLASS_OTHER : CLASS_WORD; // not × ÷
  return c === 0xaa || c === 0xb2 || c === 0xb3 || c === 0xb5 || c === 0xb9 || c === 0xba || (c >= 0xbc && c <= 0xbe) ? CLASS_WORD : CLASS_OTHER;
}

function classifyUncached(c: number): number {
  if (c < 128) return ASCII_KEY_CODE[c] ? CLASS_WORD : CLASS_OTHER;
  if (isIgnorable(c)) return CLASS_IGNORABLE;
  if (c < 0x250) return latinClass(c);
  // General Punctuation (spaces, dashes, quotes, bullets, format characters): no letter, digit or mark.
  if (c >= 0x2000 && c < 0x2070) return CLASS_OTHER;
  if (c >= 0xd800 && c <= 0xdbff) return CLASS_HIGH_SURROGATE;
  if (c >= 0xdc00 && c <= 0xdfff) return CLASS_OTHER;
  const ch = String.fromCharCode(c);
  if (!WORD_RE.test(ch)) return CLASS_OTHER;
  return CJK_RE.test(ch) ? CLASS_CJK : CLASS_WORD;
}

/** Class of a code unit (any value 0..0xFFFF). */
export function classOf(c: number): number {
  if (c < 128) return ASCII_KEY_CODE[c] ? CLASS_WORD : CLASS_OTHER;
  if (classCache === undefined) classCache = new Uint8Array(0x10000).fill(UNKNOWN);
  let k = classCache[c]!;
  if (k === UNKNOWN) {
    k = classifyUncached(c);
    classCache[c] = k;
  }
  return k;
}

/**
 * Lowercase of one code unit, as one code unit (a character whose lowercase is longer,
 * like U+0130, keeps its own code). Used identically for names and page text.
 */
export function lowerOf(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (lowerCache === undefined) lowerCache = new Uint16Array(0x10000);
  let l = lowerCache[c]!;
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    lowerCache[c] = l;
  }
  return l;
}

/** Whether the surrogate pair at `i` (high surrogate at i) is a letter, digit or mark. */
export function astralIsWord(s: string, i: number): boolean {
  const lo = s.charCodeAt(i + 1);
  if (!(lo >= 0xdc00 && lo <= 0xdfff)) return false;
  const cp = s.codePointAt(i)!;
  let w = astralCache.get(cp);
  if (w === undefined) {
    w = WORD_RE.test(String.fromCodePoint(cp));
    astralCache.set(cp, w);
  }
  return w;
}

/**
 * Width in code units of the key character at `i` (1, or 2 for an astral letter), or 0
 * when the code unit at `i` is not part of a name key (separators, ignorables, emoji).
 */
export function keyUnitWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII_KEY_CODE[c] ? 1 : 0;
  const k = classOf(c);
  if (k === CLASS_WORD || k === CLASS_CJK) return 1;
  if (k === CLASS_HIGH_SURROGATE) return astralIsWord(s, i) ? 2 : 0;
  return 0;
}

/** Whether the code unit at `i` belongs to a word (also true for the low half of an astral letter). */
export function isWordAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && classOf(s.charCodeAt(i - 1)) === CLASS_HIGH_SURROGATE && astralIsWord(s, i - 1);
  return keyUnitWidth(s, i) > 0;
}

/** Letter shapes used for name boundaries: camelCase and letter/digit changes. */
export const SHAPE_LOWER = 1;
export const SHAPE_UPPER = 2;
export const SHAPE_DIGIT = 3;
export const SHAPE_CJK = 4;

/** For ASCII code units: the shape of a letter or digit, 0 for anything else. */
export const ASCII_SHAPE = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_SHAPE[c] = SHAPE_DIGIT;
for (let c = 65; c <= 90; c++) ASCII_SHAPE[c] = SHAPE_UPPER;
for (let c = 97; c <= 122; c++) ASCII_SHAPE[c] = SHAPE_LOWER;

const DIGIT_RE = /\p{N}/u;

/** Shape of the key character at `i` (known to be a key unit). */
export function shapeAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII_SHAPE[c]!;
  const k = classOf(c);
  if (k === CLASS_CJK) return SHAPE_CJK;
  if (k === CLASS_HIGH_SURROGATE) return SHAPE_LOWER;
  if (lowerOf(c) !== c) return SHAPE_UPPER;
  return DIGIT_RE.test(String.fromCharCode(c)) ? SHAPE_DIGIT : SHAPE_LOWER;
}
