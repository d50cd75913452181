import type { TextMatcher } from './matcher';
import type { AnnotationKind } from './table';

/**
 * A matcher that keeps only the kinds the user annotates and, in strict mode, drops names
 * that are also ordinary words (`common` matches).
 */
export function filterMatcher(inner: TextMatcher, kinds: ReadonlySet<AnnotationKind>, strict: boolean): TextMatcher {
  return {
    findAll(text) {
      const matches = inner.findAll(text);
      return matches.filter((m) => kinds.has(m.kind) && !(strict && m.common));
    },
  };
}
