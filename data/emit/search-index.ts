import Fuse from 'fuse.js';
import { SEARCH_KEYS } from '../../utils/search/fuse-config';
import { buildNameTable } from '../../utils/search/name-table';
import { SEARCH_INDEX_PATH, SEARCH_INDEX_VERSION, type SearchDoc, type SearchIndexFile } from '../../utils/search/search-doc';
import type { Actor, CompiledIndex, Entity } from '../schema';

const ENTERPRISE = 'enterprise-attack';

/** The popup's and lookup page's search index: short fields only, the Fuse index prebuilt. */
export function emitSearchIndex(index: CompiledIndex): SearchIndexFile {
  const docs = searchDocsOf(index);
  return {
    version: SEARCH_INDEX_VERSION,
    docs,
    names: buildNameTable(docs),
    fuse: Fuse.createIndex(SEARCH_KEYS, docs).toJSON(),
    redirects: index.redirects.map((r) => [r.from, r.to]),
  };
}

/** The file under the extension's public folder (`public/search/search-index.json`). */
export function emitSearchIndexFile(index: CompiledIndex): { name: string; contents: string } {
  return { name: `public/${SEARCH_INDEX_PATH}`, contents: JSON.stringify(emitSearchIndex(index)) };
}

/**
 * The documents in the order that breaks ranking ties: actors (ATT&CK groups first, as the
 * compiler orders them), techniques, software, campaigns, tactics; enterprise before mobile
 * before ICS; then by ID (tactics in matrix order).
 */
export function searchDocsOf(index: CompiledIndex): SearchDoc[] {
  const techniqueNames = new Map(index.techniques.map((t) => [t.id, t.name]));
  const byDomainThenId = <T extends Entity>(list: readonly T[]) =>
    [...list].sort((a, b) => domainRank(a) - domainRank(b) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  const entities: Entity[] = [
    ...index.actors,
    ...byDomainThenId(index.techniques),
    ...byDomainThenId(index.software),
    ...byDomainThenId(index.campaigns),
    ...[...index.tactics].sort((a, b) => a.order - b.order),
  ];
  return entities.map((e) => {
    const parent = e.kind === 'technique' && e.parent ? techniqueNames.get(e.parent) : undefined;
    return {
      id: e.id,
      kind: e.kind,
      name: e.name,
      ...(e.kind === 'actor' ? weightedAliases(e) : { aliases: [...new Set(e.aliases)].filter((a) => a !== e.name) }),
      ...(parent ? { parent } : {}),
      ...domainOf(e),
      ...(e.deprecated ? { deprecated: true as const } : {}),
    };
  });
}

function domainOf(e: Entity): { domain?: string } {
  const domain = e.kind === 'tactic' ? e.domain : e.kind === 'technique' || e.kind === 'software' ? e.domains[0] : undefined;
  return domain && domain !== ENTERPRISE ? { domain } : {};
}

const DOMAIN_ORDER = [ENTERPRISE, 'mobile-attack', 'ics-attack'];

function domainRank(e: Entity): number {
  const rank = DOMAIN_ORDER.indexOf(domainOf(e).domain ?? ENTERPRISE);
  return rank < 0 ? DOMAIN_ORDER.length : rank;
}

/** An actor's aliases, best attested first: by how many sources give them, ATT&CK counting double. */
function weightedAliases(actor: Actor): { aliases: string[]; aliasWeights: number[] } {
  const weightOf = new Map(actor.aliasInfo.map((a) => [a.name, a.sources.length + (a.sources.includes('attack') ? 1 : 0)]));
  const aliases = [...new Set(actor.aliases)]
    .filter((a) => a !== actor.name)
    .map((name) => ({ name, weight: weightOf.get(name) ?? 1 }))
    .sort((a, b) => b.weight - a.weight);
  return { aliases: aliases.map((a) => a.name), aliasWeights: aliases.map((a) => a.weight) };
}
