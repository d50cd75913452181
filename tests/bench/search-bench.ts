/**
 * Popup search rows: the prebuilt index's size, the time to load it (JSON.parse + createSearcher,
 * what the popup pays before search is usable) and the time of each search while typing
 * realistic queries character by character, over the full index.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileIndex } from '../../data/compile-index';
import { emitSearchIndex } from '../../data/emit/search-index';
import { loadSourceDocuments } from '../../data/load-sources';
import { resolveSourcesDir } from '../../data/source-dir';
import { createSearcher } from '../../utils/search/create-searcher';
import type { SearchIndexFile } from '../../utils/search/search-doc';
import type { BenchModule, BenchRow } from './bench-module';
import { time } from './timing';

const GROUP = 'popup search';
const GENERATED_INDEX = fileURLToPath(new URL('../../data/generated/public/search/search-index.json', import.meta.url));

/** What analysts type: names, aliases, IDs, misspellings, technique words. */
export const REALISTIC_QUERIES = [
  'group 72', 'APT28', 'fancy bear', 'cozy bear', 'lazarus', 'lazarsu', 'sandwrom', 'kimsuky', 'turla',
  'midnight blizzard', 'volt typhoon', 'charming kitten', 'oceanlotus', 'winnti', 'T1566.001', 'G0016', 's0013',
  'phishing', 'powershell', 'spearphishing link', 'scheduled task', 'credential dumping', 'initial access',
  'mimikatz', 'cobalt strike', 'emotet', 'qakbot', 'operation dream job', 'ransomware', 'xqzwv',
];

async function indexJson(): Promise<{ json: string; source: string }> {
  if (existsSync(GENERATED_INDEX)) return { json: readFileSync(GENERATED_INDEX, 'utf8'), source: 'data/generated (last build)' };
  const index = compileIndex(await loadSourceDocuments(resolveSourcesDir()));
  return { json: JSON.stringify(emitSearchIndex(index)), source: 'compiled from the sources' };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Every prefix of every query, as typed one key at a time. */
export function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

async function run(): Promise<BenchRow[]> {
  const { json, source } = await indexJson();
  const load = () => createSearcher(JSON.parse(json) as SearchIndexFile);

  const t0 = performance.now();
  const searcher = load();
  const firstLoad = performance.now() - t0;
  const t1 = performance.now();
  searcher.search('lazrus grop');
  const firstFuzzy = performance.now() - t1;
  const loadMedian = time(load, 15, 3).median;

  const typed = keystrokes(REALISTIC_QUERIES);
  for (const q of typed) searcher.search(q);
  const times = typed.map((q) => {
    const t = performance.now();
    searcher.search(q);
    return performance.now() - t;
  });
  times.sort((a, b) => a - b);
  const median = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);

  return [
    { group: GROUP, metric: 'index', value: searcher.docs.length, unit: 'entities', note: source },
    { group: GROUP, metric: 'index size (JSON)', value: Buffer.byteLength(json) / 1024, unit: 'KB' },
    { group: GROUP, metric: 'load: JSON.parse + createSearcher, median', value: loadMedian, unit: 'ms', target: '< 50', pass: loadMedian < 50 },
    { group: GROUP, metric: 'load, first call', value: firstLoad, unit: 'ms', note: 'cold JIT' },
    { group: GROUP, metric: 'first fuzzy query (builds the pre-filter)', value: firstFuzzy, unit: 'ms', note: 'the popup runs it when idle' },
    { group: GROUP, metric: `keystroke search, median (${typed.length} prefixes)`, value: median, unit: 'ms', target: '< 10', pass: median < 10 },
    { group: GROUP, metric: 'keystroke search, p95', value: p95, unit: 'ms', target: '< 10', pass: p95 < 10 },
    { group: GROUP, metric: 'keystroke search, max', value: times[times.length - 1]!, unit: 'ms' },
  ];
}

export const searchBench: BenchModule = { name: 'popup search', run };
