import type { Ref } from 'preact';
import { CandidateSwitcher } from '../../components/candidate-switcher';
import type { CardNavigation } from '../../components/card-props';
import type { CardData } from '../cards/card-data';

export type CardStatus = { state: 'loading' } | { state: 'error' } | { state: 'ready'; cards: CardData[] };

export interface HoverCardViewProps extends CardNavigation {
  status: CardStatus;
  matchedText: string;
  /** Pinned or opened from the keyboard: a dialog with a close button, not a tooltip. */
  interactive: boolean;
  onClose(): void;
  onRetry(): void;
  /** The scrolling frame, whose height the positioning caps. */
  frameRef?: Ref<HTMLDivElement>;
}

/** What the hover card shows: loading, an error, nothing found, or the candidates' cards. */
export function HoverCardView(props: HoverCardViewProps) {
  const { status, matchedText, interactive, onClose, onRetry, frameRef, ...nav } = props;
  const best = status.state === 'ready' ? status.cards[0] : undefined;
  return (
    <div
      class="til-theme til-hover"
      ref={frameRef}
      role={interactive ? 'dialog' : 'tooltip'}
      aria-label={`TI Lens: ${best ? best.entity.name : matchedText}`}
    >
      <div class="til-hover-bar">
        <span class="til-brand">TI Lens</span>
        {interactive && (
          <button type="button" class="til-close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
            ×
          </button>
        )}
      </div>
      <div class="til-hover-body" data-til-body="">
        {status.state === 'loading' && (
          <p class="til-status" role="status">
            Loading details…
          </p>
        )}
        {status.state === 'error' && (
          <div class="til-status til-error" role="alert">
            <p>{`Couldn’t load details for “${matchedText}”.`}</p>
            <button type="button" class="til-retry" onClick={onRetry}>
              Try again
            </button>
          </div>
        )}
        {status.state === 'ready' &&
          (status.cards.length ? (
            <CandidateSwitcher cards={status.cards} matchedText={matchedText} variant="compact" {...nav} />
          ) : (
            <p class="til-status">{`No details found for “${matchedText}”.`}</p>
          ))}
      </div>
    </div>
  );
}
