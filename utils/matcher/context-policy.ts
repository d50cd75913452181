/**
 * When to annotate a `common: true` match ("Sandworm", "Lazarus", "Axiom", "Cobalt"): only
 * when the text around it reads as threat intelligence. False positives are the main risk,
 * so the rules are conservative. Pure functions; the vocabulary is in threat-terms.ts.
 */
import type { Match } from './matcher';
import { INDICATOR_PATTERN, STRONG_THREAT_PREFIXES, STRONG_THREAT_TERMS, STRONG_TOKEN_PATTERN, WEAK_THREAT_TERMS } from './threat-terms';

export interface PageEvidence {
  /** Accepted non-common actor/technique/software annotations on the page so far. */
  strongMentions: number;
  /**
   * Optional: the ids of those accepted annotations. A common name of an entity the page
   * already names unambiguously ("Snake" on a page about Turla) is accepted.
   */
  entityIds?: Set<string>;
}

/** Characters examined on each side of a match. */
export const CONTEXT_RADIUS = 300;
/** Unambiguous mentions on the page before ordinary threat words ("group", "attack") count. */
export const EVIDENCE_FOR_WEAK_TERMS = 2;

interface TermSets {
  exact: Set<string>;
  anyCase: Set<string>;
}

function termSets(terms: readonly string[]): TermSets {
  const exact = new Set<string>();
  const anyCase = new Set<string>();
  for (const term of terms) {
    if (term !== term.toLowerCase()) exact.add(term);
    else anyCase.add(term);
  }
  return { exact, anyCase };
}

const STRONG = termSets(STRONG_THREAT_TERMS);
const WEAK = termSets(WEAK_THREAT_TERMS);
const WORD = /[\p{L}\p{N}]+(?:[-&][\p{L}\p{N}]+)*/gu;

function inSet(sets: TermSets, word: string): boolean {
  return sets.exact.has(word) || sets.anyCase.has(word.toLowerCase());
}

/** Whether `word` (a token, or two tokens joined by a space) is a term of `sets`, itself or by a hyphen part. */
function isTerm(sets: TermSets, word: string): boolean {
  if (inSet(sets, word)) return true;
  if (!word.includes('-')) return false;
  return word.split('-').some((part) => inSet(sets, part));
}

interface ContextTerms {
  strong: number;
  weak: number;
}

function hasStrongPrefix(word: string): boolean {
  const lower = word.toLowerCase();
  return STRONG_THREAT_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Counts the strong and (distinct) weak threat terms in `text`. */
function countTerms(text: string): ContextTerms {
  const weak = new Set<string>();
  let strong = INDICATOR_PATTERN.test(text) ? 1 : 0;
  let previous = '';
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const pair = previous === '' ? '' : `${previous} ${word}`;
    previous = word;
    if (isTerm(STRONG, word) || hasStrongPrefix(word) || STRONG_TOKEN_PATTERN.test(word) || (pair !== '' && inSet(STRONG, pair))) strong++;
    else if (isTerm(WEAK, word)) weak.add(word.toLowerCase());
  }
  return { strong, weak: weak.size };
}

function contextWindow(text: string, matchStart: number, matchEnd: number): string {
  const before = text.slice(Math.max(0, matchStart - CONTEXT_RADIUS), matchStart);
  const after = text.slice(matchEnd, matchEnd + CONTEXT_RADIUS);
  // A line break between the halves keeps the match itself out of the count and out of phrases.
  return `${before}\n${after}`;
}

/**
 * Whether the ~300 characters on each side of `text[matchStart, matchEnd)` hold a strong
 * threat term ("malware", "APT", "threat actor", "hackers", "CVE-2024-3400"...).
 */
export function hasThreatContext(text: string, matchStart: number, matchEnd: number): boolean {
  return countTerms(contextWindow(text, matchStart, matchEnd)).strong > 0;
}

const SENTENCE_END = new Set(['.', '!', '?', '•', '·', '|', '\n', '\r', '\t']);
const OPENERS = /[\s"'“‘«(\[\-–—*]/u;

/** Whether the match is the first word of a sentence (or of the block). */
export function isAtSentenceStart(text: string, matchStart: number): boolean {
  let i = matchStart - 1;
  while (i >= 0 && OPENERS.test(text[i]!) && !SENTENCE_END.has(text[i]!)) i--;
  return i < 0 || SENTENCE_END.has(text[i]!);
}

/** "Calendar", "Lazarus": a single word, capitalised, otherwise lower case. */
function isCapitalisedWord(word: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word);
}

/**
 * Reads as a name rather than a word: several words ("Secret Blizzard", "Olympic Destroyer")
 * or a capital inside a word ("PunchBuggy", "CobaltDickens").
 */
export function isNameShaped(matchText: string): boolean {
  return /[\p{L}\p{N}][\s\-.\u00a0][\p{L}\p{N}]/u.test(matchText) || /\p{Ll}\p{Lu}/u.test(matchText);
}

/** Where the match is in `text`: its own offsets when they fit, else the occurrence nearest to them. */
function locate(match: Match, text: string): number {
  if (text.startsWith(match.text, match.start)) return match.start;
  const after = text.indexOf(match.text, match.start);
  const before = text.lastIndexOf(match.text, match.start);
  if (before < 0) return after;
  if (after < 0) return before;
  return match.start - before <= after - match.start ? before : after;
}

const CAPITALISED_BEFORE = /(?:^|[^\p{L}\p{N}])(\p{Lu}\p{Ll}+(?:['’]s)?)[ \u00a0]$/u;
const CAPITALISED_AFTER = /^[ \u00a0]\p{Lu}\p{Ll}/u;
const WORDS = /\p{L}+/gu;

/** Most words capitalised: a title-case headline, where capitals say nothing about names. */
function isTitleCase(text: string): boolean {
  let words = 0;
  let capitalised = 0;
  for (const [word] of text.matchAll(WORDS)) {
    if (word.length < 4) continue; // "of", "the", "in" stay lower case in headlines
    words++;
    if (/^\p{Lu}/u.test(word)) capitalised++;
  }
  return words >= 3 && capitalised / words >= 0.6;
}

/**
 * Whether a one-word match is part of another proper noun: a capitalised word right before
 * it (not opening the sentence) or right after it, as in "Security Analyst Summit",
 * "Ambassador’s Calendar", "James Elliott". Not in title-case headlines.
 */
export function isInOtherProperNoun(text: string, matchStart: number, matchEnd: number): boolean {
  const before = CAPITALISED_BEFORE.exec(text.slice(Math.max(0, matchStart - 40), matchStart));
  const after = CAPITALISED_AFTER.test(text.slice(matchEnd, matchEnd + 3));
  const beforeWordStart = before ? matchStart - before[0].length + before[0].indexOf(before[1]!) : -1;
  if (!after && (beforeWordStart < 0 || isAtSentenceStart(text, beforeWordStart))) return false;
  return !isTitleCase(text.slice(Math.max(0, matchStart - 80), matchEnd + 80));
}

function namesKnownEntity(match: Match, evidence: PageEvidence): boolean {
  const known = evidence.entityIds;
  return known !== undefined && match.ids.some((id) => known.has(id));
}

/** ATT&CK entities (G0034, S0183): the names analysts mean; the rest are ETDA/MISP clusters. */
function namesAttackEntity(match: Match): boolean {
  return match.ids.some((id) => /^[GSC]\d{4}$/.test(id));
}

/**
 * Whether to annotate a common-name match. `surroundingText` is the text of its block with
 * the match at `match.start`..`match.end` (the annotator translates the offsets).
 * - A single word inside another proper noun ("Security Analyst Summit") is refused.
 * - Accepted when the page already names the same entity unambiguously (`evidence.entityIds`).
 * - A single ordinary word that names only ETDA/MISP clusters ("Dune", "Agenda", "Bottle") is
 *   refused otherwise: too weak a name to stake a highlight on.
 * - Accepted when a strong threat term or an indicator (IP address, defanged domain, hash) is
 *   within ~300 characters.
 * - A name-shaped match ("Diamond Sleet", "PunchBuggy") is accepted with an ordinary threat
 *   word near it ("attack", "group", "campaign"), or on a page that already has two
 *   unambiguous mentions, even in a heading or list item with no other words.
 * - On such a page a single word needs an ordinary threat word within reach, and is refused
 *   when it opens a sentence capitalised ("Calendar apps ...").
 * - Otherwise refused: a Bible study "Lazarus", a Dune review "Sandworm", a maths "Axiom".
 */
export function acceptCommonMatch(match: Match, surroundingText: string, evidence: PageEvidence): boolean {
  const start = locate(match, surroundingText);
  if (start < 0) return false;
  const end = start + match.text.length;
  const nameShaped = isNameShaped(match.text);
  if (!nameShaped && isInOtherProperNoun(surroundingText, start, end)) return false;
  if (namesKnownEntity(match, evidence)) return true;
  if (!nameShaped && !namesAttackEntity(match)) return false;
  const terms = countTerms(contextWindow(surroundingText, start, end));
  if (terms.strong > 0) return true;
  if (nameShaped && terms.weak > 0) return true;
  if (evidence.strongMentions < EVIDENCE_FOR_WEAK_TERMS) return false;
  if (nameShaped) return true;
  if (terms.weak === 0) return false;
  return !(isCapitalisedWord(match.text) && isAtSentenceStart(surroundingText, start));
}
