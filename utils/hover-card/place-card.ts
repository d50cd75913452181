import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';

const GAP = 6;
const PADDING = 8;
const MAX_HEIGHT_VH = 0.7;
const MIN_HEIGHT = 120;

export interface PlacementCallbacks {
  /** Where the card's top-left corner goes, in viewport coordinates. */
  move(x: number, y: number): void;
  /** The mention scrolled out of view (or came back). */
  referenceHidden(hidden: boolean): void;
  /** The mention left the document. */
  detached(): void;
}

/**
 * Keeps the card next to its mention, flipped and shifted to stay inside the viewport, its
 * height capped to the room there is (at most 70vh); follows scrolling, resizing and layout
 * changes until `signal` aborts.
 */
export function placeCard(reference: Element, floating: HTMLElement, frame: () => HTMLElement | null, callbacks: PlacementCallbacks, signal: AbortSignal): void {
  const view = reference.ownerDocument.defaultView;
  const update = async () => {
    if (!reference.isConnected) {
      callbacks.detached();
      return;
    }
    const { x, y, middlewareData } = await computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(GAP),
        inline(),
        flip({ padding: PADDING }),
        shift({ padding: PADDING }),
        size({
          padding: PADDING,
          apply({ availableHeight }) {
            const el = frame();
            const cap = (view?.innerHeight ?? 800) * MAX_HEIGHT_VH;
            if (el) el.style.maxHeight = `${Math.floor(Math.max(MIN_HEIGHT, Math.min(availableHeight, cap)))}px`;
          },
        }),
        hide(),
      ],
    });
    if (signal.aborted) return;
    callbacks.move(x, y);
    callbacks.referenceHidden(middlewareData.hide?.referenceHidden === true);
  };
  const cleanup = autoUpdate(reference, floating, () => void update().catch(() => undefined));
  signal.addEventListener('abort', cleanup, { once: true });
}
