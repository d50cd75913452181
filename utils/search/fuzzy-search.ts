import Fuse, { type IFuseOptions } from 'fuse.js';
import type { BigramFilter } from './bigram-filter';
import { looseText } from './name-key';
import type { SearchDoc, SearchNameTable, SerializedFuseIndex } from './search-doc';

export interface FuzzyMatch {
  doc: SearchDoc;
  /** Index of the document in the index. */
  order: number;
  /** Fuse score: 0 perfect, 1 no match. */
  score: number;
}

export type FuzzySearch = (query: string, options: IFuseOptions<SearchDoc>, limit: number, minShare?: number) => FuzzyMatch[];

type IndexRecord = Parameters<typeof Fuse.parseIndex>[0]['records'][number];
type IndexKeys = Parameters<typeof Fuse.parseIndex>[0]['keys'];
type SubRecord = { v: string; i?: number; n: number };

/** Positions of SEARCH_KEYS in the serialized records: 0 = name, 1 = aliases. */
const NAME_KEY = 0;
const ALIASES_KEY = 1;

/**
 * Fuse over the prebuilt index, restricted per query to the names the bigram filter keeps:
 * each candidate document's record carries only its candidate name and aliases, so Fuse
 * scores a hundred-odd strings instead of every name and alias on every keystroke.
 */
export function createFuzzySearch(
  docs: readonly SearchDoc[],
  names: SearchNameTable,
  serialized: SerializedFuseIndex,
  filter: BigramFilter,
): FuzzySearch {
  const keys = serialized.keys as IndexKeys;
  const recordOf: (IndexRecord | undefined)[] = [];
  for (const record of serialized.records as IndexRecord[]) recordOf[record.i] = record;

  /** Records holding only the candidate names: the primary name (or "Parent: name") and the aliases that qualified. */
  const narrowedRecords = (candidates: readonly number[]): IndexRecord[] => {
    const wanted = new Map<number, { name: boolean; aliases: Set<number> }>();
    for (const n of candidates) {
      const doc = names.doc[n]!;
      const entry = wanted.get(doc) ?? { name: false, aliases: new Set<number>() };
      if (names.alias[n]! < 0) entry.name = true;
      else entry.aliases.add(names.alias[n]!);
      wanted.set(doc, entry);
    }
    const records: IndexRecord[] = [];
    for (const [doc, entry] of wanted) {
      const full = recordOf[doc]?.$;
      if (!full) continue;
      const $: Record<number, SubRecord | SubRecord[]> = {};
      if (entry.name && full[NAME_KEY]) $[NAME_KEY] = full[NAME_KEY];
      const aliases = full[ALIASES_KEY];
      if (entry.aliases.size && Array.isArray(aliases)) $[ALIASES_KEY] = aliases.filter((a) => entry.aliases.has(a.i ?? -1));
      records.push({ i: doc, $ });
    }
    return records;
  };

  return (query, options, limit, minShare) => {
    const records = narrowedRecords(filter.candidates(looseText(query), minShare));
    if (!records.length) return [];
    const fuse = new Fuse(docs, options, Fuse.parseIndex<SearchDoc>({ keys, records }));
    return fuse.search(query, { limit }).map((r) => ({ doc: r.item, order: r.refIndex, score: r.score ?? 1 }));
  };
}
