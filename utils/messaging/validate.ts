import { isEntityId } from '../index-data/entity-id';
import { SCREEN_LIMITS } from '../content/screen-text';
import type { AnnotationKind } from '../matcher/table';
import type { PageSummary } from './protocol';

const ANNOTATION_KINDS: readonly AnnotationKind[] = ['actor', 'technique', 'software', 'campaign', 'tactic'];

const MAX_IDS = 12;
const MAX_TEXT = 200;
const MAX_SUMMARY_ENTITIES = 5000;

/** Sender check: only this extension's own contexts (its pages and its content scripts). */
export function isOwnSender(sender: { id?: string } | undefined, runtimeId: string): boolean {
  return !!sender && sender.id === runtimeId;
}

export function parseCardRequest(data: unknown): { ids: string[]; matchedText?: string } | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const { ids, matchedText } = data as { ids?: unknown; matchedText?: unknown };
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS || !ids.every(isEntityId)) return undefined;
  if (matchedText !== undefined && (typeof matchedText !== 'string' || matchedText.length > MAX_TEXT)) return undefined;
  return { ids: [...new Set(ids)], ...(typeof matchedText === 'string' ? { matchedText } : {}) };
}

export function parsePageSummary(data: unknown): PageSummary | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const { entities, notAnnotated, mentions } = data as { entities?: unknown; notAnnotated?: unknown; mentions?: unknown };
  if (!Array.isArray(entities) || entities.length > MAX_SUMMARY_ENTITIES) return undefined;
  if (!isCount(notAnnotated) || !isCount(mentions)) return undefined;
  const valid = entities.every(
    (e) =>
      e && typeof e === 'object' && isEntityId((e as { id?: unknown }).id) &&
      ANNOTATION_KINDS.includes((e as { kind?: unknown }).kind as AnnotationKind) &&
      isCount((e as { count?: unknown }).count),
  );
  return valid ? { entities: entities as PageSummary['entities'], notAnnotated, mentions } : undefined;
}

/** The selection text of a selectionChanged message, or undefined when malformed. */
export function parseSelectionMessage(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const { text } = data as { text?: unknown };
  return typeof text === 'string' && text.length <= 1000 ? text : undefined;
}

/** The id of an openProfile message, when it is a well-formed entity id. */
export function parseProfileRequest(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const { id } = data as { id?: unknown };
  return isEntityId(id) ? id : undefined;
}

/** The texts of a screenText message, when they are strings within what one screening collects. */
export function parseScreenRequest(data: unknown): string[] | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const { texts } = data as { texts?: unknown };
  if (!Array.isArray(texts) || texts.length > SCREEN_LIMITS.maxNodes) return undefined;
  let chars = 0;
  for (const text of texts) {
    if (typeof text !== 'string') return undefined;
    chars += text.length;
  }
  return chars <= SCREEN_LIMITS.maxChars ? (texts as string[]) : undefined;
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
