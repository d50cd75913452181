// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Searcher } from '../../../utils/search/create-searcher';
import { resolveLookup } from '../../../utils/search/resolve-lookup';
import { realSearcher, SOURCES } from './real-search-index';

describe.skipIf(!SOURCES)('what the lookup page shows, on the real index', () => {
  let searcher: Searcher;
  beforeAll(async () => {
    searcher = await realSearcher();
  });

  it('shows the profile of an exact, unambiguous match', () => {
    const r = resolveLookup(searcher, 'G0001');
    expect(r.type === 'profile' && r.hit.doc.id).toBe('G0001');
  });

  it('shows the better attested owner of a shared alias, naming the others', () => {
    const r = resolveLookup(searcher, 'Group 72');
    expect(r.type).toBe('profile');
    if (r.type !== 'profile') return;
    expect(r.hit.doc.name).toBe('Axiom');
    expect(r.others.map((h) => h.doc.id)).toContain('G0025');
  });

  it('shows the primary name over an alias of another actor', () => {
    const r = resolveLookup(searcher, 'Axiom');
    expect(r.type === 'profile' && r.hit.doc.id).toBe('G0001');
  });

  it('lets the reader choose when the same name is equally good for several entities', () => {
    const r = resolveLookup(searcher, 'Spearphishing Attachment');
    expect(r.type === 'choose' && r.reason).toBe('ambiguous');
  });

  it('lets the reader choose when nothing matches exactly', () => {
    const r = resolveLookup(searcher, 'lazarsu');
    expect(r.type === 'choose' && r.reason).toBe('inexact');
    expect(r.type === 'choose' && r.hits[0]?.doc.id).toBe('G0032');
  });

  it('says nothing matches and offers the closest names', () => {
    const r = resolveLookup(searcher, 'Sandwurmm Teem');
    expect(r.type === 'none' || r.type === 'choose').toBe(true);
    const none = resolveLookup(searcher, 'qqqzzzxxx');
    expect(none.type).toBe('none');
  });
});
