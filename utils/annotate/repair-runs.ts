import { collapseRun, isRunIntact, type SplitRuns } from './split-runs';

/** How the page touched one split run in a batch of mutation records. */
interface Touch {
  /** The page set the origin's data (nodeValue, data, textContent of the node). */
  rewritten: boolean;
  /** The page removed or moved the origin. */
  moved: boolean;
  /** The page inserted a node among the parts. */
  intruded: boolean;
}

export interface RepairResult {
  /** Runs undone: their mentions are gone. */
  collapsed: number;
  /** Origins whose text should be scanned again (it changed, moved, or a page node now follows it). */
  rescan: Text[];
}

/**
 * The split runs the page's records touch. A page holding the Text node it rendered
 * (React, Vue, Svelte...) sets its nodeValue, removes it or moves it; one that computes an
 * insertion point as `node.nextSibling` (Vue's anchors) inserts among our parts. Records
 * of the annotator's own writes never get here (MutationWatcher.writing).
 */
function touchedRuns(records: readonly MutationRecord[], runs: SplitRuns, originOf: (node: Node) => Text | undefined): Map<Text, Touch> {
  const touched = new Map<Text, Touch>();
  const mark = (origin: Text, how?: keyof Touch): void => {
    const touch = touched.get(origin) ?? { rewritten: false, moved: false, intruded: false };
    if (how) touch[how] = true;
    touched.set(origin, touch);
  };
  const originIn = (node: Node | null): Text | undefined => {
    if (!node) return undefined;
    const origin = node.nodeType === 3 && runs.has(node as Text) ? (node as Text) : originOf(node);
    return origin && runs.has(origin) ? origin : undefined;
  };
  const markIntrusion = (next: Node | null): void => {
    const origin = originIn(next);
    if (origin && origin !== next) mark(origin, 'intruded');
  };
  for (const record of records) {
    if (record.type === 'characterData') {
      if (runs.has(record.target as Text)) mark(record.target as Text, 'rewritten');
      continue;
    }
    if (record.type !== 'childList') continue;
    for (const node of record.removedNodes) {
      const origin = originIn(node);
      // A part alone is marked touched only: the run is checked, nothing more.
      if (origin) mark(origin, node === origin ? 'moved' : undefined);
    }
    for (const node of record.addedNodes) {
      const origin = originIn(node);
      if (origin) mark(origin, node === origin ? 'moved' : undefined);
      // Inserted right before one of our parts: inside a run.
      else markIntrusion(node.nextSibling);
    }
    if (record.addedNodes.length > 0) markIntrusion(record.nextSibling);
  }
  return touched;
}

/**
 * Puts right what the page's writes did to split text nodes, before the page paints (this
 * runs in the MutationObserver callback). A run still as we left it stays. Otherwise its
 * parts go and the origin gets the text the page meant it to hold (see collapseRun), and
 * is scanned again unless the page only took out some of our parts: that was its choice,
 * and annotating again would start a loop with a page that keeps removing them. Page script
 * that reads the DOM synchronously right after its own write still sees the stale parts:
 * the documented limit of annotating by DOM wrapping.
 */
export function repairRuns(records: readonly MutationRecord[], runs: SplitRuns, originOf: (node: Node) => Text | undefined): RepairResult {
  const result: RepairResult = { collapsed: 0, rescan: [] };
  for (const [origin, touch] of touchedRuns(records, runs, originOf)) {
    const run = runs.get(origin)!;
    if (!touch.rewritten && isRunIntact(origin, run)) continue;
    const rewritten = touch.rewritten || origin.data !== run.prefix;
    runs.delete(origin);
    try {
      collapseRun(origin, run, { rewritten, whole: touch.moved });
    } catch {
      // a node the page broke: its run is forgotten either way
    }
    result.collapsed++;
    if (rewritten || touch.moved || touch.intruded) result.rescan.push(origin);
  }
  return result;
}
