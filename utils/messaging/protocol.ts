import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CardData } from '../cards/card-data';

/** What the content script tells the background about the page it annotated. */
export interface PageSummary {
  /** Distinct annotated entities with how often each was annotated. */
  entities: { id: string; kind: string; count: number }[];
  /** Matches left unannotated because of the per-page cap. */
  capped: number;
}

/**
 * The one typed messaging layer between the extension's contexts. Every handler validates
 * its input: messages are data, never trusted.
 */
export interface ProtocolMap {
  /** Card data for each id (best candidate first), for hover cards and the popup. */
  getCards(data: { ids: string[]; matchedText?: string }): CardData[];
  /** Content script -> background: what this tab's page mentions (drives the badge). */
  reportPageSummary(data: PageSummary): void;
  /** Popup -> content script of the active tab: what the page mentions. */
  getPageSummary(): PageSummary;
}

export const messenger = defineExtensionMessaging<ProtocolMap>();
