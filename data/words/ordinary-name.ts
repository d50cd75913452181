/**
 * Whether an actor or software name is also ordinary language or another thing's name
 * ("Axiom", "Lazarus", "Sandworm", "Evil Corp", "Calendar", "CIA"), so that the content
 * script annotates it only with its exact capitalisation and threat context.
 *
 * A name is ordinary when it has no digits and no camelCase, and each of its words is an
 * ordinary word, a plural or possessive of one, or a compound of two words of four letters or more ("Sandworm" = sand+worm).
 * Names of three letters or fewer are always treated as ordinary unless they carry digits:
 * short acronyms collide with everything.
 */
export function isOrdinaryName(name: string, words: ReadonlySet<string>): boolean {
  if (/\p{N}/u.test(name)) return false;
  if (/\p{Ll}\p{Lu}/u.test(name)) return false;
  const tokens = name.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  if (tokens.length === 0) return false;
  if (tokens.join('').length <= 3) return true;
  return tokens.every((t) => isOrdinaryWord(t, words));
}

function isOrdinaryWord(token: string, words: ReadonlySet<string>): boolean {
  if (words.has(token)) return true;
  if (token.endsWith('s') && words.has(token.slice(0, -1))) return true;
  if (token.endsWith('es') && words.has(token.slice(0, -2))) return true;
  return isCompound(token, words);
}

function isCompound(token: string, words: ReadonlySet<string>): boolean {
  for (let i = 4; i <= token.length - 4; i++) {
    if (words.has(token.slice(0, i)) && words.has(token.slice(i))) return true;
  }
  return false;
}
