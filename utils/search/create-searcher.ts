import { parseAttackId } from '../index-data/entity-id';
import { createBigramFilter } from './bigram-filter';
import { CLOSEST_FUSE_OPTIONS, FUSE_OPTIONS } from './fuse-config';
import { createFuzzySearch, type FuzzySearch } from './fuzzy-search';
import { attackIdPrefix, looseText, nameKey } from './name-key';
import type { SearchDoc, SearchIndexFile } from './search-doc';
import { compareHits, type MatchTier, type SearchHit } from './search-hit';

/** About what the popup shows: enough to choose from, few enough to scan. */
export const DEFAULT_LIMIT = 25;
const FUZZY_CANDIDATES = 40;
const CLOSEST_MIN_SHARE = 0.2;

export interface Searcher {
  readonly docs: readonly SearchDoc[];
  get(id: string): SearchDoc | undefined;
  /** Ranked hits: IDs and exact names first, then names containing the words, then fuzzy. */
  search(query: string, limit?: number): SearchHit[];
  /** Looser fuzzy matches, for "did you mean" when `search` finds nothing. */
  closest(query: string, limit?: number): SearchHit[];
  /** Builds the fuzzy tables now (else the first fuzzy query does): call when idle. */
  prepare(): void;
}

/**
 * Builds the searcher over a prebuilt index: names come normalised and the Fuse index
 * ready (Fuse.parseIndex only); the fuzzy pre-filter is built on first need.
 */
export function createSearcher(file: SearchIndexFile): Searcher {
  const { docs, names } = file;
  const byId = new Map(docs.map((d, i) => [d.id, i]));
  const redirects = new Map(file.redirects);
  /** Name key (looseText without spaces) -> name indices. */
  const byNameKey = new Map<string, number[]>();
  for (let n = 0; n < names.text.length; n++) {
    const key = names.text[n]!.replaceAll(' ', '');
    const list = byNameKey.get(key);
    if (list) list.push(n);
    else byNameKey.set(key, [n]);
  }
  let fuzzy: FuzzySearch | undefined;
  const fuzzySearch = () => (fuzzy ??= createFuzzySearch(docs, names, file.fuse, createBigramFilter(names.text)));

  const hitOfDoc = (order: number, tier: MatchTier, score: number): SearchHit => ({ doc: docs[order]!, order, tier, score });
  const hitOfName = (n: number, tier: MatchTier, score: number): SearchHit => {
    const hit = hitOfDoc(names.doc[n]!, tier, score);
    const alias = names.alias[n]!;
    return alias < 0 ? hit : { ...hit, alias: hit.doc.aliases[alias]!, aliasWeight: hit.doc.aliasWeights?.[alias] ?? 2 };
  };

  function search(query: string, limit = DEFAULT_LIMIT): SearchHit[] {
    const text = looseText(query);
    if (!text) return [];
    const hits = new Map<string, SearchHit>();
    const add = (hit: SearchHit) => {
      const known = hits.get(hit.doc.id);
      if (!known || compareHits(hit, known) < 0) hits.set(hit.doc.id, hit);
    };

    const id = parseAttackId(query);
    if (id) addId(id, add);
    for (const n of byNameKey.get(nameKey(query)) ?? []) add(hitOfName(n, 'name', 0));
    const prefix = attackIdPrefix(query);
    if (prefix) docs.forEach((doc, i) => doc.id.startsWith(prefix) && add(hitOfDoc(i, 'id-prefix', doc.id.length)));
    // An ID or ID prefix that names something stands alone: fuzzy IDs ("T1546.001" for "T1566.001") are noise.
    if (!prefix || hits.size === 0) {
      if (text.length >= 2) addNameMatches(text, add);
      if (text.length >= 3 && hits.size < limit) {
        for (const m of fuzzySearch()(query, FUSE_OPTIONS, FUZZY_CANDIDATES)) add(hitOfDoc(m.order, 'fuzzy', m.score));
      }
    }
    return [...hits.values()].sort(compareHits).slice(0, limit);
  }

  function addId(id: string, add: (hit: SearchHit) => void) {
    const order = byId.get(id);
    if (order !== undefined) return add(hitOfDoc(order, 'id', 0));
    const target = byId.get(redirects.get(id) ?? '');
    if (target !== undefined) add({ ...hitOfDoc(target, 'id', 0), redirectedFrom: id });
  }

  /** Names starting with the query or with a word starting with it; then names containing it or all its words. */
  function addNameMatches(text: string, add: (hit: SearchHit) => void) {
    const words = text.split(' ');
    for (let n = 0; n < names.text.length; n++) {
      const name = names.text[n]!;
      const at = name.indexOf(text);
      if (at === 0 || (at > 0 && name.charCodeAt(at - 1) === 32)) add(hitOfName(n, 'word', name.length));
      else if (text.length >= 3 && (at > 0 || (words.length > 1 && words.every((w) => name.includes(w)))))
        add(hitOfName(n, 'substring', name.length));
    }
  }

  return {
    docs,
    get: (id) => docs[byId.get(id) ?? -1],
    search,
    closest: (query, limit = 5) =>
      looseText(query).length < 2
        ? []
        : fuzzySearch()(query, CLOSEST_FUSE_OPTIONS, limit, CLOSEST_MIN_SHARE).map((m) => hitOfDoc(m.order, 'fuzzy', m.score)),
    prepare: () => void fuzzySearch(),
  };
}
