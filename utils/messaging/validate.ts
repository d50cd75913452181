import { isEntityId } from '../index-data/entity-id';
import type { PageSummary } from './protocol';

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
  const { entities, capped } = data as { entities?: unknown; capped?: unknown };
  if (!Array.isArray(entities) || entities.length > MAX_SUMMARY_ENTITIES) return undefined;
  if (typeof capped !== 'number' || !Number.isFinite(capped) || capped < 0) return undefined;
  const valid = entities.every(
    (e) => e && typeof e === 'object' && isEntityId((e as { id?: unknown }).id) && typeof (e as { kind?: unknown }).kind === 'string' &&
      Number.isInteger((e as { count?: unknown }).count) && (e as { count: number }).count > 0,
  );
  return valid ? { entities: entities as PageSummary['entities'], capped } : undefined;
}
