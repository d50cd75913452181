/**
 * ATT&CK IDs as written on pages (upper case): T1566, T1566.001, G0001, S0013, C0027, TA0001.
 * Only IDs listed in the table are annotated; they are kept as numbers, so a lookup builds
 * no string.
 */
import type { AnnotationKind, MatcherTable } from './table';
import { isWordAt } from './char-class';

const TECHNIQUE = 1;
const SUB_TECHNIQUE = 2;
const GROUP = 3;
const SOFTWARE = 4;
const CAMPAIGN = 5;
const TACTIC = 6;

const KIND_BY_CODE: (AnnotationKind | undefined)[] = [undefined, 'technique', 'technique', 'actor', 'software', 'campaign', 'tactic'];

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

function idKey(code: number, value: number): number {
  return code * 10_000_000 + value;
}

function parseId(id: string): number | undefined {
  const dot = id.indexOf('.');
  const head = dot < 0 ? id : id.slice(0, dot);
  const code = codeOfPrefix(head, 0, head.length);
  if (code === 0) return undefined;
  const prefixLength = code === TACTIC ? 2 : 1;
  const value = digits(head, prefixLength, 4);
  if (value < 0) return undefined;
  if (dot < 0) return idKey(code, value);
  const sub = id.length === dot + 4 && code === TECHNIQUE ? digits(id, dot + 1, 3) : -1;
  return sub < 0 ? undefined : idKey(SUB_TECHNIQUE, value * 1000 + sub);
}

export class IdIndex {
  /** Built on the first ID-shaped token: most pages have none. */
  private valid: Set<number> | undefined;
  /** Kind of the last ID accepted by {@link matchAt}. */
  kind: AnnotationKind = 'technique';

  constructor(private readonly ids: MatcherTable['ids']) {}

  private has(key: number): boolean {
    if (this.valid === undefined) {
      this.valid = new Set<number>();
      for (const list of [this.ids.technique, this.ids.group, this.ids.software, this.ids.campaign, this.ids.tactic]) {
        for (const id of list) {
          const parsed = parseId(id);
          if (parsed !== undefined) this.valid.add(parsed);
        }
      }
    }
    return this.valid.has(key);
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
        if (!this.has(idKey(SUB_TECHNIQUE, value * 1000 + sub))) return ID_REJECTED;
        this.kind = 'technique';
        return tokenEnd + 4;
      }
    }
    if (!this.has(idKey(code, value))) return ID_NONE;
    this.kind = KIND_BY_CODE[code]!;
    return tokenEnd;
  }
}
