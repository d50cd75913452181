import { describe, expect, it } from 'vitest';
import { boundQuery, lookupSearch, MAX_QUERY_LENGTH, readLookupQuery } from '../../../utils/search/lookup-query';

describe('lookup queries from untrusted text', () => {
  it('trims, collapses whitespace and bounds the length', () => {
    expect(boundQuery('  APT\n\t28  ')).toBe('APT 28');
    expect(boundQuery('x'.repeat(500))).toHaveLength(MAX_QUERY_LENGTH);
    expect(boundQuery(null)).toBe('');
  });

  it('reads q from the URL search part', () => {
    expect(readLookupQuery('?q=Group%2072')).toBe('Group 72');
    expect(readLookupQuery('?q=%3Cimg%20src%3Dx%3E')).toBe('<img src=x>');
    expect(readLookupQuery('')).toBe('');
    expect(readLookupQuery(`?q=${'a'.repeat(300)}`)).toHaveLength(100);
  });

  it('round-trips through lookupSearch', () => {
    const q = 'T1566.001 & <b>"x"</b>';
    expect(readLookupQuery(lookupSearch(q))).toBe(q);
  });
});
