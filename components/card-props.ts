import type { CardData } from '../utils/cards/card-data';

/** compact: hover card and popup (short description, top items); full: lookup page (everything). */
export type CardVariant = 'compact' | 'full';

/**
 * How a host wants references to behave. Cards never navigate on their own:
 * - `onSelectEntity` set: references are buttons calling it (the popup shows that card);
 * - else `profileHref` set: references and "Open profile" are links opening a new tab;
 * - `onOpenProfile` set: "Open profile" (and reference links) call it instead of following
 *   the link on a plain click; the href still serves middle-click and "copy link".
 * With none set, references are plain text.
 */
export interface CardNavigation {
  onOpenProfile?(id: string): void;
  onSelectEntity?(id: string): void;
  profileHref?(id: string): string;
}

export interface CardProps<D extends CardData = CardData> extends CardNavigation {
  data: D;
  variant: CardVariant;
}

/** The navigation part of a card's props, to hand down to its parts. */
export function navigationOf(props: CardNavigation): CardNavigation {
  const { onOpenProfile, onSelectEntity, profileHref } = props;
  return { onOpenProfile, onSelectEntity, profileHref };
}
