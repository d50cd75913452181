import type { PageEvidence } from '../matcher/context-policy';
import type { Match } from '../matcher/matcher';
import type { AnnotationKind } from '../matcher/table';
import type { TextWindow } from './surrounding-text';

/** The matcher's context check for common names (utils/matcher/context-policy.ts). */
export type CommonMatchPolicy = (match: Match, surroundingText: string, evidence: PageEvidence) => boolean;

/** Kinds whose unambiguous mentions make the page a threat-intel page. */
const strongKinds: ReadonlySet<AnnotationKind> = new Set(['actor', 'technique', 'software']);

export interface MatchDecision {
  accepted: Match[];
  /** Common-name matches the policy turned down for now; re-checked as evidence grows. */
  deferred: { match: Match; context: TextWindow }[];
}

/** Asks the policy about a match, with its offsets translated into the context window. */
export function acceptsInContext(
  match: Match,
  context: TextWindow,
  evidence: PageEvidence,
  policy: CommonMatchPolicy,
): boolean {
  try {
    return policy({ ...match, start: context.start, end: context.end }, context.text, evidence);
  } catch {
    return false;
  }
}

/**
 * Splits one text node's matches: non-common ones are accepted (actor, technique and
 * software ones add to `evidence.strongMentions`, and unambiguous ones their id to
 * `evidence.entityIds`, which this mutates); common ones are
 * accepted only if the policy agrees given their surrounding text, else deferred.
 */
export function decideMatches(
  matches: readonly Match[],
  evidence: PageEvidence,
  policy: CommonMatchPolicy,
  contextOf: (match: Match) => TextWindow,
): MatchDecision {
  const accepted: Match[] = [];
  const deferred: MatchDecision['deferred'] = [];
  for (const match of matches) {
    if (match.common) continue;
    accepted.push(match);
    if (!strongKinds.has(match.kind)) continue;
    evidence.strongMentions++;
    if (match.ids.length === 1) evidence.entityIds?.add(match.ids[0]!);
  }
  for (const match of matches) {
    if (!match.common) continue;
    const context = contextOf(match);
    if (acceptsInContext(match, context, evidence, policy)) accepted.push(match);
    else deferred.push({ match, context });
  }
  accepted.sort((a, b) => a.start - b.start);
  return { accepted, deferred };
}
