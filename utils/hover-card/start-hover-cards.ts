import { h, render } from 'preact';
import type { CardNavigation } from '../../components/card-props';
import { createCardCache, type CardFetcher, type CardRequest } from './card-cache';
import { createCardHost, moveHost, setHostVisible, type CardHost } from './card-host';
import { delegateEvents } from './delegate-events';
import { fetchCardsFromBackground, lookupPageHref } from './fetch-cards';
import { focusablesIn, trapTab } from './focus-trap';
import { HoverCardView, type CardStatus } from './hover-card-view';
import { isOwnMention as isAnnotatorMention } from '../annotate/own-mentions';
import { activatedMention, cardRequestOf, clickedMention, mentionInPath } from './mention-target';
import { placeCard } from './place-card';

export interface HoverCardOptions {
  /** Aborting removes every listener and the card. */
  signal: AbortSignal;
  /** Pointer rest time before a card opens (default 300 ms). */
  hoverDelayMs?: number;
  /** Grace time for the pointer to travel between mention and card (default 200 ms). */
  closeDelayMs?: number;
  /** Where card data comes from (default: the background via typed messaging). */
  fetchCards?: CardFetcher;
  /** The profile page for an id (default, unless only onOpenProfile is given: `lookup.html?q=<id>`). */
  profileHref?: (id: string) => string;
  /**
   * Opens an id's profile (e.g. asks the background to open the lookup page in a tab). Given
   * alone, profile references become buttons calling it; with profileHref, it takes plain
   * clicks on the links.
   */
  onOpenProfile?: (id: string) => void;
  document?: Document;
  /**
   * Which <ti-mention> elements get cards (default: those the annotator of their document
   * created, see own-mentions.ts). A page can write look-alikes to make the extension look
   * ids up; those never open a card.
   */
  isOwnMention?: (el: Element) => boolean;
  /**
   * The interaction that made the content script load the card UI (utils/card-ui): carried
   * out once the listeners are in place, if it still holds (the pointer still rests on the
   * mention, focus is still on it).
   */
  initial?: InitialInteraction;
}

/** What the reader did to a mention: rested the pointer, focused it, clicked it, or pressed Enter/Space on it. */
export interface InitialInteraction {
  mention: HTMLElement;
  how: 'hover' | 'focus' | 'click' | 'key';
}

/**
 * hover: opened by resting the pointer; closes when the pointer leaves mention and card.
 * focus: opened by keyboard focus on the mention; closes when focus leaves.
 * pinned: opened by a click or Enter/Space; stays until Escape, a click outside or Close.
 */
type Mode = 'hover' | 'focus' | 'pinned';
const modeRank: Record<Mode, number> = { hover: 0, focus: 1, pinned: 2 };

interface Session {
  id: number;
  mention: HTMLElement;
  request: CardRequest;
  mode: Mode;
  /** Opened with Enter/Space: focus moved into the card and Tab stays inside it. */
  modal: boolean;
  status: CardStatus;
  controller: AbortController;
  /** Where focus was moved automatically, so it can move on once the cards arrive. */
  autoFocused?: HTMLElement;
}

/**
 * Shows an entity card for `<ti-mention>` elements on hover, keyboard focus, Enter/Space or
 * click. One set of delegated listeners on the document (and on open shadow roots the
 * pointer or focus passes through); the card lives in a closed shadow root. All state
 * belongs to this call.
 */
export function startHoverCards(options: HoverCardOptions): void {
  const { signal } = options;
  const doc = options.document ?? document;
  const hoverDelay = options.hoverDelayMs ?? 300;
  const closeDelay = options.closeDelayMs ?? 200;
  const cache = createCardCache(options.fetchCards ?? fetchCardsFromBackground);
  // With only onOpenProfile, profile references are buttons: a page cannot follow links to
  // extension pages that are not web-accessible, so an href there would only fail.
  const { onOpenProfile } = options;
  const profileHref = options.profileHref ?? (onOpenProfile ? undefined : lookupPageHref);
  const nav: CardNavigation = { profileHref, onOpenProfile };
  const isOwnMention = options.isOwnMention ?? isAnnotatorMention;
  const mentionIn = (path: readonly EventTarget[]) => mentionInPath(path, isOwnMention);

  let host: CardHost | undefined;
  let frame: HTMLDivElement | null = null;
  let session: Session | undefined;
  let sessions = 0;
  let pending: { mention: HTMLElement; timer: ReturnType<typeof setTimeout>; controller: AbortController } | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pointerModality = false;
  let restoringFocus = false;

  const inCard = (path: readonly EventTarget[]) => !!host && path.includes(host.element);

  function cancelPending(): void {
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.controller.abort();
    pending = undefined;
  }

  function cancelClose(): void {
    clearTimeout(closeTimer);
    closeTimer = undefined;
  }

  function scheduleClose(): void {
    cancelClose();
    closeTimer = setTimeout(() => close(false), closeDelay);
  }

  function scheduleOpen(mention: HTMLElement): void {
    cancelPending();
    const controller = new AbortController();
    const timer = setTimeout(() => {
      cancelPending();
      if (mention.isConnected) open(mention, 'hover');
    }, hoverDelay);
    pending = { mention, timer, controller };
    mention.addEventListener('pointerleave', cancelPending, { signal: controller.signal });
  }

  function open(mention: HTMLElement, mode: Mode, modal = false): void {
    cancelPending();
    cancelClose();
    if (session?.mention === mention) {
      upgrade(session, mode, modal);
      return;
    }
    const request = cardRequestOf(mention);
    if (!request.ids.length) return;
    close(false);
    const cached = cache.peek(request);
    const s: Session = {
      id: ++sessions,
      mention,
      request,
      mode: modal ? 'pinned' : mode,
      modal,
      status: cached ? { state: 'ready', cards: cached } : { state: 'loading' },
      controller: new AbortController(),
    };
    session = s;
    host ??= createCardHost(doc);
    setHostVisible(host, true);
    doc.documentElement.append(host.element);
    mention.setAttribute('aria-expanded', 'true');
    renderCard();
    if (!cached) load(s);

    const onLeave = (event: PointerEvent) => {
      if (session === s && s.mode === 'hover' && event.pointerType !== 'touch') scheduleClose();
    };
    for (const el of [mention, host.element]) {
      el.addEventListener('pointerleave', onLeave, { signal: s.controller.signal });
      el.addEventListener('pointerenter', cancelClose, { signal: s.controller.signal });
    }
    const cardHost = host;
    placeCard(
      mention,
      cardHost.element,
      () => frame,
      {
        move: (x, y) => moveHost(cardHost, x, y),
        referenceHidden: (hidden) => {
          if (session !== s) return;
          if (hidden && s.mode !== 'pinned') close(false);
          else setHostVisible(cardHost, !hidden);
        },
        detached: () => session === s && close(false),
      },
      s.controller.signal,
    );
    if (modal) focusIntoCard(s);
  }

  function upgrade(s: Session, mode: Mode, modal: boolean): void {
    if (modeRank[mode] > modeRank[s.mode]) s.mode = mode;
    if (modal) s.mode = 'pinned';
    const focusIn = modal && !s.modal;
    s.modal ||= modal;
    renderCard();
    if (focusIn) focusIntoCard(s);
  }

  function load(s: Session): void {
    cache.get(s.request).then(
      (cards) => {
        if (session !== s) return;
        s.status = { state: 'ready', cards };
        renderCard();
        if (s.modal && host && host.root.activeElement === s.autoFocused) focusIntoCard(s);
      },
      () => {
        if (session !== s) return;
        s.status = { state: 'error' };
        renderCard();
      },
    );
  }

  function renderCard(): void {
    const s = session;
    if (!s || !host) return;
    const view = h(HoverCardView, {
      key: s.id,
      status: s.status,
      matchedText: s.request.matchedText,
      interactive: s.mode === 'pinned',
      onClose: () => close(focusIsInCard()),
      onRetry: () => {
        s.status = { state: 'loading' };
        renderCard();
        load(s);
      },
      frameRef: (el: HTMLDivElement | null) => void (frame = el),
      ...nav,
    });
    render(view, host.mount);
  }

  /** Focus to the first control of the card's content, else the close button. */
  function focusIntoCard(s: Session): void {
    if (!host) return;
    const body = host.root.querySelector('[data-til-body]');
    const target = (body && focusablesIn(body)[0]) ?? focusablesIn(host.root)[0];
    target?.focus();
    s.autoFocused = target;
  }

  function focusIsInCard(): boolean {
    return !!host && (host.root.activeElement !== null || doc.activeElement === host.element);
  }

  function close(restoreFocus: boolean): void {
    cancelPending();
    cancelClose();
    const s = session;
    if (!s) return;
    session = undefined;
    s.controller.abort();
    s.mention.setAttribute('aria-expanded', 'false');
    if (restoreFocus && s.mention.isConnected) {
      restoringFocus = true;
      try {
        s.mention.focus({ preventScroll: true });
      } finally {
        restoringFocus = false;
      }
    }
    if (host) {
      render(null, host.mount);
      host.element.remove();
    }
  }

  const delegated = {
    pointerover(event: PointerEvent) {
      if (event.pointerType === 'touch') return;
      const path = event.composedPath();
      if (inCard(path)) return cancelClose();
      const mention = mentionIn(path);
      if (!mention) return;
      if (session?.mention === mention) return cancelClose();
      if (session?.mode === 'pinned' || pending?.mention === mention) return;
      scheduleOpen(mention);
    },
    focusin(event: FocusEvent) {
      const path = event.composedPath();
      if (restoringFocus || pointerModality || inCard(path)) return;
      const mention = mentionIn(path);
      if (!mention) return;
      if (session?.mention === mention) return upgrade(session, 'focus', false);
      if (session?.mode === 'pinned') return;
      open(mention, 'focus');
    },
    focusout(event: FocusEvent) {
      const s = session;
      if (!s || s.mode !== 'focus') return;
      const path = event.composedPath();
      if (!path.includes(s.mention) && !inCard(path)) return;
      const to = event.relatedTarget as Node | null;
      if (to && (s.mention.contains(to) || to === host?.element)) return;
      close(false);
    },
  };

  function onKeyDown(event: KeyboardEvent): void {
    if (event.isTrusted === false) return;
    pointerModality = false;
    const s = session;
    const path = event.composedPath();
    if (event.key === 'Escape') {
      cancelPending();
      if (!s) return;
      const fromCard = inCard(path);
      if (fromCard || path.includes(s.mention)) {
        event.preventDefault();
        event.stopPropagation();
      }
      close(fromCard || s.modal);
      return;
    }
    if (event.key === 'Tab') {
      if (s?.modal && host && inCard(path)) trapTab(host.root, event);
      return;
    }
    const mention = activatedMention(event, isOwnMention);
    if (!mention) return;
    event.preventDefault();
    if (!event.repeat) open(mention, 'pinned', true);
  }

  function onPointerDown(event: PointerEvent): void {
    if (event.isTrusted === false) return;
    pointerModality = true;
    const s = session;
    if (!s) return;
    const path = event.composedPath();
    if (inCard(path)) {
      // Working in the card (a tab, selecting text) keeps it open.
      if (s.mode !== 'pinned') upgrade(s, 'pinned', false);
      return;
    }
    if (!path.includes(s.mention)) close(false);
  }

  function onClick(event: MouseEvent): void {
    if (event.isTrusted === false) return;
    const mention = clickedMention(event, doc, isOwnMention);
    if (!mention) return;
    if (session?.mention === mention && session.mode === 'pinned' && !session.modal) {
      close(false);
      return;
    }
    open(mention, 'pinned');
  }

  /** Carries out the interaction that loaded the UI (see HoverCardOptions.initial). */
  function replay({ mention, how }: InitialInteraction): void {
    if (!mention.isConnected) return;
    if (how === 'hover' && mention.matches(':hover')) scheduleOpen(mention);
    else if (how === 'focus' && mention.matches(':focus')) open(mention, 'focus');
    else if (how === 'click') open(mention, 'pinned');
    else if (how === 'key') open(mention, 'pinned', true);
  }

  if (signal.aborted) return;
  delegateEvents(doc, delegated, signal);
  doc.addEventListener('keydown', onKeyDown, { capture: true, signal });
  doc.addEventListener('pointerdown', onPointerDown, { capture: true, signal });
  doc.addEventListener('click', onClick, { capture: true, signal });
  doc.defaultView?.addEventListener('resize', () => session && session.mode !== 'pinned' && close(false), { signal });
  signal.addEventListener(
    'abort',
    () => {
      close(false);
      host?.element.remove();
    },
    { once: true },
  );
  if (options.initial) replay(options.initial);
}
