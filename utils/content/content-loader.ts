import { isScannedByParentFrame } from '../annotate/frames';
import { captureScheduling } from '../annotate/scheduling';
import { EMPTY_SUMMARY } from '../annotate/page-summary';
import { messenger } from '../messaging/protocol';
import { extensionScriptLoader } from '../script-loading/load-extension-script';
import { sendSelectionChanges } from '../selection/send-selection';
import { onFirstMention } from './first-mention';
import type { PageSession } from './page-session';
import { startPageScreen } from './page-screen';

export interface ContentScriptOptions {
  win: Window & typeof globalThis;
  /** The content script's lifetime: aborted when it is orphaned. */
  signal: AbortSignal;
  /** Where the main module (entrypoints/content-main.ts: annotator, matcher, hover cards) is. */
  mainUrl: string;
}

/**
 * What the registered content script does in every frame: it stays small, because every
 * page pays for it. It answers the popup and reports selections for the context menu, and
 * imports the main module only for a page the background's screening says has something to
 * annotate, now or once the page adds text. A frame its parent annotates (same-origin,
 * about:blank, srcdoc) gets the main module, for hover cards, once the parent has written a
 * mention into it.
 */
export function startContentScript({ win, signal, mainUrl }: ContentScriptOptions): void {
  let session: PageSession | undefined;
  if (win === win.top) {
    const stop = messenger.onMessage('getPageSummary', () => session?.summary() ?? EMPTY_SUMMARY);
    signal.addEventListener('abort', stop, { once: true });
  }
  sendSelectionChanges(signal);

  const loadMain = extensionScriptLoader('content-main', mainUrl);
  const startSession = (): void => {
    loadMain().then(
      (main) => {
        if (!signal.aborted) session = main.start(signal);
      },
      (error: unknown) => console.error('TI Lens: could not load the annotator', error),
    );
  };
  const scheduling = captureScheduling(win);
  if (isScannedByParentFrame(win)) {
    return onFirstMention({ doc: win.document, MutationObserver: scheduling.MutationObserver, signal, onMention: startSession });
  }
  startPageScreen({
    doc: win.document,
    scheduling,
    signal,
    screen: (texts) => messenger.sendMessage('screenText', { texts }),
    onCandidates: startSession,
  });
}
