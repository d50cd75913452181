import { describe, expect, it } from 'vitest';
import { CLASS_CJK, CLASS_IGNORABLE, CLASS_OTHER, CLASS_WORD, classOf, UNIT_KEY_CODE, ASCII_KEY_CODE } from '../../../utils/matcher/char-class';

const WORD = /[\p{L}\p{N}\p{M}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const IGNORABLE = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

/** The classification the Unicode-property expressions give (what classOf caches). */
function byProperties(c: number): number {
  if (IGNORABLE.has(c)) return CLASS_IGNORABLE;
  const ch = String.fromCharCode(c);
  if (!WORD.test(ch)) return CLASS_OTHER;
  return CJK.test(ch) ? CLASS_CJK : CLASS_WORD;
}

describe('classOf', () => {
  it('answers Latin-1, Latin Extended and General Punctuation by range exactly as the Unicode properties do', () => {
    const wrong: string[] = [];
    for (let c = 0x80; c < 0x2070; c++) {
      if (c >= 0x250 && c < 0x2000) continue;
      if (classOf(c) !== byProperties(c)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('classifies other scripts with the Unicode properties', () => {
    for (const c of [0x416, 0x5d0, 0x627, 0x4e00, 0x3042, 0xac00, 0x301, 0x660, 0x2070, 0x2153, 0x1f600 & 0xffff]) expect(classOf(c), c.toString(16)).toBe(byProperties(c));
  });
});

describe('UNIT_KEY_CODE', () => {
  it('is ASCII_KEY_CODE for ASCII and 0 for every other code unit', () => {
    for (let c = 0; c < 128; c++) expect(UNIT_KEY_CODE[c]).toBe(ASCII_KEY_CODE[c]);
    expect(UNIT_KEY_CODE.subarray(128).every((k) => k === 0)).toBe(true);
  });
});
