import { browser, type PublicPath } from 'wxt/browser';
import { messenger } from '../messaging/protocol';
import type { CardFetcher } from './card-cache';

/** Card data from the background, which owns the entity details. */
export const fetchCardsFromBackground: CardFetcher = (request) => messenger.sendMessage('getCards', request);

/** The extension's lookup page for an id (`lookup.html?q=<id>`). */
export function lookupPageHref(id: string): string {
  return `${browser.runtime.getURL('/lookup.html' as PublicPath)}?q=${encodeURIComponent(id)}`;
}
