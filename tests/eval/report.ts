import { labeledKinds } from './corpus';
import type { PageAnnotation } from './read-page-annotations';
import { precision, ratio, recall, type KindCounts, type Score } from './score';

export interface RunInfo {
  extensionId: string;
  aliasesNote: string;
  /** Requests to anything but the corpus server and the extension. */
  offLoopbackRequests: string[];
  /** Pages whose annotation count did not settle in time. */
  unsettledPages: string[];
}

function percent(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

function totalCounts(score: Score): KindCounts {
  const total: KindCounts = { tp: 0, fp: 0, fn: 0, tpFirstId: 0 };
  for (const kind of labeledKinds) {
    const counts = score.labeled[kind];
    total.tp += counts.tp;
    total.fp += counts.fp;
    total.fn += counts.fn;
    total.tpFirstId += counts.tpFirstId;
  }
  return total;
}

function trapHitsPer10Pages(score: Score): number | null {
  const perPage = ratio(score.trapHits, score.pages);
  return perPage === null ? null : perPage * 10;
}

function kindRow(name: string, counts: KindCounts): string {
  return [
    name.padEnd(10),
    String(counts.tp).padStart(5),
    String(counts.fp).padStart(5),
    String(counts.fn).padStart(5),
    percent(precision(counts)).padStart(10),
    percent(recall(counts)).padStart(8),
    `${counts.tpFirstId}/${counts.tp}`.padStart(10),
  ].join(' ');
}

function describeAnnotation({ text, start, kind, ids }: PageAnnotation): string {
  return `${JSON.stringify(text)} at ${start ?? 'outside <p>'} ${kind} [${ids.join(' ')}]`;
}

/** The human-readable report. Corpus text appears here only, never in the JSON figures. */
export function formatReport(score: Score, info: RunInfo): string {
  const lines: string[] = [];
  const labels = labeledKinds.reduce((sum, kind) => sum + score.labeled[kind].tp + score.labeled[kind].fn, 0);
  lines.push(`TI Lens evaluation: ${score.pages} pages (${score.negativePages} negative), ${labels} labels`);
  lines.push(`extension chrome-extension://${info.extensionId}; ${info.aliasesNote}`);
  lines.push('');
  lines.push(`${'kind'.padEnd(10)} ${'TP'.padStart(5)} ${'FP'.padStart(5)} ${'FN'.padStart(5)} ${'precision'.padStart(10)} ${'recall'.padStart(8)} ${'first id'.padStart(10)}`);
  for (const kind of labeledKinds) lines.push(kindRow(kind, score.labeled[kind]));
  lines.push(kindRow('all', totalCounts(score)));
  lines.push('');
  const unlabeled = Object.entries(score.unlabeled);
  lines.push(
    `unlabeled kinds (not scored unless on a trap): ${
      unlabeled.length === 0
        ? 'none'
        : unlabeled.map(([kind, counts]) => `${kind} ${counts.annotations} (${counts.onTraps} on traps)`).join(', ')
    }`,
  );
  const per10 = trapHitsPer10Pages(score);
  lines.push(`trap hits: ${score.trapHits} (${per10 === null ? 'n/a' : per10.toFixed(1)} per 10 pages)`);
  lines.push(`annotations on negative pages: ${score.negativePageAnnotations}`);
  lines.push(`requests leaving loopback or the extension: ${info.offLoopbackRequests.length}`);
  for (const url of info.offLoopbackRequests) lines.push(`  ${url}`);
  lines.push(`pages whose annotations did not settle: ${info.unsettledPages.length === 0 ? 'none' : info.unsettledPages.join(', ')}`);
  lines.push('');
  lines.push(`misses (${score.misses.length}):`);
  for (const { file, mention, annotatedInstead } of score.misses) {
    const instead = annotatedInstead.map(describeAnnotation).join('; ');
    lines.push(
      `  ${file}  ${JSON.stringify(mention.text)} at ${mention.start} ${mention.kind} ${mention.entity}${instead ? `  (annotated: ${instead})` : ''}`,
    );
  }
  lines.push('');
  lines.push(`false hits (${score.falseHits.length}):`);
  for (const { file, annotation, trap } of score.falseHits) {
    lines.push(`  ${file}  ${describeAnnotation(annotation)}${trap === undefined ? '' : `  (trap ${JSON.stringify(trap)})`}`);
  }
  return lines.join('\n');
}

/** The figures for `--json`: counts only, no corpus text. */
export function figures(score: Score, info: RunInfo) {
  const withRates = (counts: KindCounts) => ({ ...counts, precision: precision(counts), recall: recall(counts) });
  return {
    pages: score.pages,
    negativePages: score.negativePages,
    labeled: Object.fromEntries(labeledKinds.map((kind) => [kind, withRates(score.labeled[kind])])),
    all: withRates(totalCounts(score)),
    unlabeled: score.unlabeled,
    trapHits: score.trapHits,
    trapHitsPer10Pages: trapHitsPer10Pages(score),
    negativePageAnnotations: score.negativePageAnnotations,
    offLoopbackRequests: info.offLoopbackRequests.length,
    unsettledPages: info.unsettledPages,
    perPage: score.perPage,
  };
}
