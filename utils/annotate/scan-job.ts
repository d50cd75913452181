import { isInSkippedArea } from './skip-rules';
import { createTextWalker, type WalkDiscoveries } from './text-walker';

/** One queued unit of scanning: a document, shadow root, added element or changed text node. */
export interface ScanJob {
  root: Node;
  started: boolean;
  /** Undefined for a job whose root is a single text node. */
  walker: TreeWalker | undefined;
  /** The next text node to scan; fetched before the current one is replaced. */
  next: Node | null;
}

export function createScanJob(root: Node): ScanJob {
  return { root, started: false, walker: undefined, next: null };
}

/**
 * Starts a job, or checks a started one can resume. Returns false when the job has nothing
 * to do: its root left the page or lies in a skipped area, or it is a frame (handed to
 * `discoveries`). A job whose next node the page moved away restarts from its root
 * (already scanned text is skipped cheaply).
 */
export function startJob(job: ScanJob, discoveries: WalkDiscoveries): boolean {
  const { root } = job;
  if (!root.isConnected) return false;
  if (job.started) {
    if (job.next === null || root.contains(job.next)) return true;
    job.started = false;
  }
  job.started = true;
  if (root.nodeType === 3) {
    job.walker = undefined;
    job.next = isInSkippedArea(root.parentNode ?? root) ? null : root;
    return job.next !== null;
  }
  if (root.nodeType === 1) {
    const el = root as Element;
    if (el.localName === 'iframe' || el.localName === 'frame') {
      discoveries.onFrame(el as HTMLIFrameElement);
      return false;
    }
    if (el.shadowRoot) discoveries.onShadowRoot(el.shadowRoot);
  }
  if (isInSkippedArea(root)) return false;
  job.walker = createTextWalker(root, discoveries);
  job.next = job.walker.nextNode();
  return true;
}

/** True when a queued job is about to scan `node` (so it must not be replaced now). */
export function isPendingNode(queue: readonly ScanJob[], node: Node): boolean {
  return queue.some((job) => job.next === node);
}
