import type { CardData } from '../cards/card-data';

export interface CardRequest {
  ids: string[];
  matchedText: string;
}

/** Asks for the cards of a mention's ids, best candidate first. */
export type CardFetcher = (request: CardRequest) => Promise<CardData[]>;

export interface CardCache {
  /** Cards already fetched for this request, without waiting. */
  peek(request: CardRequest): CardData[] | undefined;
  /** The cards for this request, fetched once per page; a failed fetch is not kept. */
  get(request: CardRequest): Promise<CardData[]>;
}

/** Most requests remembered; the oldest is dropped past this. */
const MAX_ENTRIES = 200;

/**
 * Card data per id list and matched text (the text decides which alias the card says
 * matched), owned by one hover-card instance.
 */
export function createCardCache(fetchCards: CardFetcher): CardCache {
  const entries = new Map<string, { promise: Promise<CardData[]>; cards?: CardData[] }>();
  const keyOf = (r: CardRequest) => `${r.ids.join(' ')}\n${r.matchedText.toLowerCase()}`;

  return {
    peek: (request) => entries.get(keyOf(request))?.cards,
    get(request) {
      const key = keyOf(request);
      const existing = entries.get(key);
      if (existing) return existing.promise;
      const entry: { promise: Promise<CardData[]>; cards?: CardData[] } = {
        promise: fetchCards(request).then(
          (cards) => {
            entry.cards = cards;
            return cards;
          },
          (error: unknown) => {
            entries.delete(key);
            throw error;
          },
        ),
      };
      entries.set(key, entry);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return entry.promise;
    },
  };
}
