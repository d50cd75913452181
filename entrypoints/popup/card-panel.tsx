import { EntityCard } from '@/components/entity-card';
import type { DetailsStore } from '@/utils/index-data/details-store';
import { useCard } from '@/utils/page-hooks/use-card';

interface CardPanelProps {
  store: DetailsStore;
  id: string;
  /** The alias the reader searched for, so the card says who gave it. */
  matchedText?: string;
  backLabel: string;
  onBack(): void;
  onSelectEntity(id: string): void;
  onOpenProfile(id: string): void;
  profileHref(id: string): string;
}

/** One entity's compact card, with a way back to the results. */
export function CardPanel({ store, id, matchedText, backLabel, onBack, ...nav }: CardPanelProps) {
  const card = useCard(store, id, matchedText);
  return (
    <section class="card-panel" aria-live="polite" data-card-id={id}>
      <button type="button" class="link-button back" onClick={onBack}>
        {`← ${backLabel}`}
      </button>
      {card.status === 'loading' && <p class="muted">Loading…</p>}
      {card.status === 'missing' && <p class="muted">{`No details for ${id}.`}</p>}
      {card.status === 'error' && <p class="error">{`Could not load ${id}: ${card.message}`}</p>}
      {card.status === 'ready' && <EntityCard data={card.data} variant="compact" {...nav} />}
    </section>
  );
}
