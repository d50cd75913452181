/**
 * The approaches the matcher replaces, for comparison only: one RegExp alternation of every
 * name, and a loop of one RegExp per name (what peer extensions do).
 */
import type { MatcherTable } from '../../utils/matcher/table';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function distinctSurfaces(table: MatcherTable): string[] {
  return [...new Set(table.names.map(([surface]) => surface))].sort((a, b) => b.length - a.length);
}

export interface TextScanner {
  /** Number of matches in the texts. */
  count(texts: readonly string[]): number;
}

/** `\b(?:name1|name2|...)\b`, case-insensitive, longest names first. */
export function alternationScanner(table: MatcherTable): TextScanner {
  const re = new RegExp(`\\b(?:${distinctSurfaces(table).map(escapeRegExp).join('|')})\\b`, 'gi');
  return {
    count(texts) {
      let n = 0;
      for (const text of texts) {
        re.lastIndex = 0;
        while (re.exec(text) !== null) n++;
      }
      return n;
    },
  };
}

/** One `\bname\b` RegExp per name, each run over every text. */
export function perNameScanner(table: MatcherTable): TextScanner {
  const regexes = distinctSurfaces(table).map((name) => new RegExp(`\\b${escapeRegExp(name)}\\b`, 'gi'));
  return {
    count(texts) {
      let n = 0;
      for (const text of texts) {
        for (const re of regexes) {
          re.lastIndex = 0;
          while (re.exec(text) !== null) n++;
        }
      }
      return n;
    },
  };
}
