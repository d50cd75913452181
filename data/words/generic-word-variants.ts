/** Words that name no one on their own: writers capitalise them or not ("the Dukes", "Lazarus group"). */
const LEADING = /^The (?=\S)/;
const TRAILING = / (Group|Team|Gang|Crew)$/;

/**
 * The spellings of a name that differ only in the case of a generic word: a leading "The" and
 * a trailing "Group", "Team", "Gang" or "Crew" ("The Dukes" -> "the Dukes"; "Lazarus Group" ->
 * "Lazarus group"). Ordinary-word names must match a surface exactly, and these spellings
 * are the same name.
 */
export function genericWordVariants(surface: string): string[] {
  const variants = new Set<string>();
  const lead = LEADING.test(surface) ? [surface, surface.replace(LEADING, 'the ')] : [surface];
  for (const s of lead) {
    variants.add(s);
    const m = TRAILING.exec(s);
    if (m?.[1]) variants.add(s.slice(0, m.index) + ' ' + m[1].toLowerCase());
  }
  variants.delete(surface);
  return [...variants];
}
