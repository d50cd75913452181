import { describe, expect, it } from 'vitest';
import { bigramCodes, createBigramFilter } from '../../../utils/search/bigram-filter';
import { looseText } from '../../../utils/search/name-key';

describe('the bigram pre-filter', () => {
  const names = ['Lazarus Group', 'Hidden Cobra', 'Sandworm Team', 'APT28', 'Fancy Bear', 'Émotet'];
  const filter = createBigramFilter(names.map(looseText));

  it('keeps names sharing enough bigrams with a misspelling', () => {
    expect(filter.candidates('lazarsu')).toContain(0);
    expect(filter.candidates('sandwrom')).toContain(2);
    expect(filter.candidates('fancy baer')).toContain(4);
    expect(filter.candidates('lazarusgroup')).toContain(0);
  });

  it('drops names sharing none', () => {
    expect(filter.candidates('sandwrom')).not.toContain(3);
    expect(filter.candidates('qqq')).toEqual([]);
    expect(filter.candidates('')).toEqual([]);
  });

  it('maps characters outside [0-9a-z] to one shared slot (over-selects, never misses)', () => {
    expect(filter.candidates('émot')).toContain(5);
  });

  it('keeps only the names sharing the most bigrams when too many qualify', () => {
    const all = filter.candidates('lazarus group', 0.01, 100);
    expect(all.length).toBeGreaterThan(1);
    expect(filter.candidates('lazarus group', 0.01, 1)).toEqual([0]);
  });

  it('lists distinct bigrams once and skips spaces', () => {
    expect(bigramCodes('aaaa')).toHaveLength(1);
    expect(bigramCodes('ab cd')).toEqual(bigramCodes('abcd'));
  });
});
