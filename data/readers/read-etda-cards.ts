import type { DatedEvent } from '../schema';
import { SourceError, expectArray, expectObject } from '../source-error';
import { safeHttpUrl, toPlainText } from '../text/rich-text';
import { optionalText as text, strings } from './json-values';

export interface EtdaName {
  name: string;
  giver: string;
}

export interface EtdaCard {
  uuid: string;
  /** The card's title, e.g. "Axiom, Group 72". */
  actor: string;
  names: EtdaName[];
  country: string[];
  sponsor?: string;
  motivation: string[];
  firstSeen?: string;
  description: string;
  sectors: string[];
  targetCountries: string[];
  tools: string[];
  operations: DatedEvent[];
  counterOperations: DatedEvent[];
  information: string[];
  mitreAttack: string[];
  cardUrl?: string;
}

export interface EtdaRead {
  file: string;
  version?: string;
  cards: EtdaCard[];
}

/** Reads ETDA's "Threat Group Cards" JSON export (`values[]` of actor cards). */
export function readEtdaCards(json: unknown, file: string): EtdaRead {
  const root = expectObject(json, file, 'the ETDA export');
  const values = expectArray(root.values, file, 'values');
  if (values.length === 0) throw new SourceError(file, 'no cards in values[] (truncated download?)');
  const cards = values.map((value, index) => readCard(value, file, index));
  return { file, version: typeof root['last-db-change'] === 'string' ? root['last-db-change'] : undefined, cards };
}

function readCard(value: unknown, file: string, index: number): EtdaCard {
  const card = expectObject(value, file, `card #${index}`);
  const ref = typeof card.actor === 'string' ? `card "${card.actor}"` : `card #${index}`;
  if (typeof card.actor !== 'string' || !card.actor.trim()) throw new SourceError(file, 'card without an actor name', ref);
  if (typeof card.uuid !== 'string' || !card.uuid) throw new SourceError(file, 'card without a uuid', ref);
  const names = expectArray(card.names ?? [], file, 'names', ref).flatMap((n): EtdaName[] => {
    if (!n || typeof n !== 'object') return [];
    const { name, 'name-giver': giver } = n as { name?: unknown; 'name-giver'?: unknown };
    return typeof name === 'string' && name.trim() ? [{ name: name.trim(), giver: typeof giver === 'string' ? giver.trim() : '' }] : [];
  });
  if (names.length === 0) throw new SourceError(file, 'card without names', ref);
  return {
    uuid: card.uuid,
    actor: card.actor.trim(),
    names,
    country: strings(card.country),
    sponsor: text(card.sponsor),
    motivation: strings(card.motivation),
    firstSeen: text(card['first-seen']),
    description: typeof card.description === 'string' ? card.description : '',
    sectors: strings(card['observed-sectors']),
    targetCountries: strings(card['observed-countries']),
    tools: strings(card.tools),
    operations: events(card.operations),
    counterOperations: events(card['counter-operations']),
    information: strings(card.information),
    mitreAttack: strings(card['mitre-attack']),
    cardUrl: typeof card._card_url === 'string' ? safeHttpUrl(card._card_url) : undefined,
  };
}

/** An ETDA operation: free text whose trailing lines are source URLs. */
export function readEvent(date: unknown, activity: string): DatedEvent {
  const lines = activity.split(/\r?\n/);
  const urls: string[] = [];
  const textLines: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    const url = /^https?:\/\/\S+$/.test(trimmed) ? safeHttpUrl(trimmed) : undefined;
    if (url) urls.push(url);
    else if (trimmed) textLines.push(trimmed);
  }
  return { date: text(date), text: toPlainText(textLines.join('\n')), urls };
}

function events(value: unknown): DatedEvent[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((e) => {
    if (!e || typeof e !== 'object') return [];
    const { date, activity } = e as { date?: unknown; activity?: unknown };
    return typeof activity === 'string' && activity.trim() ? [readEvent(date, activity)] : [];
  });
}
