/**
 * Whole-token rules around a candidate match `text[start, end)`: never inside a URL, an
 * e-mail address, a defanged indicator, a domain or file name, or glued to '.', '_', '@',
 * '\', '[' or a leading '-'. Runs for every candidate hit, so it scans characters and
 * allocates nothing.
 */
import { ASCII_KEY_CODE, CLASS_IGNORABLE, CLASS_WORD, classOf, isWordAt } from './char-class';

/** How far around a match the surrounding chunk (run of non-space characters) is examined. */
const CHUNK_LIMIT = 256;

const DOT = 46;
const SLASH = 47;
const BACKSLASH = 92;
const UNDERSCORE = 95;
const AT = 64;
const COLON = 58;
const OPEN_BRACKET = 91;

function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIgnorable(c: number): boolean {
  return c >= 128 && classOf(c) === CLASS_IGNORABLE;
}

/** A letter or digit (ASCII fast path). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_KEY_CODE[c] !== 0;
  return isWordAt(text, i);
}

/** Ends a chunk: white space, quotes, angle brackets, CJK text and punctuation. */
function isChunkDelimiter(c: number): boolean {
  if (c <= 32) return true;
  if (c < 128) return c === 34 || c === 60 || c === 62;
  if (c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029) return true;
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb) return true;
  // CJK text and punctuation: ideographs are not word characters here.
  return c >= 0x3000 && classOf(c) !== CLASS_WORD;
}

/** Characters of host and file names: letters, digits, '-', '_', '.'. */
function isNameRunChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_KEY_CODE[c] !== 0 || c === DOT || c === UNDERSCORE || c === 45;
  return isHyphen(c) || isIgnorable(c) || isWordAt(text, i);
}

/** A '.' at `i` between a word character and a letter: "x.com", "a.exe" (not "T1059.001", not "end."). */
function isDomainDot(text: string, i: number): boolean {
  return text.charCodeAt(i) === DOT && i > 0 && isWordChar(text, i - 1) && i + 1 < text.length && isWordChar(text, i + 1) && !isDigit(text.charCodeAt(i + 1));
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Whether `text` at `i` starts with the lower-case ASCII `word`, in any case. */
function startsWithAnyCase(text: string, i: number, word: string): boolean {
  if (i + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) if (lower(text.charCodeAt(i + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** URL, e-mail and defanging markers at `i`: "://", "@", "[.]", "(.)", "[:]", "[dot]", "hxxp", "www.". */
function isUrlMarker(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  switch (c) {
    case AT:
      return true;
    case COLON:
      return text.charCodeAt(i + 1) === SLASH && text.charCodeAt(i + 2) === SLASH;
    case OPEN_BRACKET:
    case 40: // (
    case 123: {
      // {
      const d = text.charCodeAt(i + 1);
      const close = text.charCodeAt(i + 2);
      if ((d === DOT || d === COLON || d === AT) && (close === 93 || close === 41 || close === 125)) return true;
      return c === OPEN_BRACKET && (startsWithAnyCase(text, i + 1, 'dot]') || startsWithAnyCase(text, i + 1, 'at]'));
    }
    case 72:
    case 104:
      return startsWithAnyCase(text, i, 'hxxp');
    case 87:
    case 119:
      return startsWithAnyCase(text, i, 'www.');
    default:
      return false;
  }
}

/**
 * "APT10/Stone Panda", "Sandworm/APT44": one slash between two words, in a chunk that is not a
 * path ("/usr/bin/x", "attack.mitre.org/techniques/T1059/").
 */
function isNameAlternative(text: string, from: number, to: number): boolean {
  let slash = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === SLASH) {
      if (slash >= 0) return false;
      slash = i;
    } else if (c === BACKSLASH || c === COLON || isDomainDot(text, i)) return false;
  }
  return slash > 0 && isWordChar(text, slash - 1) && slash + 1 < to && isWordChar(text, slash + 1);
}

/**
 * Whether the run of name characters around the match, within its chunk `[from, to)`, holds a
 * domain-like dot outside the match. Staying inside the chunk matters where the chunk ends
 * at CJK text: "攻击者使用cdn.example.com的APT28" names APT28.
 */
function inHostOrFileName(text: string, start: number, end: number, from: number, to: number): boolean {
  for (let i = start - 1; i >= from && isNameRunChar(text, i); i--) if (isDomainDot(text, i)) return true;
  for (let i = end; i < to && isNameRunChar(text, i); i++) if (isDomainDot(text, i)) return true;
  return false;
}

/** Whether a match at `text[start, end)` stands as a whole token in prose. */
export function isStandaloneToken(text: string, start: number, end: number): boolean {
  // Fast path, most matches in prose: " Name " or " Name, " / " Name. " / " Name) ".
  const before = start > 0 ? text.charCodeAt(start - 1) : 32;
  if (before === 32 || before === 40) {
    const after = end < text.length ? text.charCodeAt(end) : 32;
    if (after === 32) return true;
    if ((after === 44 || after === 46 || after === 41 || after === 59) && (end + 1 === text.length || text.charCodeAt(end + 1) === 32)) return true;
  }
  let slashAdjacent = false;
  let p = start - 1;
  while (p >= 0 && isIgnorable(text.charCodeAt(p))) p--;
  if (p >= 0) {
    const c = text.charCodeAt(p);
    if (c === DOT || c === UNDERSCORE || c === OPEN_BRACKET || c === BACKSLASH || c === AT || isHyphen(c)) return false;
    if (c === SLASH) slashAdjacent = true;
  }
  let q = end;
  while (q < text.length && isIgnorable(text.charCodeAt(q))) q++;
  if (q < text.length) {
    const c = text.charCodeAt(q);
    if (c === UNDERSCORE || c === AT || c === BACKSLASH) return false;
    if (c === SLASH) slashAdjacent = true;
    // "Turla.dll", "T1059.1": a dot followed by a word character. "Sandworm-Gruppe" is fine, "Storm-0501" is not "Storm".
    if (c === DOT && q + 1 < text.length && isWordChar(text, q + 1)) return false;
    if (isHyphen(c) && isDigit(text.charCodeAt(q + 1))) return false;
  }

  let from = start;
  const minFrom = Math.max(0, start - CHUNK_LIMIT);
  while (from > minFrom && !isChunkDelimiter(text.charCodeAt(from - 1))) from--;
  let to = end;
  const maxTo = Math.min(text.length, end + CHUNK_LIMIT);
  while (to < maxTo && !isChunkDelimiter(text.charCodeAt(to))) to++;
  if (from === start && to === end) return true;
  for (let i = from; i < to; i++) if (isUrlMarker(text, i)) return false;
  if (slashAdjacent && !isNameAlternative(text, from, to)) return false;
  return !inHostOrFileName(text, start, end, from, to);
}
