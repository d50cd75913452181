import { useId, useRef, useState } from 'preact/hooks';
import type { CardData } from '../utils/cards/card-data';
import { navigationOf, type CardNavigation, type CardVariant } from './card-props';
import { EntityCard } from './entity-card';
import { countOf, displayId, kindName, sourceShortName } from './format/labels';

export interface CandidateSwitcherProps extends CardNavigation {
  /** Candidates, best first. */
  cards: readonly CardData[];
  /** The text the reader met on the page. */
  matchedText?: string;
  variant: CardVariant;
}

/**
 * One card, or for an ambiguous name the best candidate first with tabs for all of them:
 * why the name is ambiguous, and for each candidate who gave it that name and which
 * sources say so. Arrow keys, Home and End move between tabs.
 */
export function CandidateSwitcher(props: CandidateSwitcherProps) {
  const { cards, matchedText, variant } = props;
  const nav = navigationOf(props);
  const [selected, setSelected] = useState(0);
  const baseId = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = cards[Math.min(selected, cards.length - 1)];
  if (!current) return null;
  if (cards.length === 1) return <EntityCard data={current} variant={variant} {...nav} />;

  const tabId = (i: number) => `${baseId}-tab-${i}`;
  const panelId = `${baseId}-panel`;
  const select = (i: number) => {
    const next = (i + cards.length) % cards.length;
    setSelected(next);
    tabs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: selected + 1,
      ArrowRight: selected + 1,
      ArrowUp: selected - 1,
      ArrowLeft: selected - 1,
      Home: 0,
      End: cards.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select(to);
  };

  return (
    <div class="til-switcher til-theme">
      <p class="til-ambiguity">{ambiguitySummary(cards, matchedText)}</p>
      <div role="tablist" aria-orientation="vertical" aria-label="Candidates" class="til-tabs" onKeyDown={onKeyDown}>
        {cards.map((card, i) => (
          <button
            key={card.entity.id}
            ref={(el) => void (tabs.current[i] = el)}
            type="button"
            role="tab"
            id={tabId(i)}
            class="til-tab"
            aria-selected={i === selected}
            aria-controls={panelId}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => select(i)}
          >
            <span class="til-tab-name">{card.entity.name}</span>
            <span class="til-id">{` ${displayId(card.entity)}`}</span>
            <span class="til-tab-why">{candidateReason(card, cards)}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} class="til-panel">
        <EntityCard key={current.entity.id} data={current} variant={variant} {...nav} />
      </div>
    </div>
  );
}

/** "“Cobalt” is a name used for 3 actors", or for mixed kinds "… for 2 entities: 1 actor, 1 software". */
export function ambiguitySummary(cards: readonly CardData[], matchedText?: string): string {
  const counts = new Map<CardData['kind'], number>();
  for (const card of cards) counts.set(card.kind, (counts.get(card.kind) ?? 0) + 1);
  const what =
    counts.size === 1
      ? countOf(cards.length, cards[0]!.kind)
      : `${cards.length} entities: ${[...counts].map(([k, n]) => countOf(n, k)).join(', ')}`;
  const name = matchedText?.trim();
  return name ? `“${name}” is a name used for ${what}` : `${what} match`;
}

/** Why this candidate carries the name: who gave it, and which sources. */
export function candidateReason(card: CardData, all: readonly CardData[]): string {
  const mixed = all.some((c) => c.kind !== card.kind);
  const parts: string[] = mixed ? [kindName(card.kind)] : [];
  const alias = card.kind === 'actor' ? card.matchedAlias : undefined;
  if (alias) {
    parts.push(alias.givers.length ? `named by ${alias.givers.join(', ')}` : 'name-giver not recorded');
    if (alias.sources.length) parts.push(alias.sources.map(sourceShortName).join(', '));
  } else if (card.sources.length) {
    parts.push(card.sources.map((s) => sourceShortName(s.id)).join(', '));
  }
  return parts.join(' · ');
}
