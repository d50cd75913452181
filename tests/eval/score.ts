import { labeledKinds, type LabeledKind, type LabeledPage, type Mention } from './corpus';
import { idMatchesEntity, type EvalAliases } from './eval-aliases';
import type { PageAnnotation } from './read-page-annotations';

export interface PageResult {
  page: LabeledPage;
  annotations: PageAnnotation[];
}

export interface KindCounts {
  tp: number;
  fp: number;
  fn: number;
  /** True positives whose first (best) id is the labeled entity. */
  tpFirstId: number;
}

/** Kinds the corpus does not label (campaign, tactic, anything unexpected). */
export interface UnlabeledKindCounts {
  annotations: number;
  /** Those overlapping a trap: the only ones counted as false hits. */
  onTraps: number;
}

export interface Miss {
  file: string;
  mention: Mention;
  /** Annotations starting at the same offset, to show what was there instead. */
  annotatedInstead: PageAnnotation[];
}

export interface FalseHit {
  file: string;
  annotation: PageAnnotation;
  /** The trap it overlaps, if any. */
  trap?: string;
}

export interface PageScore {
  file: string;
  annotations: number;
  tp: number;
  fp: number;
  fn: number;
  trapHits: number;
}

export interface Score {
  pages: number;
  negativePages: number;
  labeled: Record<LabeledKind, KindCounts>;
  unlabeled: Record<string, UnlabeledKindCounts>;
  trapHits: number;
  negativePageAnnotations: number;
  perPage: PageScore[];
  misses: Miss[];
  falseHits: FalseHit[];
}

function isLabeledKind(kind: string): kind is LabeledKind {
  return (labeledKinds as readonly string[]).includes(kind);
}

function spanEnd(start: number, text: string): number {
  return start + Array.from(text).length;
}

function overlaps(annotation: PageAnnotation, span: { start: number; text: string }): boolean {
  if (annotation.start === null) return false;
  return annotation.start < spanEnd(span.start, span.text) && span.start < spanEnd(annotation.start, annotation.text);
}

/**
 * A label is found when an annotation has its start, text and kind and lists its entity
 * among its ids. Each annotation matches at most one label.
 */
export function scoreCorpus(results: readonly PageResult[], aliases: EvalAliases): Score {
  const score: Score = {
    pages: results.length,
    negativePages: results.filter(({ page }) => page.category === 'negative').length,
    labeled: { actor: emptyCounts(), technique: emptyCounts(), software: emptyCounts() },
    unlabeled: {},
    trapHits: 0,
    negativePageAnnotations: 0,
    perPage: [],
    misses: [],
    falseHits: [],
  };
  for (const { page, annotations } of results) {
    const pageScore: PageScore = { file: page.file, annotations: annotations.length, tp: 0, fp: 0, fn: 0, trapHits: 0 };
    const matched = new Set<PageAnnotation>();
    for (const mention of page.mentions) {
      const counts = score.labeled[mention.kind];
      const match = annotations.find(
        (annotation) =>
          !matched.has(annotation) &&
          annotation.start === mention.start &&
          annotation.text === mention.text &&
          annotation.kind === mention.kind &&
          annotation.ids.some((id) => idMatchesEntity(id, mention.entity, aliases)),
      );
      if (match) {
        matched.add(match);
        counts.tp++;
        pageScore.tp++;
        if (idMatchesEntity(match.ids[0] ?? '', mention.entity, aliases)) counts.tpFirstId++;
      } else {
        counts.fn++;
        pageScore.fn++;
        const annotatedInstead = annotations.filter((annotation) => annotation.start === mention.start);
        score.misses.push({ file: page.file, mention, annotatedInstead });
      }
    }
    for (const annotation of annotations) {
      const trap = page.traps.find((candidate) => overlaps(annotation, candidate));
      if (trap) pageScore.trapHits++;
      if (matched.has(annotation)) continue;
      if (isLabeledKind(annotation.kind)) {
        score.labeled[annotation.kind].fp++;
        pageScore.fp++;
        score.falseHits.push({ file: page.file, annotation, trap: trap?.text });
        continue;
      }
      const counts = (score.unlabeled[annotation.kind] ??= { annotations: 0, onTraps: 0 });
      counts.annotations++;
      if (trap) {
        counts.onTraps++;
        pageScore.fp++;
        score.falseHits.push({ file: page.file, annotation, trap: trap.text });
      }
    }
    score.trapHits += pageScore.trapHits;
    if (page.category === 'negative') score.negativePageAnnotations += annotations.length;
    score.perPage.push(pageScore);
  }
  return score;
}

function emptyCounts(): KindCounts {
  return { tp: 0, fp: 0, fn: 0, tpFirstId: 0 };
}

/** null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function precision({ tp, fp }: KindCounts): number | null {
  return ratio(tp, tp + fp);
}

export function recall({ tp, fn }: KindCounts): number | null {
  return ratio(tp, tp + fn);
}
