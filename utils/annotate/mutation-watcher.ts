import type { Scheduling } from './scheduling';

/** What changed since the last flush, coalesced. */
export interface MutationBatch {
  /** Added elements and text nodes to scan (nested duplicates removed). */
  added: Node[];
  /** Text nodes whose data changed (characterData): scan them again even if seen before. */
  changed: Text[];
  /** Roots that saw a mutation storm: rescan them whole instead of node by node. */
  rescanRoots: Node[];
  /** Some element was removed, so existing mentions may be gone. */
  elementsRemoved: boolean;
}

export interface MutationWatcherOptions {
  scheduling: Scheduling;
  signal: AbortSignal;
  /** Nodes this extension created: their insertion is never work to do. */
  isOwnNode(node: Node): boolean;
  onBatch(batch: MutationBatch): void;
  /**
   * Called in the observer callback itself (a microtask: before the page paints, unlike the
   * debounced batch) with the page's records, storms included. Fixes what cannot wait and
   * returns text nodes to scan again even if seen before. Its own DOM writes are not reported.
   */
  repair?(records: readonly MutationRecord[]): readonly Text[];
  /** Flush at most this long after the first unprocessed record (default 200 ms). */
  debounceMs?: number;
  /** More records than this in one flush window is a storm (default 1000). */
  stormThreshold?: number;
  /** Delay of the single rescan after a storm (default 1000 ms), doubled for each storm in a row (max 16x). */
  stormDelayMs?: number;
}

export interface MutationWatcher {
  /** Starts observing a document or shadow root (idempotent). */
  watch(root: Document | ShadowRoot): void;
  /** A flush is scheduled. */
  readonly pending: boolean;
  /**
   * Runs `write` (the annotator's own DOM writes) so that they are never reported: records
   * already queued (the page's) are handled first, and those `write` causes are dropped. Own
   * writes are told apart this way rather than by comparing values, so a page setting a node
   * to the very text we left in it is still seen.
   */
  writing<T>(write: () => T): T;
}

const observeOptions: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** Drops nodes whose ancestor is also listed (scanning the ancestor covers them). */
export function withoutNested(nodes: Iterable<Node>): Node[] {
  const set = new Set(nodes);
  return [...set].filter((node) => {
    for (let parent = node.parentNode; parent; parent = parent.parentNode) {
      if (set.has(parent)) return false;
    }
    return true;
  });
}

/**
 * One MutationObserver per document or shadow root, all feeding one coalescing queue that
 * is flushed on a max-wait debounce: a page changing text every 10 ms costs one flush per
 * `debounceMs`, not one per change. Our own writes are never reported (`writing`, and
 * repairs are dropped after they run); more than `stormThreshold` records in a window turn
 * into one delayed rescan of that root, with the delay backing off while storms continue.
 * `repair` sees every page record at once, storms included.
 */
export function createMutationWatcher(options: MutationWatcherOptions): MutationWatcher {
  const { scheduling, signal, isOwnNode, onBatch, repair } = options;
  const debounceMs = options.debounceMs ?? 200;
  const stormThreshold = options.stormThreshold ?? 1000;
  const stormDelayMs = options.stormDelayMs ?? 1000;
  const watched = new WeakSet<Node>();
  const observers: { root: Node; observer: MutationObserver }[] = [];
  let added = new Set<Node>();
  let changed = new Set<Text>();
  let rescanRoots = new Set<Node>();
  let elementsRemoved = false;
  let recordCount = 0;
  let stormsInARow = 0;
  let timer: number | undefined;

  const flush = (): void => {
    timer = undefined;
    stormsInARow = rescanRoots.size > 0 ? Math.min(stormsInARow + 1, 4) : 0;
    const batch: MutationBatch = {
      added: withoutNested(added),
      changed: [...changed],
      rescanRoots: [...rescanRoots],
      elementsRemoved,
    };
    added = new Set();
    changed = new Set();
    rescanRoots = new Set();
    elementsRemoved = false;
    recordCount = 0;
    if (!signal.aborted) onBatch(batch);
  };

  const arm = (ms: number, replace = false): void => {
    if (timer !== undefined && !replace) return;
    if (timer !== undefined) scheduling.clearTimeout(timer);
    timer = scheduling.setTimeout(flush, ms);
  };

  const onRecords = (root: Node, records: MutationRecord[]): void => {
    if (signal.aborted) return;
    const rescan = repair?.(records) ?? [];
    if (rescanRoots.has(root)) return;
    recordCount += records.length;
    if (recordCount > stormThreshold) {
      rescanRoots.add(root);
      arm(stormDelayMs * 2 ** stormsInARow, true);
      return;
    }
    for (const text of rescan) changed.add(text);
    for (const record of records) {
      if (record.type === 'characterData') {
        if (record.target.nodeType === 3) changed.add(record.target as Text);
        continue;
      }
      for (const node of record.addedNodes) {
        if ((node.nodeType === 1 || node.nodeType === 3) && !isOwnNode(node)) added.add(node);
      }
      for (const removed of record.removedNodes) {
        if (removed.nodeType === 1) elementsRemoved = true;
      }
    }
    if (added.size > 0 || changed.size > 0 || elementsRemoved) arm(debounceMs);
  };

  /**
   * Handles `first` and every record the other observers hold (all the page's), then drops
   * the records the handling itself caused (repairs are our writes). Taking the others'
   * records first matters: dropping them afterwards would lose page writes to another root.
   */
  const deliver = (first?: [Node, MutationRecord[]]): void => {
    const batches = first ? [first] : [];
    for (const { root, observer } of observers) {
      const records = observer.takeRecords();
      if (records.length > 0) batches.push([root, records]);
    }
    try {
      for (const [root, records] of batches) onRecords(root, records);
    } finally {
      dropOwnRecords();
    }
  };

  const dropOwnRecords = (): void => {
    for (const { observer } of observers) observer.takeRecords();
  };

  signal.addEventListener('abort', () => {
    for (const { observer } of observers) observer.disconnect();
    if (timer !== undefined) scheduling.clearTimeout(timer);
    timer = undefined;
  }, { once: true });

  return {
    watch(root) {
      if (signal.aborted || watched.has(root)) return;
      watched.add(root);
      const observer = new scheduling.MutationObserver((records) => deliver([root, records]));
      observer.observe(root, observeOptions);
      observers.push({ root, observer });
    },
    writing(write) {
      deliver();
      try {
        return write();
      } finally {
        dropOwnRecords();
      }
    },
    get pending() {
      return timer !== undefined;
    },
  };
}
