import { ATTACK_ID_PATTERN, type EntityKind } from '../../data/schema';
import type { SearchDoc } from './search-doc';
import type { SearchHit } from './search-hit';

const GROUP_TITLES: Record<EntityKind, string> = {
  actor: 'Actors',
  technique: 'Techniques',
  software: 'Software',
  campaign: 'Campaigns',
  tactic: 'Tactics',
};
const MATRICES: Record<string, string> = { 'mobile-attack': 'Mobile', 'ics-attack': 'ICS' };

export function groupTitle(kind: EntityKind): string {
  return GROUP_TITLES[kind];
}

/** The ID a reader knows: ATT&CK IDs as they are, other actors by their source ("ETDA", "MISP"). */
export function visibleId(doc: SearchDoc): string {
  if (ATTACK_ID_PATTERN.test(doc.id)) return doc.id;
  return doc.id.startsWith('etda-') ? 'ETDA' : doc.id.startsWith('misp-') ? 'MISP' : '';
}

/** The small print of a result row: why it matched and what sets it apart from its namesakes. */
export function hitDetails(hit: SearchHit): string[] {
  const { doc } = hit;
  const details: string[] = [];
  if (hit.redirectedFrom) details.push(`${hit.redirectedFrom} was revoked: replaced by this`);
  if (hit.alias) details.push(`aka ${hit.alias}`);
  if (doc.parent) details.push(`sub-technique of ${doc.parent}`);
  if (doc.domain) details.push(MATRICES[doc.domain] ?? doc.domain);
  if (doc.deprecated) details.push('deprecated');
  return details;
}
