import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageSummary } from '../annotate/page-summary';
import type { CardData } from '../cards/card-data';

export type { PageSummary };

/**
 * The one typed messaging layer between the extension's contexts. Every handler validates
 * its input (validate.ts) and checks the sender: messages are data, never trusted.
 */
export interface ProtocolMap {
  /** Card data for each id (best candidate first), for hover cards. */
  getCards(data: { ids: string[]; matchedText?: string }): CardData[];
  /** Content script -> background: what this tab's page mentions (drives the badge). */
  reportPageSummary(data: PageSummary): void;
  /** Popup -> content script of the active tab's top frame: what the page mentions. */
  getPageSummary(): PageSummary;
  /** Content script -> background: the settled text selection, to title the context menu. */
  selectionChanged(data: { text: string }): void;
  /**
   * Content script -> background: whether any of these texts (one per text node of the page)
   * holds a match. The content script loads the annotator only when one does.
   */
  screenText(data: { texts: string[] }): boolean;
  /** Content script -> background: open an entity's profile (lookup page) in a new tab. */
  openProfile(data: { id: string }): void;
}

export const messenger = defineExtensionMessaging<ProtocolMap>();
