/**
 * The matcher table as the content script carries it: two JSON texts, bundled as strings.
 * The scan part (the precomputed name hashes) is parsed when the matcher is built; the rest
 * (names, entities, IDs: four fifths of the table) only when a page first needs it: a
 * full-key hash or an ID-shaped token in its text. A page with no candidate never parses it,
 * and a JSON string costs the script's compiler a fraction of what the same data costs as
 * object literals.
 */
import type { MatcherTable } from './table';

type ScanPart = Pick<MatcherTable, 'version' | 'nameHashes'>;
type LookupPart = Pick<MatcherTable, 'entities' | 'entityKinds' | 'names' | 'ids'>;

export interface ContentTableTexts {
  /** JSON of the scan part: `version` and `nameHashes`. */
  scan: string;
  /** JSON of the rest: `entities`, `entityKinds`, `names`, `ids`. */
  lookup: string;
}

/** Splits a compiled table into the two texts (build time). */
export function splitMatcherTable(table: MatcherTable): ContentTableTexts {
  const { version, nameHashes, entities, entityKinds, names, ids } = table;
  const scan: ScanPart = { version, nameHashes };
  const lookup: LookupPart = { entities, entityKinds, names, ids };
  return { scan: JSON.stringify(scan), lookup: JSON.stringify(lookup) };
}

/** The table the two texts hold; the lookup part is parsed on first access of any of its fields. */
export function contentMatcherTable(texts: ContentTableTexts): MatcherTable {
  const scan = JSON.parse(texts.scan) as ScanPart;
  let lookup: LookupPart | undefined;
  const load = (): LookupPart => (lookup ??= JSON.parse(texts.lookup) as LookupPart);
  return {
    version: scan.version,
    nameHashes: scan.nameHashes,
    get entities() {
      return load().entities;
    },
    get entityKinds() {
      return load().entityKinds;
    },
    get names() {
      return load().names;
    },
    get ids() {
      return load().ids;
    },
  };
}
