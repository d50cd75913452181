import { createMatcher, type Match } from '../../../utils/matcher/matcher';
import { fixtureTable } from './fixtures';

export const matcher = createMatcher(fixtureTable);

/** The matched spans of `text`, in order. */
export function spans(text: string): string[] {
  return matcher.findAll(text).map((m) => m.text);
}

/** The only match in `text` (fails the test when there is not exactly one). */
export function only(text: string): Match {
  const matches = matcher.findAll(text);
  if (matches.length !== 1) throw new Error(`expected one match in ${JSON.stringify(text)}, got [${matches.map((m) => m.text).join(', ')}]`);
  return matches[0]!;
}
