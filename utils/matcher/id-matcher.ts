/**
 * ATT&CK IDs as written on pages (upper case): T1566, T1566.001, G0001, S0013, C0027, TA0001.
 * Only IDs listed in the table are annotated. Tokens are checked for the shape of an ID
 * first, so only ID-shaped tokens cost a string (the slice looked up in the table's IDs).
 */
import type { AnnotationKind, MatcherTable } from './table';
import { isWordAt } from './char-class';

const TECHNIQUE = 1;
const GROUP = 3;
const SOFTWARE = 4;
const CAMPAIGN = 5;
const TACTIC = 6;

const KIND_BY_CODE: (AnnotationKind | undefined)[] = [undefined, 'technique', undefined, 'actor', 'software', 'campaign', 'tactic'];

/** The token is not an ID of the table: try it as a name. */
export const ID_NONE = -1;
/** A parent technique followed by ".NNN" that is not a valid sub-technique: annotate nothing. */
export const ID_REJECTED = -2;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Value of `length` ASCII digits at `at`, or -1. */
function digits(s: string, at: number, length: number): number {
  let v = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}

function codeOfPrefix(s: string, start: number, tokenLength: number): number {
  const c = s.charCodeAt(start);
  if (tokenLength === 6) return c === 84 && s.charCodeAt(start + 1) === 65 ? TACTIC : 0; // TA
  if (tokenLength !== 5) return 0;
  if (c === 84) return TECHNIQUE; // T
  if (c === 71) return GROUP; // G
  if (c === 83) return SOFTWARE; // S
  if (c === 67) return CAMPAIGN; // C
  return 0;
}

export class IdIndex {
  /**
   * The table's IDs, built on the first ID-shaped token (most pages have none) by native
   * code: parsing ~1,500 IDs in the interpreter would cost milliseconds on that first token.
   */
  private valid: Set<string> | undefined;
  /** Kind of the last ID accepted by {@link matchAt}. */
  kind: AnnotationKind = 'technique';

  /** The table, whose `ids` are first read on the first ID-shaped token. */
  constructor(private readonly table: Pick<MatcherTable, 'ids'>) {}

  /** Whether `text[start, end)`, an ID-shaped token, is an ID of the table (of any kind). */
  private has(text: string, start: number, end: number): boolean {
    if (this.valid === undefined) {
      const { technique, group, software, campaign, tactic } = this.table.ids;
      this.valid = new Set([...technique, ...group, ...software, ...campaign, ...tactic]);
    }
    return this.valid.has(text.slice(start, end));
  }

  /**
   * Tries the token `text[start, tokenEnd)` as an ID. Returns the end of a valid ID (and sets
   * {@link kind}), {@link ID_NONE}, or {@link ID_REJECTED}.
   */
  matchAt(text: string, start: number, tokenEnd: number): number {
    const code = codeOfPrefix(text, start, tokenEnd - start);
    if (code === 0) return ID_NONE;
    const value = digits(text, tokenEnd - 4, 4);
    if (value < 0) return ID_NONE;
    if (code === TECHNIQUE && text.charCodeAt(tokenEnd) === 46) {
      const sub = digits(text, tokenEnd + 1, 3);
      if (sub >= 0 && !isWordAt(text, tokenEnd + 4)) {
        if (!this.has(text, start, tokenEnd + 4)) return ID_REJECTED;
        this.kind = 'technique';
        return tokenEnd + 4;
      }
    }
    if (!this.has(text, start, tokenEnd)) return ID_NONE;
    this.kind = KIND_BY_CODE[code]!;
    return tokenEnd;
  }
}
