import { describe, expect, it } from 'vitest';
import { decideMatches } from '../../../utils/annotate/match-policy';
import type { PageEvidence } from '../../../utils/matcher/context-policy';
import type { Match } from '../../../utils/matcher/matcher';

const m = (text: string, start: number, ids: string[], common = false, kind: Match['kind'] = 'actor'): Match => ({
  text, start, end: start + text.length, ids, common, kind,
});

describe('decideMatches', () => {
  it('records unambiguous accepted mentions as page evidence, so a common alias of the same actor is accepted', () => {
    const evidence: PageEvidence & { entityIds: Set<string> } = { strongMentions: 0, entityIds: new Set() };
    const text = 'Turla, also called Snake, returned.';
    const matches = [m('Turla', 0, ['G0010']), m('Snake', 19, ['G0010', 'S0022'], true)];
    const policy = (match: Match, _text: string, ev: PageEvidence) => match.ids.some((id) => ev.entityIds?.has(id) ?? false);
    const { accepted, deferred } = decideMatches(matches, evidence, policy, (match) => ({ text, start: match.start, end: match.end }));
    expect(accepted.map((a) => a.text)).toEqual(['Turla', 'Snake']);
    expect(deferred).toEqual([]);
    expect(evidence.strongMentions).toBe(1);
    expect([...evidence.entityIds]).toEqual(['G0010']);
  });

  it('does not take an ambiguous mention as evidence for any one candidate', () => {
    const evidence: PageEvidence & { entityIds: Set<string> } = { strongMentions: 0, entityIds: new Set() };
    decideMatches([m('Group 72', 0, ['G0001', 'G0025'])], evidence, () => false, (match) => ({ text: 'Group 72', start: match.start, end: match.end }));
    expect(evidence.strongMentions).toBe(1);
    expect(evidence.entityIds.size).toBe(0);
  });
});
