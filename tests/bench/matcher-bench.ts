/**
 * Matcher rows: throughput on generated threat-report text (and on the shared dev corpus when
 * present) side by side with a RegExp alternation and a per-name RegExp loop, construction
 * time and table size. Throughputs are the best of several runs (the machine may be shared);
 * medians are in the notes.
 */
import { emitNameHashes } from '../../data/emit/matcher-hashes';
import { createMatcher, type TextMatcher } from '../../utils/matcher/matcher';
import type { MatcherTable } from '../../utils/matcher/table';
import type { BenchModule, BenchRow } from './bench-module';
import { corpusParagraphs } from './corpus-text';
import { loadTable } from './load-table';
import { alternationScanner, perNameScanner, type TextScanner } from './regex-baselines';
import { reportParagraphs } from './report-text';
import { syntheticTable } from './synthetic-table';
import { megabytes, time } from './timing';

const GROUP = 'matcher';
const REPORT_CHARS = 8_000_000;
/** Share of sentences with names: ~4,000 matches/MB like the dev corpus; and a dense stress case. */
const REALISTIC_SHARE = 0.28;
const DENSE_SHARE = 0.7;
/** The per-name loop is measured on this much text and normalised to MB/s. */
const PER_NAME_SLICE_CHARS = 100_000;
const CORPUS_REPEAT = 20;
const RUNS = 7;

function matcherScanner(matcher: TextMatcher): TextScanner {
  return {
    count(texts) {
      let n = 0;
      for (const t of texts) n += matcher.findAll(t).length;
      return n;
    },
  };
}

function sliceParagraphs(paragraphs: readonly string[], chars: number): string[] {
  const out: string[] = [];
  let total = 0;
  for (const p of paragraphs) {
    if (total >= chars) break;
    out.push(p);
    total += p.length;
  }
  return out;
}

interface Throughput {
  best: number;
  median: number;
}

function throughput(scanner: TextScanner, texts: readonly string[], runs = RUNS): Throughput {
  const mb = megabytes(texts);
  const t = time(() => scanner.count(texts), runs, 1);
  return { best: mb / (t.best / 1000), median: mb / (t.median / 1000) };
}

function constructionRows(table: MatcherTable, label: string, target = true): BenchRow[] {
  const t0 = performance.now();
  createMatcher(table);
  const first = performance.now() - t0;
  const warm = time(() => createMatcher(table), 21, 3);
  const hashes = table.nameHashes ? 'precomputed name hashes' : 'no nameHashes: derived from the names';
  return [
    { group: GROUP, metric: `construction, ${label}`, value: warm.median, unit: 'ms', target: target ? '< 3' : undefined, pass: target ? warm.median < 3 : undefined, note: `median of 21, warm; ${hashes}` },
    { group: GROUP, metric: `construction, ${label}, first call`, value: first, unit: 'ms', note: `cold: interpreter, JIT warm-up (first call of this path in the process); ${hashes}` },
  ];
}

/** The table as the compiler ships it: with `nameHashes` (data/emit/matcher-hashes.ts). */
function withNameHashes(table: MatcherTable): MatcherTable {
  return table.nameHashes ? table : { ...table, nameHashes: emitNameHashes(table.names) };
}

function textRows(label: string, texts: readonly string[], matcher: TextScanner, alternation: TextScanner): { rows: BenchRow[]; ratio: number; matcherMBs: number } {
  const m = throughput(matcher, texts);
  const a = throughput(alternation, texts, 3);
  const matchesPerMB = matcher.count(texts) / megabytes(texts);
  const rows: BenchRow[] = [
    { group: GROUP, metric: `matcher, ${label}`, value: m.best, unit: 'MB/s', note: `median ${m.median.toFixed(0)}; ${megabytes(texts).toFixed(1)} MB, ${matchesPerMB.toFixed(0)} matches/MB` },
    { group: GROUP, metric: `RegExp alternation, ${label}`, value: a.best, unit: 'MB/s', note: `median ${a.median.toFixed(1)}` },
  ];
  return { rows, ratio: m.best / a.best, matcherMBs: m.best };
}

async function run(): Promise<BenchRow[]> {
  const loaded = loadTable();
  const { table } = loaded;
  const tableNote = loaded.source === 'real' ? 'data/generated/matcher-table.json' : 'SYNTHETIC: real table absent';
  const rows: BenchRow[] = [
    { group: GROUP, metric: 'table', value: table.names.length, unit: 'names', note: tableNote },
    { group: GROUP, metric: 'table size (JSON)', value: loaded.jsonBytes / 1024, unit: 'KB' },
    { group: GROUP, metric: 'table JSON.parse', value: loaded.parseMs, unit: 'ms' },
    ...constructionRows(withNameHashes(table), `${table.names.length} names`),
    ...constructionRows({ ...table, nameHashes: undefined }, `${table.names.length} names, from the names only`, false),
  ];
  if (loaded.source === 'real') rows.push(...constructionRows(withNameHashes(syntheticTable(15_000)), '15k synthetic names'));

  const matcher = matcherScanner(createMatcher(table));
  const alternation = alternationScanner(table);
  const perName = perNameScanner(table);
  const report = reportParagraphs(table, REPORT_CHARS, REALISTIC_SHARE);
  const realistic = textRows('report text', report, matcher, alternation);
  const slice = sliceParagraphs(report, PER_NAME_SLICE_CHARS);
  const perNameMBs = throughput(perName, slice, 3).best;
  rows.push(
    { ...realistic.rows[0]!, target: '≥ 100', pass: realistic.matcherMBs >= 100 },
    realistic.rows[1]!,
    { group: GROUP, metric: 'per-name RegExp loop, report text', value: perNameMBs, unit: 'MB/s', note: `${(megabytes(slice) * 1000).toFixed(0)} KB slice, normalised` },
    { group: GROUP, metric: 'ratio matcher / alternation', value: realistic.ratio, unit: 'x', target: '≥ 3', pass: realistic.ratio >= 3 },
    { group: GROUP, metric: 'ratio matcher / per-name loop', value: realistic.matcherMBs / perNameMBs, unit: 'x', target: '≥ 20', pass: realistic.matcherMBs / perNameMBs >= 20 },
  );

  const dense = textRows('dense report text', reportParagraphs(table, REPORT_CHARS, DENSE_SHARE, 43), matcher, alternation);
  rows.push(...dense.rows, { group: GROUP, metric: 'ratio matcher / alternation, dense', value: dense.ratio, unit: 'x' });

  const corpus = corpusParagraphs();
  if (corpus === undefined) {
    rows.push({ group: GROUP, metric: 'matcher, dev corpus', value: NaN, unit: 'MB/s', note: 'corpus absent (../shared/corpus-dev)' });
  } else {
    const repeated = Array.from({ length: CORPUS_REPEAT }, () => corpus).flat();
    const c = textRows(`dev corpus (${corpus.length} paragraphs ×${CORPUS_REPEAT})`, repeated, matcher, alternation);
    rows.push(...c.rows, { group: GROUP, metric: 'ratio matcher / alternation, dev corpus', value: c.ratio, unit: 'x' });
  }
  return rows;
}

export const matcherBench: BenchModule = { name: 'matcher', run };
