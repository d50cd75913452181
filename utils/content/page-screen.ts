import { accessibleFrameDocument } from '../annotate/frames';
import { createMutationWatcher } from '../annotate/mutation-watcher';
import type { Scheduling } from '../annotate/scheduling';
import { collectScreenText, SCREEN_LIMITS, type ScreenDiscoveries } from './screen-text';

export interface PageScreenOptions {
  doc: Document;
  scheduling: Scheduling;
  /** Until this aborts. */
  signal: AbortSignal;
  /**
   * Whether any of `texts` (one string per text node) holds a match: the full, unfiltered
   * matcher's answer, so that "no" rules the text out under every setting.
   */
  screen(texts: string[]): Promise<boolean>;
  /**
   * Called once, when the page may have something to annotate: a screening said so, failed,
   * or could not take all the text. Screening stops then; the annotator takes over the page.
   */
  onCandidates(): void;
  /** Debounce of page changes (the mutation watcher's, 200 ms by default). */
  debounceMs?: number;
}

/**
 * Keeps the annotator (and the 250 KB it needs) off pages that mention nothing: collects the
 * page's text and asks `screen`, then does the same for the text the page adds or changes
 * later (infinite scroll, single-page apps), through the annotator's debounced mutation
 * watcher. It writes nothing to the page.
 */
export function startPageScreen({ doc, scheduling, signal, screen, onCandidates, debounceMs }: PageScreenOptions): void {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
  const found = (): void => {
    if (controller.signal.aborted) return;
    controller.abort();
    onCandidates();
  };

  const watcher = createMutationWatcher({
    scheduling,
    signal: controller.signal,
    isOwnNode: () => false,
    debounceMs,
    onBatch: (batch) => check([...batch.added, ...batch.changed, ...batch.rescanRoots]),
  });
  const frames = new WeakSet<Element>();
  const discoveries: ScreenDiscoveries = {
    onShadowRoot: (root) => watcher.watch(root),
    onFrame: (frame) => {
      if (!frames.has(frame)) {
        frames.add(frame);
        // A frame that navigates gets a new document, screened like an added one.
        frame.addEventListener('load', () => check([frame]), { signal: controller.signal });
      }
      const frameDoc = accessibleFrameDocument(frame);
      if (frameDoc) watcher.watch(frameDoc);
      return frameDoc;
    },
  };

  function check(roots: readonly Node[]): void {
    if (controller.signal.aborted) return;
    const { texts, complete } = collectScreenText(roots, SCREEN_LIMITS, discoveries);
    if (!complete) return found();
    if (texts.length === 0) return;
    screen(texts).then(
      (hasMatch) => {
        if (hasMatch) found();
      },
      found,
    );
  }

  watcher.watch(doc);
  check([doc]);
}
