import { expect, test } from 'vitest';
import { sameSummary, summarizeMentions } from '~/utils/annotate/page-summary';

const mention = (kind: string, ids: string) => {
  const el = document.createElement('ti-mention');
  el.setAttribute('data-ti-kind', kind);
  el.setAttribute('data-ti-id', ids);
  return el;
};

test('counts mentions by best id, most mentioned first', () => {
  const summary = summarizeMentions(
    [mention('actor', 'G0032 etda-1'), mention('software', 'S0002'), mention('actor', 'G0032'), mention('technique', 'T1059')],
    7,
  );
  expect(summary).toEqual({
    mentions: 4,
    entities: [
      { id: 'G0032', kind: 'actor', count: 2 },
      { id: 'S0002', kind: 'software', count: 1 },
      { id: 'T1059', kind: 'technique', count: 1 },
    ],
    notAnnotated: 7,
  });
  expect(sameSummary(summary, structuredClone(summary))).toBe(true);
  expect(sameSummary(summary, { ...summary, notAnnotated: 8 })).toBe(false);
});
