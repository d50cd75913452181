import { useEffect } from 'preact/hooks';
import type { CardNavigation } from '@/components/card-props';
import { EntityCard } from '@/components/entity-card';
import type { DetailsStore } from '@/utils/index-data/details-store';
import type { SearchHit } from '@/utils/search/search-hit';
import { useCard } from '@/utils/page-hooks/use-card';
import { ExportBar } from './export-bar';
import { HitLinks } from './hit-links';
import { TechniqueUsers } from './technique-users';

interface ProfileViewProps {
  store: DetailsStore;
  hit: SearchHit;
  /** Other entities the same text names exactly (a shared alias). */
  others: readonly SearchHit[];
  query: string;
  nav: CardNavigation & { onOpenProfile(id: string): void };
}

/** The full profile of the best match, its exports, and the other owners of the name. */
export function ProfileView({ store, hit, others, query, nav }: ProfileViewProps) {
  const card = useCard(store, hit.redirectedFrom ?? hit.doc.id, hit.alias);
  useEffect(() => {
    document.title = `${hit.doc.name} · TI Lens`;
  }, [hit]);

  return (
    <article class="profile" data-profile-id={hit.doc.id}>
      {others.length > 0 && (
        <p class="note" role="note">
          {`“${query}” also names `}
          <HitLinks hits={others} layout="inline" onNavigate={nav.onOpenProfile} />.
        </p>
      )}
      {card.status === 'loading' && <p class="muted">Loading…</p>}
      {card.status === 'missing' && <p class="muted">{`No details for ${hit.doc.id}.`}</p>}
      {card.status === 'error' && <p class="error">{`Could not load ${hit.doc.id}: ${card.message}`}</p>}
      {card.status === 'ready' && (
        <>
          {(card.data.kind === 'actor' || card.data.kind === 'software' || card.data.kind === 'campaign') &&
            card.data.entity.techniques.length > 0 && (
              <ExportBar store={store} entity={card.data.entity} groups={card.data.techniquesByTactic} />
            )}
          <EntityCard data={card.data} variant="full" {...nav} />
          {card.data.kind === 'technique' && <TechniqueUsers store={store} technique={card.data.entity} nav={nav} />}
        </>
      )}
    </article>
  );
}
