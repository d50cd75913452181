import type { HoverCardOptions, InitialInteraction } from '../hover-card/start-hover-cards';
import { delegateEvents } from '../hover-card/delegate-events';
import { activatedMention, clickedMention, mentionInPath } from '../hover-card/mention-target';
import { isOwnMention } from '../annotate/own-mentions';
import type { CardUi } from './card-ui-api';

export interface LazyHoverCardOptions extends Omit<HoverCardOptions, 'initial'> {
  /** Loads the card UI (extensionScriptLoader('card-ui', ...)). */
  loadUi: () => Promise<CardUi>;
}

/**
 * Hover cards whose UI is loaded on first use: until the reader rests the pointer on,
 * focuses, clicks or presses Enter/Space on a mention, the page pays for a few listeners,
 * not for compiling Preact, the card components and floating-ui. That interaction loads the
 * UI and is handed to it (HoverCardOptions.initial); the UI's own listeners take over.
 * Synthetic events (isTrusted false: the page's script) and look-alike mentions the page
 * wrote load nothing.
 */
export function startLazyHoverCards(options: LazyHoverCardOptions): void {
  const { signal, loadUi, ...hoverOptions } = options;
  const doc = options.document ?? document;
  const isOwn = options.isOwnMention ?? isOwnMention;
  if (signal.aborted) return;
  const waiting = new AbortController();
  signal.addEventListener('abort', () => waiting.abort(), { once: true, signal: waiting.signal });
  let latest: InitialInteraction | undefined;

  const reached = (interaction: InitialInteraction) => {
    const first = latest === undefined;
    latest = interaction;
    if (!first) return;
    loadUi().then(
      (ui) => {
        if (signal.aborted) return;
        waiting.abort();
        ui.startHoverCards({ ...hoverOptions, signal, document: doc, initial: latest });
      },
      (error: unknown) => {
        latest = undefined; // the next interaction tries again
        console.error('TI Lens: the card UI did not load', error);
      },
    );
  };

  delegateEvents(
    doc,
    {
      pointerover(event) {
        const mention = event.isTrusted && event.pointerType !== 'touch' ? mentionInPath(event.composedPath(), isOwn) : undefined;
        if (mention) reached({ mention, how: 'hover' });
      },
      focusin(event) {
        const mention = event.isTrusted ? mentionInPath(event.composedPath(), isOwn) : undefined;
        if (mention) reached({ mention, how: 'focus' });
      },
    },
    waiting.signal,
  );
  doc.addEventListener(
    'click',
    (event) => {
      const mention = event.isTrusted ? clickedMention(event, doc, isOwn) : undefined;
      if (mention) reached({ mention, how: 'click' });
    },
    { capture: true, signal: waiting.signal },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      const mention = event.isTrusted && !event.repeat ? activatedMention(event, isOwn) : undefined;
      if (!mention) return;
      event.preventDefault(); // Space would scroll the page
      reached({ mention, how: 'key' });
    },
    { capture: true, signal: waiting.signal },
  );
}
