// @vitest-environment node
/**
 * Search ranking against the real index. Locally: TI_SOURCES_DIR=../shared/data npx vitest run tests/unit/search
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Searcher } from '../../../utils/search/create-searcher';
import { flattenGroups, groupHits } from '../../../utils/search/group-hits';
import { realSearcher, SOURCES } from './real-search-index';

describe.skipIf(!SOURCES)('search ranking on the real index', () => {
  let searcher: Searcher;
  const top = (q: string) => searcher.search(q)[0]?.doc.id;
  const ids = (q: string) => searcher.search(q).map((h) => h.doc.id);

  beforeAll(async () => {
    searcher = await realSearcher();
  });

  it.each([
    ['t1566.001', 'T1566.001'],
    ['T1566', 'T1566'],
    ['G0001', 'G0001'],
    ['g0001', 'G0001'],
    [' s0013 ', 'S0013'],
    ['ta0001', 'TA0001'],
    ['group 72', 'G0001'],
    ['Group72', 'G0001'],
    ['APT 28', 'G0007'],
    ['apt-28', 'G0007'],
    ['Fancy Bear', 'G0007'],
    ['fancybear', 'G0007'],
    ['Axiom', 'G0001'],
    ['PlugX', 'S0013'],
    ['Mimikatz', 'S0002'],
  ])('puts the exact entity first for %j', (query, id) => {
    expect(top(query)).toBe(id);
  });

  it('lists the sub-techniques after a technique ID', () => {
    expect(ids('T1566').slice(0, 5)).toEqual(['T1566', 'T1566.001', 'T1566.002', 'T1566.003', 'T1566.004']);
  });

  it('does not fuzzy-match IDs: an exact ID stands alone', () => {
    expect(ids('t1566.001')).toEqual(['T1566.001']);
  });

  it('follows a revoked ID to its replacement', () => {
    const [hit] = searcher.search('T1086');
    expect(hit?.doc.id).toBe('T1059.001');
    expect(hit?.redirectedFrom).toBe('T1086');
  });

  it('ranks the better attested owner of a shared alias first and keeps the other', () => {
    const hits = searcher.search('group 72');
    expect(hits[0]?.alias).toBe('Group 72');
    expect(hits.map((h) => h.doc.id)).toContain('G0025');
  });

  it.each([
    ['lazarsu', 'G0032'],
    ['sandwrom', 'G0034'],
    ['Lazarus Gorup', 'G0032'],
    ['kimsky', 'G0094'],
    ['mimikats', 'S0002'],
    ['cobalt strik', 'S0154'],
  ])('finds %j despite the misspelling', (query, id) => {
    expect(top(query)).toBe(id);
  });

  it('finds techniques whose names contain "phishing", the exact name first', () => {
    const found = ids('phishing');
    expect(found[0]).toBe('T1566');
    expect(found).toEqual(expect.arrayContaining(['T1566.001', 'T1566.002', 'T1598', 'T1660']));
  });

  it('finds PowerShell techniques for "powershell"', () => {
    const found = ids('powershell');
    expect(found[0]).toBe('T1059.001');
    expect(found).toContain('T1546.013');
  });

  it('prefers the enterprise technique when names repeat across matrices', () => {
    expect(ids('spearphishing attachment').slice(0, 3)).toEqual(['T1566.001', 'T1598.002', 'T0865']);
  });

  it('finds a sub-technique by "parent: name"', () => {
    expect(top('Phishing: Spearphishing Link')).toBe('T1566.002');
  });

  it('finds tactics by name', () => {
    expect(top('initial access')).toBe('TA0001');
  });

  it('finds campaigns', () => {
    expect(top('Operation Dream Job')).toBe('C0022');
  });

  it('returns nothing for gibberish or blank queries, and offers closest names on request', () => {
    expect(searcher.search('xqzwvkj')).toEqual([]);
    expect(searcher.search('   ')).toEqual([]);
    expect(searcher.search('!!!')).toEqual([]);
    expect(searcher.closest('Sandwurmm').map((h) => h.doc.id)).toContain('G0034');
  });

  it('returns at most 25 hits, grouped by kind with the best hit first', () => {
    const hits = searcher.search('ap');
    expect(hits.length).toBeLessThanOrEqual(25);
    const groups = groupHits(searcher.search('apt'));
    expect(new Set(groups.map((g) => g.kind)).size).toBe(groups.length);
    expect(flattenGroups(groups)[0]).toEqual(searcher.search('apt')[0]);
  });

  it('never searches descriptions', () => {
    // "Novetta" appears in Axiom's description and references only.
    expect(ids('Novetta')).not.toContain('G0001');
  });
});
