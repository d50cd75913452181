import { dom } from './natives';

/**
 * A page Text node the annotator split (its origin) and what followed from it: the origin
 * stays in place holding `prefix`, the text before its first mention, and `parts` (mentions
 * and plain pieces the annotator created, in document order) follow it as siblings.
 */
export interface SplitRun {
  prefix: string;
  parts: Node[];
}

/** Split runs by origin. Weak: a run goes away with its page node. */
export type SplitRuns = WeakMap<Text, SplitRun>;

/**
 * Records that `node` was just split and `parts` inserted after it. `node` is the origin
 * itself (first split, or a deferred match accepted later in its prefix) or one of its
 * plain pieces (a piece the page changed and that was scanned again, or a deferred match).
 */
export function recordSplit(runs: SplitRuns, origin: Text, node: Text, parts: readonly Node[]): void {
  if (parts.length === 0) return;
  const run = runs.get(origin);
  if (node === origin) {
    if (run) {
      run.prefix = origin.data;
      run.parts.unshift(...parts);
    } else {
      runs.set(origin, { prefix: origin.data, parts: [...parts] });
    }
    return;
  }
  const at = run ? run.parts.indexOf(node) : -1;
  if (run && at >= 0) run.parts.splice(at + 1, 0, ...parts);
}

/** The run is as the annotator left it: the origin in a parent, holding its prefix, its parts right after it in order. */
export function isRunIntact(origin: Text, run: SplitRun): boolean {
  if (!origin.parentNode || origin.data !== run.prefix) return false;
  let previous: Node = origin;
  for (const part of run.parts) {
    if (previous.nextSibling !== part) return false;
    previous = part;
  }
  return true;
}

/**
 * Undoes a split the page broke: removes the parts still in the page and gives their text
 * back to the origin, so it reads as the page wrote it:
 * - `rewritten` (the page set the origin's data): the new text stands alone;
 * - `whole` (the page removed or moved the origin): the origin gets its whole text, parts
 *   the page removed with it (clearing their parent) included, ready to be shown again;
 * - otherwise (the page took out some of our parts, or inserted among them, the origin in
 *   place): the text of the parts still in the page; what the page removed stays removed.
 */
export function collapseRun(origin: Text, run: SplitRun, how: { rewritten: boolean; whole: boolean }): void {
  let rest = '';
  for (const part of run.parts) {
    const parent = part.parentNode;
    if (parent || how.whole) rest += part.textContent ?? '';
    if (parent) dom.removeChild(parent, part);
  }
  // Never write over text the page put in the origin itself.
  if (!how.rewritten && origin.data === run.prefix && rest !== '') dom.setData(origin, run.prefix + rest);
}
