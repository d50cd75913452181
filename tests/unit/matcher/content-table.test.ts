// @vitest-environment node
/**
 * The table as the content script carries it (utils/matcher/content-table.ts): the same
 * matches as the whole table, and the lookup part (names, entities, IDs) parsed only when a
 * page's text first needs it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emitNameHashes } from '../../../data/emit/matcher-hashes';
import { contentMatcherTable, splitMatcherTable } from '../../../utils/matcher/content-table';
import { createMatcher, type Match } from '../../../utils/matcher/matcher';
import { fixtureTable } from './fixtures';

const whole = { ...fixtureTable, nameHashes: emitNameHashes(fixtureTable.names) };
const describeMatches = (matches: Match[]) => matches.map((m) => [m.text, m.kind, m.ids, m.common]);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the content table', () => {
  it('matches exactly like the whole table', () => {
    const matcher = createMatcher(contentMatcherTable(splitMatcherTable(whole)));
    const text = 'APT 28 (Fancy Bear, G0007) used T1566.001 and PlugX; the Axiom group and TEMP.Veles; at noon.';
    expect(describeMatches(matcher.findAll(text))).toEqual(describeMatches(createMatcher(whole).findAll(text)));
    expect(matcher.findAll(text).length).toBeGreaterThan(4);
  });

  it('parses the lookup part on the first candidate, not before', () => {
    const texts = splitMatcherTable(whole);
    const parse = vi.spyOn(JSON, 'parse');
    const matcher = createMatcher(contentMatcherTable(texts));
    expect(matcher.findAll('Quarterly revenue grew while the board met in the new office on 12 May.')).toEqual([]);
    expect(parse.mock.calls.map(([text]) => text)).toEqual([texts.scan]);

    expect(matcher.findAll('Then APT28 came.').map((m) => m.ids[0])).toEqual(['G0007']);
    expect(parse.mock.calls.map(([text]) => text)).toEqual([texts.scan, texts.lookup]);
  });

  it('parses the lookup part for an ID-shaped token', () => {
    const texts = splitMatcherTable(whole);
    const parse = vi.spyOn(JSON, 'parse');
    const matcher = createMatcher(contentMatcherTable(texts));
    expect(matcher.findAll('See T1566.001.').map((m) => m.text)).toEqual(['T1566.001']);
    expect(parse.mock.calls.map(([text]) => text)).toEqual([texts.scan, texts.lookup]);
  });
});
