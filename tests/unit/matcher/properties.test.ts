import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotatableSurfaces } from './fixtures';
import { matcher } from './match-helpers';

const words = ['the', 'group', 'used', 'Cobalt', 'strike', 'Lazarus', 'at', 'T1566', 'T1566.001', 'T1566.002', 'TA0001', 'G0001', 'bear', 'Fancy', 'panda', 'évité', 'Straße', 'ПлагИкс', '组织', 'は', '😀', '𝒜', 'x'];
const separators = [' ', '  ', '\u00a0', '-', '.', ',', '/', '\\', '@', '_', '[.]', '://', "'s ", '’s ', '\n', '\u00ad', '\u200b', '(', ')', '"', ''];

const piece = fc.oneof(
  fc.constantFrom(...annotatableSurfaces),
  fc.constantFrom(...words),
  fc.constantFrom(...separators),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('findAll properties', () => {
  it('returns sorted, non-overlapping, in-bounds matches whose text is the slice', () => {
    fc.assert(
      fc.property(text, (t) => {
        const matches = matcher.findAll(t);
        let previousEnd = 0;
        for (const m of matches) {
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(t.length);
          expect(t.slice(m.start, m.end)).toBe(m.text);
          expect(m.ids.length).toBeGreaterThan(0);
          previousEnd = m.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every annotatable name standing alone between spaces', () => {
    fc.assert(
      fc.property(fc.constantFrom(...annotatableSurfaces), fc.constantFrom(' ', '\n', '('), (name, before) => {
        const t = `word${before}${name} word`;
        expect(matcher.findAll(t).map((m) => m.text)).toEqual([name]);
      }),
    );
  });

  it('never matches a name glued inside a longer word', () => {
    fc.assert(
      fc.property(fc.constantFrom(...annotatableSurfaces), fc.constantFrom('x', 'Ä', '9', 'é'), (name, glue) => {
        expect(matcher.findAll(`${glue}${name}`).filter((m) => m.start === glue.length)).toEqual([]);
        expect(matcher.findAll(`${name}${glue}`).filter((m) => m.end === name.length)).toEqual([]);
      }),
    );
  });
});
