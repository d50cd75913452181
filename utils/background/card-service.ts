import { buildCard } from '../cards/build-card';
import type { CardData } from '../cards/card-data';
import type { DetailsStore } from '../index-data/details-store';
import { messenger } from '../messaging/protocol';
import { isOwnSender, parseCardRequest } from '../messaging/validate';

/** Answers card requests from the extension's own contexts with validated ids. */
export function serveCards(store: DetailsStore, runtimeId: string): () => void {
  return messenger.onMessage('getCards', async ({ data, sender }) => {
    if (!isOwnSender(sender, runtimeId)) return [];
    const request = parseCardRequest(data);
    if (!request) return [];
    const cards = await Promise.all(request.ids.map((id) => buildCard(store, id, request.matchedText)));
    return cards.filter((c): c is CardData => c !== undefined);
  });
}
