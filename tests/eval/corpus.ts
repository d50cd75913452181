import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { repoRoot } from '../e2e/harness/paths';

export type LabeledKind = 'actor' | 'technique' | 'software';
export const labeledKinds: readonly LabeledKind[] = ['actor', 'technique', 'software'];

export interface Mention {
  text: string;
  occurrence: number;
  kind: LabeledKind;
  /** G0016, S0154, T1003.001, `etda:<card actor name>` or `misp:<cluster value>`. */
  entity: string;
  /** Offset in the page's visible text, in Unicode code points. */
  start: number;
  note?: string;
}

export interface Trap {
  text: string;
  occurrence: number;
  why: string;
  start: number;
}

export interface LabeledPage {
  file: string;
  url: string;
  category: 'security' | 'negative';
  mentions: Mention[];
  traps: Trap[];
}

/** The development corpus beside the repository (`../shared/corpus-dev`), or TI_CORPUS_DIR. */
export function corpusDir(): string {
  return resolve(process.env.TI_CORPUS_DIR ?? join(repoRoot, '..', 'shared', 'corpus-dev'));
}

export async function loadLabels(dir: string): Promise<LabeledPage[]> {
  return JSON.parse(await readFile(join(dir, 'labels.json'), 'utf8')) as LabeledPage[];
}
