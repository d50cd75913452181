import type { PageEvidence } from '../matcher/context-policy';
import type { Match, TextMatcher } from '../matcher/matcher';
import { isStillValid, moveToPieces, type DeferredMatch } from './deferred-matches';
import { accessibleFrameDocument } from './frames';
import { acceptsInContext, decideMatches, type CommonMatchPolicy } from './match-policy';
import { MENTION_TAG, type MentionLook } from './mention-element';
import { createMutationWatcher, type MutationBatch } from './mutation-watcher';
import { initialScheduling } from './natives';
import type { Scheduling } from './scheduling';
import { publishOwnMentions } from './own-mentions';
import { EMPTY_SUMMARY, sameSummary, summarizeMentions, type PageSummary } from './page-summary';
import { repairRuns } from './repair-runs';
import { createScanJob, isPendingNode, startJob, type ScanJob } from './scan-job';
import { createChunkRunner, type Deadline } from './scan-scheduler';
import { isInSkippedArea, isWorthScanning } from './skip-rules';
import { recordSplit, type SplitRuns } from './split-runs';
import { injectStylesheet, type StyleRoot } from './styles';
import { surroundingText } from './surrounding-text';
import { wrapTextNode, type TextPiece } from './wrap-matches';
import { createWritePacer } from './write-pacer';

export interface AnnotatorOptions {
  matcher: TextMatcher;
  /** Decides common-name matches from their surrounding text and the page's evidence. */
  acceptCommonMatch: CommonMatchPolicy;
  /** Aborting stops scanning and observing; existing mentions stay (see removeAnnotations). */
  signal: AbortSignal;
  /** Called whenever the set of mentions on the page changes (after a scan settles). */
  onSummary?: (summary: PageSummary) => void;
  /** Most mentions kept in the page at once (default 5000). */
  maxAnnotations?: number;
  /** Most common-name matches kept waiting for more evidence (default 300). */
  maxDeferred?: number;
  /** Characters of surrounding text given to the common-name policy (default 2000). */
  contextChars?: number;
  /** Script time per idle chunk at first and at least, in ms (default 8; see write-pacer.ts). */
  chunkBudgetMs?: number;
  /**
   * Text nodes wrapped per chunk at first (default 40). Bounds the style and layout work
   * each chunk leaves for the next frame, which on a multi-megabyte page costs more than the
   * scan; the pacer then sizes chunks so that pass stays under 40 ms (see write-pacer.ts).
   */
  maxWritesPerChunk?: number;
  debounceMs?: number;
  stormThreshold?: number;
  stormDelayMs?: number;
  /** The highlight look mentions get (`data-ti-look`; see styles.ts). Default: underline. */
  look?: MentionLook;
  /** Timers and MutationObserver to use (default: captured from `window` at module load). */
  scheduling?: Scheduling;
}

export interface Annotator {
  /** Resolves once pending mutations are flushed and the scan queue is empty. */
  whenIdle(): Promise<void>;
  summary(): PageSummary;
  /** True for the mentions, text nodes and style element this annotator created. */
  isOwnNode(node: Node): boolean;
  /** True for a <ti-mention> this annotator created (a page can write look-alikes). */
  isOwnMention(el: Element): boolean;
  /**
   * The page text node a created mention or text piece was split from, and a split page
   * node itself (it stays in place holding the text before its first mention). For
   * removeAnnotations.
   */
  originalTextOf(node: Node): Text | undefined;
}

/** Check the clock after this many text nodes, or sooner after this many characters. */
const NODES_PER_CLOCK_CHECK = 16;
const CHARS_PER_CLOCK_CHECK = 1024;
/** Time given to re-checking deferred matches after each chunk. */
const RECHECK_BUDGET_MS = 2;

/**
 * Scans `doc` (with its open shadow roots and readable frames) in idle-time chunks, wraps
 * accepted matches in <ti-mention> elements and keeps doing so for text the page adds later.
 * All state lives in this call; nothing is shared between annotators.
 */
export function startAnnotator(doc: Document, options: AnnotatorOptions): Annotator {
  const { matcher, acceptCommonMatch, signal, onSummary } = options;
  const scheduling = options.scheduling ?? initialScheduling;
  if (!scheduling) throw new Error('startAnnotator needs a window');
  const maxAnnotations = options.maxAnnotations ?? 5000;
  const maxDeferred = options.maxDeferred ?? 300;
  const contextChars = options.contextChars ?? 2000;
  const pacer = createWritePacer({ budgetMs: options.chunkBudgetMs, maxWrites: options.maxWritesPerChunk });
  const look = options.look;

  const processed = new WeakSet<Text>();
  const owned = new WeakSet<Node>();
  const origins = new WeakMap<Node, Text>();
  const runs: SplitRuns = new WeakMap();
  const styled = new WeakSet<Node>();
  const roots = new Set<Document | ShadowRoot>();
  const frames = new WeakSet<Element>();
  const evidence: PageEvidence & { entityIds: Set<string> } = { strongMentions: 0, entityIds: new Set() };
  const queue: ScanJob[] = [];
  let deferred: DeferredMatch<Match>[] = [];
  const deferredNodes = new WeakSet<Text>();
  let evidenceAtLastRecheck = 0;
  let liveMentions = 0;
  let notAnnotated = 0;
  let summaryDirty = true;
  let lastSummary: PageSummary = EMPTY_SUMMARY;
  let idleWaiters: (() => void)[] = [];

  const track = (node: Node): void => void owned.add(node);
  const isOwnMention = (el: Element): boolean => owned.has(el) && el.localName === MENTION_TAG;

  const attachRoot = (root: Document | ShadowRoot): void => {
    if (roots.has(root) || signal.aborted) return;
    roots.add(root);
    if (root.nodeType === 9) publishOwnMentions(root as Document, isOwnMention, signal);
    // Mentions already there (an earlier instance's) count towards the cap.
    liveMentions += root.querySelectorAll(MENTION_TAG).length;
    watcher.watch(root);
    enqueue(root);
  };

  const attachFrame = (frame: HTMLIFrameElement | HTMLFrameElement): void => {
    if (!frames.has(frame)) {
      frames.add(frame);
      // A frame that navigates gets a new document: attach that one too.
      frame.addEventListener('load', () => attachFrame(frame), { signal });
    }
    const frameDoc = accessibleFrameDocument(frame);
    if (frameDoc) attachRoot(frameDoc);
  };

  const discoveries = { onShadowRoot: attachRoot, onFrame: attachFrame };

  const startJobSafely = (job: ScanJob): boolean => {
    try {
      return startJob(job, discoveries);
    } catch {
      return false; // a root the page broke: drop the job, keep the queue going
    }
  };

  const enqueue = (node: Node): void => {
    queue.push(createScanJob(node));
    runner.request();
  };

  const ensureStyles = (node: Node): void => {
    const root = node.getRootNode() as StyleRoot;
    if (styled.has(root)) return;
    styled.add(root);
    const style = injectStylesheet(root);
    if (style) track(style);
  };

  /** Wraps accepted matches within the cap; returns the pieces the node was split into. */
  const wrap = (node: Text, matches: Match[]): TextPiece[] | undefined => {
    const room = Math.max(0, maxAnnotations - liveMentions);
    if (matches.length > room) notAnnotated += matches.length - room;
    const kept = matches.slice(0, room);
    if (kept.length === 0) return undefined;
    ensureStyles(node);
    const origin = origins.get(node) ?? node;
    const specs = look ? kept.map((m) => ({ ...m, look })) : kept;
    const result = wrapTextNode(node, specs, (created) => {
      owned.add(created);
      origins.set(created, origin);
    });
    if (result.mentions > 0) {
      origins.set(origin, origin);
      recordSplit(runs, origin, node, result.parts);
    }
    for (const piece of result.pieces) processed.add(piece.node);
    liveMentions += result.mentions;
    if (result.mentions > 0) summaryDirty = true;
    return result.mentions > 0 ? result.pieces : undefined;
  };

  /** Scans one text node; returns true when it wrote to the page. */
  const scanText = (node: Text): boolean => {
    if (processed.has(node)) return false;
    processed.add(node);
    if (deferredNodes.has(node)) deferred = deferred.filter((entry) => entry.node !== node);
    const data = node.data;
    if (!isWorthScanning(data)) return false;
    const matches = matcher.findAll(data);
    if (matches.length === 0) return false;
    const decision = decideMatches(matches, evidence, acceptCommonMatch, (match) =>
      surroundingText(node, match.start, match.end, contextChars),
    );
    const pieces = decision.accepted.length > 0 ? wrap(node, decision.accepted) : undefined;
    let waiting = decision.deferred.map(({ match, context }) => ({ node, match, context }));
    if (pieces) waiting = moveToPieces(waiting, node, pieces);
    for (const entry of waiting.slice(0, Math.max(0, maxDeferred - deferred.length))) {
      deferred.push(entry);
      deferredNodes.add(entry.node);
    }
    return pieces !== undefined;
  };

  /**
   * Re-asks the policy about deferred common-name matches once evidence has grown, for at
   * most RECHECK_BUDGET_MS and within what is left of the chunk's writes (`maxWrites`: they
   * cost the next rendering pass as the scan's do); entries not reached go first next time.
   * Returns false while a pass is unfinished.
   */
  const recheckDeferred = (chunk: { writes: number }, maxWrites: number): boolean => {
    if (deferred.length === 0 || evidence.strongMentions === evidenceAtLastRecheck) return true;
    const stopAt = scheduling.now() + RECHECK_BUDGET_MS;
    const acceptedByNode = new Map<Text, Match[]>();
    const rejected: DeferredMatch<Match>[] = [];
    let i = 0;
    for (; i < deferred.length; i++) {
      if (i % 16 === 15 && scheduling.now() >= stopAt) break;
      const entry = deferred[i]!;
      if (chunk.writes + acceptedByNode.size >= maxWrites && !acceptedByNode.has(entry.node)) break;
      if (!isStillValid(entry)) continue;
      if (isPendingNode(queue, entry.node) || !acceptsInContext(entry.match, entry.context, evidence, acceptCommonMatch)) {
        rejected.push(entry);
        continue;
      }
      // The page may have moved the node into a <script>, a form field or an editor since: a
      // scan would skip it there, and so does this. If it comes back out, the watcher reports it.
      if (isInSkippedArea(entry.node)) continue;
      const list = acceptedByNode.get(entry.node) ?? [];
      list.push(entry.match);
      acceptedByNode.set(entry.node, list);
    }
    const complete = i === deferred.length;
    if (complete) evidenceAtLastRecheck = evidence.strongMentions;
    let remaining = [...deferred.slice(i), ...rejected];
    for (const [node, matches] of acceptedByNode) {
      try {
        const pieces = wrap(node, matches);
        if (pieces) {
          chunk.writes++;
          remaining = moveToPieces(remaining, node, pieces);
        }
      } catch {
        // a node the page broke: drop its matches
      }
    }
    deferred = remaining;
    for (const entry of deferred) deferredNodes.add(entry.node);
    return complete;
  };

  const emitSummary = (): void => {
    if (!summaryDirty) return;
    summaryDirty = false;
    const all: Element[] = [];
    for (const root of roots) {
      const alive = root.nodeType === 9 ? (root as Document).defaultView !== null : (root as ShadowRoot).host.isConnected;
      if (!alive) roots.delete(root);
      else all.push(...root.querySelectorAll(MENTION_TAG));
    }
    // Every mention in the page counts towards the cap (annotating twice changes nothing), but
    // the summary lists only this annotator's: a page that writes <ti-mention data-ti-id="...">
    // of its own must not put entities in the popup's list.
    liveMentions = all.length;
    const summary = summarizeMentions(all.filter(isOwnMention), notAnnotated);
    if (sameSummary(summary, lastSummary)) return;
    lastSummary = summary;
    onSummary?.(summary);
  };

  const isIdle = (): boolean => queue.length === 0 && !watcher.pending && !runner.pending;

  const settle = (): void => {
    if (!isIdle() && !signal.aborted) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const work = (deadline: Deadline): boolean => {
    pacer.chunkStarted(scheduling.now());
    const chunk = { writes: 0 };
    try {
      return scanChunk(deadline, chunk);
    } finally {
      pacer.chunkEnded(scheduling.now(), chunk.writes);
    }
  };

  /**
   * Re-checks deferred matches, then scans, until the deadline or the pacer's write cap,
   * counting the text nodes it wraps. The re-check goes first so a scan that fills every
   * chunk's cap does not starve it.
   */
  const scanChunk = (deadline: Deadline, chunk: { writes: number }): boolean => {
    const maxWrites = pacer.maxWrites;
    const rechecked = recheckDeferred(chunk, maxWrites);
    if (chunk.writes >= maxWrites) return true;
    let nodes = 0;
    let chars = 0;
    while (queue.length > 0) {
      const job = queue[0]!;
      if (!startJobSafely(job)) {
        queue.shift();
        continue;
      }
      while (job.next) {
        const node = job.next as Text;
        job.next = job.walker?.nextNode() ?? null;
        try {
          if (scanText(node)) chunk.writes++;
        } catch {
          // one bad node never stops the scan
        }
        chars += node.data.length;
        const checkClock = ++nodes % NODES_PER_CLOCK_CHECK === 0 || chars >= CHARS_PER_CLOCK_CHECK;
        if (chunk.writes >= maxWrites || (checkClock && deadline.expired())) return true;
        if (chars >= CHARS_PER_CLOCK_CHECK) chars = 0;
      }
      queue.shift();
    }
    // Evidence this chunk's scan added may accept more.
    if (!rechecked || !recheckDeferred(chunk, maxWrites)) return true;
    emitSummary();
    settle();
    return false;
  };

  // Everything a chunk writes is ours: the watcher must never report it.
  const runner = createChunkRunner((deadline) => watcher.writing(() => work(deadline)), {
    scheduling,
    signal,
    budgetMs: () => pacer.budgetMs,
  });

  const onBatch = (batch: MutationBatch): void => {
    for (const text of batch.changed) {
      processed.delete(text);
      enqueue(text);
    }
    for (const node of batch.added) enqueue(node);
    for (const root of batch.rescanRoots) enqueue(root);
    if (batch.elementsRemoved) summaryDirty = true;
    runner.request();
  };

  /** Undoes splits the page's writes broke (see repair-runs.ts); returns the origins to scan again. */
  const repair = (records: readonly MutationRecord[]): readonly Text[] => {
    const { collapsed, rescan } = repairRuns(records, runs, (node) => origins.get(node));
    for (const text of rescan) processed.delete(text);
    if (collapsed > 0) {
      summaryDirty = true; // mentions went: recount once the queue settles
      runner.request();
    }
    return rescan;
  };

  const watcher = createMutationWatcher({
    scheduling,
    signal,
    isOwnNode: (node) => owned.has(node),
    onBatch,
    repair,
    debounceMs: options.debounceMs,
    stormThreshold: options.stormThreshold,
    stormDelayMs: options.stormDelayMs,
  });

  signal.addEventListener('abort', () => {
    queue.length = 0;
    deferred = [];
    settle();
  }, { once: true });

  attachRoot(doc);

  return {
    whenIdle: () =>
      new Promise<void>((resolve) => {
        // Let queued MutationObserver callbacks run first, then wait for the queue.
        scheduling.setTimeout(() => {
          if (isIdle() || signal.aborted) resolve();
          else idleWaiters.push(resolve);
        }, 0);
      }),
    summary: () => lastSummary,
    isOwnNode: (node) => owned.has(node),
    isOwnMention,
    originalTextOf: (node) => origins.get(node),
  };
}
