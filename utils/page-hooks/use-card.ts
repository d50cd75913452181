import { useEffect, useState } from 'preact/hooks';
import { buildCard } from '@/utils/cards/build-card';
import type { CardData } from '@/utils/cards/card-data';
import type { DetailsStore } from '@/utils/index-data/details-store';

export type CardState = { status: 'loading' } | { status: 'ready'; data: CardData } | { status: 'missing' } | { status: 'error'; message: string };

/** The card data for an id, loaded from the packaged details (no background round trip). */
export function useCard(store: DetailsStore, id: string, matchedText?: string): CardState {
  const [state, setState] = useState<CardState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    buildCard(store, id, matchedText).then(
      (data) => current && setState(data ? { status: 'ready', data } : { status: 'missing' }),
      (error: unknown) => current && setState({ status: 'error', message: String(error) }),
    );
    return () => {
      current = false;
    };
  }, [store, id, matchedText]);
  return state;
}
